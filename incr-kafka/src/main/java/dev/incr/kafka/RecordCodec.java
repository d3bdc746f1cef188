package dev.incr.kafka;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The self-describing binary {@link Codec} of {@link Codec#records()}: a tag byte per value, then
 * its contents; records and enums carry their class name. Doubles and floats are written with
 * {@link Double#doubleToLongBits} (one NaN), as {@code equals} compares them.
 */
final class RecordCodec implements Codec<Object> {
  static final RecordCodec INSTANCE = new RecordCodec();

  private static final int NULL = 0;
  private static final int BOOLEAN = 1;
  private static final int BYTE = 2;
  private static final int SHORT = 3;
  private static final int CHAR = 4;
  private static final int INT = 5;
  private static final int LONG = 6;
  private static final int FLOAT = 7;
  private static final int DOUBLE = 8;
  private static final int STRING = 9;
  private static final int ENUM = 10;
  private static final int RECORD = 11;
  private static final int LIST = 12;
  private static final int OPTIONAL = 13;
  private static final int BIG_DECIMAL = 14;
  private static final int BIG_INTEGER = 15;
  private static final int EXACT_SUM = 16;

  /** A record class's components and canonical constructor, looked up once per class. */
  private record Shape(RecordComponent[] components, Constructor<?> constructor) {}

  private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();
  private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

  private RecordCodec() {}

  @Override
  public byte[] encode(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(out, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public Object decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
      Object value = read(in);
      if (in.available() > 0) {
        throw new IllegalArgumentException(
            "not a Codec.records() encoding: " + in.available() + " bytes left after the value");
      }
      return value;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "not a Codec.records() encoding (" + bytes.length + " bytes): " + e, e);
    }
  }

  private void write(DataOutputStream out, Object value) throws IOException {
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof Boolean b) {
      out.writeByte(BOOLEAN);
      out.writeBoolean(b);
    } else if (value instanceof Byte b) {
      out.writeByte(BYTE);
      out.writeByte(b);
    } else if (value instanceof Short s) {
      out.writeByte(SHORT);
      out.writeShort(s);
    } else if (value instanceof Character c) {
      out.writeByte(CHAR);
      out.writeChar(c);
    } else if (value instanceof Integer i) {
      out.writeByte(INT);
      out.writeInt(i);
    } else if (value instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (value instanceof Float f) {
      out.writeByte(FLOAT);
      out.writeInt(Float.floatToIntBits(f));
    } else if (value instanceof Double d) {
      out.writeByte(DOUBLE);
      out.writeLong(Double.doubleToLongBits(d));
    } else if (value instanceof String s) {
      out.writeByte(STRING);
      writeString(out, s);
    } else if (value instanceof Enum<?> e) {
      out.writeByte(ENUM);
      writeString(out, e.getDeclaringClass().getName());
      writeString(out, e.name());
    } else if (value instanceof Record r) {
      out.writeByte(RECORD);
      writeString(out, r.getClass().getName());
      for (RecordComponent component : shape(r.getClass()).components()) {
        Object part;
        try {
          part = component.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalArgumentException(
              "cannot read component " + component.getName() + " of " + r.getClass().getName(), e);
        }
        write(out, part);
      }
    } else if (value instanceof List<?> list) {
      out.writeByte(LIST);
      out.writeInt(list.size());
      for (Object o : list) {
        write(out, o);
      }
    } else if (value instanceof Optional<?> o) {
      out.writeByte(OPTIONAL);
      out.writeBoolean(o.isPresent());
      if (o.isPresent()) {
        write(out, o.get());
      }
    } else if (value instanceof BigDecimal d) {
      out.writeByte(BIG_DECIMAL);
      out.writeInt(d.scale());
      writeBytes(out, d.unscaledValue().toByteArray());
    } else if (value instanceof BigInteger i) {
      out.writeByte(BIG_INTEGER);
      writeBytes(out, i.toByteArray());
    } else if (value instanceof ExactSum s) {
      out.writeByte(EXACT_SUM);
      writeBytes(out, s.encode());
    } else if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
      throw new IllegalArgumentException(
          "Codec.records() cannot encode a "
              + value.getClass().getName()
              + ": equal sets and maps may list their entries in different orders, so their bytes"
              + " would differ; use a List in a fixed order, or a record, instead");
    } else {
      throw new IllegalArgumentException(
          "Codec.records() cannot encode a "
              + value.getClass().getName()
              + " ("
              + value
              + "): it writes records, enums, strings, boxed primitives, BigDecimal, BigInteger,"
              + " ExactSum, lists and Optional; make the type a record, or give its topic a"
              + " Codec of its own");
    }
  }

  private Object read(DataInputStream in) throws IOException {
    int tag = in.readUnsignedByte();
    switch (tag) {
      case NULL:
        return null;
      case BOOLEAN:
        return in.readBoolean();
      case BYTE:
        return in.readByte();
      case SHORT:
        return in.readShort();
      case CHAR:
        return in.readChar();
      case INT:
        return in.readInt();
      case LONG:
        return in.readLong();
      case FLOAT:
        return Float.intBitsToFloat(in.readInt());
      case DOUBLE:
        return Double.longBitsToDouble(in.readLong());
      case STRING:
        return readString(in);
      case ENUM:
        {
          Class<?> type = type(readString(in));
          String name = readString(in);
          for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
              return constant;
            }
          }
          throw new IllegalArgumentException(type.getName() + " has no constant " + name);
        }
      case RECORD:
        {
          Class<?> type = type(readString(in));
          Shape shape = shape(type);
          Object[] parts = new Object[shape.components().length];
          for (int i = 0; i < parts.length; i++) {
            parts[i] = read(in);
          }
          try {
            return shape.constructor().newInstance(parts);
          } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot construct a " + type.getName(), e);
          }
        }
      case LIST:
        {
          int size = in.readInt();
          List<Object> list = new ArrayList<>(size);
          for (int i = 0; i < size; i++) {
            list.add(read(in));
          }
          return Collections.unmodifiableList(list);
        }
      case OPTIONAL:
        return in.readBoolean() ? Optional.of(read(in)) : Optional.empty();
      case BIG_DECIMAL:
        {
          int scale = in.readInt();
          return new BigDecimal(new BigInteger(readBytes(in)), scale);
        }
      case BIG_INTEGER:
        return new BigInteger(readBytes(in));
      case EXACT_SUM:
        return ExactSum.decode(readBytes(in));
      default:
        throw new IllegalArgumentException("not a Codec.records() encoding: unknown tag " + tag);
    }
  }

  private Shape shape(Class<?> type) {
    return shapes.computeIfAbsent(
        type,
        t -> {
          if (!t.isRecord()) {
            throw new IllegalArgumentException(t.getName() + " is not a record");
          }
          RecordComponent[] components = t.getRecordComponents();
          Class<?>[] types = new Class<?>[components.length];
          for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            components[i].getAccessor().setAccessible(true);
          }
          try {
            Constructor<?> constructor = t.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return new Shape(components, constructor);
          } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(t.getName() + " has no canonical constructor", e);
          }
        });
  }

  private Class<?> type(String name) {
    return classes.computeIfAbsent(
        name,
        n -> {
          ClassLoader loader = Thread.currentThread().getContextClassLoader();
          try {
            return Class.forName(n, false, loader != null ? loader : RecordCodec.class.getClassLoader());
          } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(
                "cannot decode a " + n + ": no such class on this program's class path", e);
          }
        });
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    writeBytes(out, s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String readString(DataInputStream in) throws IOException {
    return new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("a length of " + length + " with " + in.available() + " bytes left");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }

  @Override
  public String toString() {
    return "Codec.records()";
  }
}
