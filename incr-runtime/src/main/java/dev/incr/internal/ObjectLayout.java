package dev.incr.internal;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Shallow sizes of objects and arrays under the running JVM's settings, computed from their
 * classes' fields (no object is inspected, nothing is allocated per object), for {@code
 * Engine.footprint}.
 *
 * <p>The settings come from HotSpot's diagnostic bean: compressed references, compressed class
 * pointers, compact object headers and object alignment. On a JVM without that bean the layout is
 * that of a 64-bit HotSpot with its defaults: compressed references and class pointers when the
 * maximum heap is under 32 GB, 8-byte alignment ({@link #detected()} is then false).
 *
 * <p>Fields are placed as HotSpot (JDK 15 and later) places them: each class's primitive fields,
 * largest first, then its references, each into the first gap of the layout so far (its
 * superclasses' included) that fits it aligned to its size, else at the end.
 */
final class ObjectLayout {

  private static final long COMPRESSED_LIMIT = 32L << 30;

  /** The running JVM's layout. */
  static final ObjectLayout CURRENT = detect();

  private final int referenceSize;
  private final int headerSize;
  private final int arrayLengthOffset;
  private final int alignment;
  private final boolean elementAlignedArrays;
  private final boolean detected;
  private final String description;
  private final ClassValue<Layout> layouts = new ClassValue<>() {
    @Override
    protected Layout computeValue(Class<?> type) {
      return layoutOf(type);
    }
  };

  ObjectLayout(boolean compressedOops, boolean compressedClassPointers, boolean compactHeaders,
      int alignment, int javaFeature, boolean detected) {
    this.referenceSize = compressedOops ? 4 : 8;
    this.headerSize = compactHeaders ? 8 : compressedClassPointers ? 12 : 16;
    this.arrayLengthOffset = headerSize;
    this.alignment = alignment;
    // From JDK 22 an array's elements start right after its length, aligned to their own size;
    // before, at the next 8-byte boundary.
    this.elementAlignedArrays = javaFeature >= 22;
    this.detected = detected;
    this.description = (compressedOops ? "compressed references" : "8-byte references")
        + (compactHeaders ? ", compact object headers"
            : compressedClassPointers ? ", compressed class pointers" : ", 16-byte headers")
        + ", " + alignment + "-byte alignment"
        + (detected ? "" : " (assumed: the JVM reports no HotSpot settings)");
  }

  private static ObjectLayout detect() {
    int feature = Runtime.version().feature();
    try {
      HotSpotDiagnosticMXBean hotSpot =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (hotSpot != null) {
        boolean oops = flag(hotSpot, "UseCompressedOops", false);
        boolean classPointers = flag(hotSpot, "UseCompressedClassPointers", false);
        boolean compact = flag(hotSpot, "UseCompactObjectHeaders", false);
        int alignment = Integer.parseInt(hotSpot.getVMOption("ObjectAlignmentInBytes").getValue());
        return new ObjectLayout(oops, classPointers, compact, alignment, feature, true);
      }
    } catch (RuntimeException | LinkageError unavailable) {
      // Not HotSpot, or no management modules in this runtime: use the defaults below.
    }
    boolean small = Runtime.getRuntime().maxMemory() < COMPRESSED_LIMIT;
    return new ObjectLayout(small, small, false, 8, feature, false);
  }

  private static boolean flag(HotSpotDiagnosticMXBean hotSpot, String name, boolean absent) {
    try {
      return Boolean.parseBoolean(hotSpot.getVMOption(name).getValue());
    } catch (IllegalArgumentException noSuchOption) {
      return absent;
    }
  }

  /** Whether the settings were read from the JVM rather than assumed. */
  boolean detected() {
    return detected;
  }

  /** The settings, in words, for reports. */
  String description() {
    return description;
  }

  /** The size of an instance of {@code type} (its own fields and its superclasses'). */
  long instanceSize(Class<?> type) {
    return layouts.get(type).size;
  }

  /** The size of an array of {@code length} elements of {@code componentType}. */
  long arraySize(Class<?> componentType, int length) {
    int element = fieldSize(componentType);
    long base = arrayLengthOffset + 4;
    base = elementAlignedArrays ? alignUp(base, element) : alignUp(base, 8);
    return alignUp(base + (long) element * length, alignment);
  }

  private int fieldSize(Class<?> type) {
    if (!type.isPrimitive()) {
      return referenceSize;
    }
    if (type == long.class || type == double.class) {
      return 8;
    }
    if (type == int.class || type == float.class) {
      return 4;
    }
    if (type == short.class || type == char.class) {
      return 2;
    }
    return 1;
  }

  private Layout layoutOf(Class<?> type) {
    if (type == Object.class || type.isInterface()) {
      return new Layout(List.of(), headerSize, alignUp(headerSize, alignment));
    }
    Layout parent = layouts.get(type.getSuperclass());
    List<long[]> gaps = new ArrayList<>(parent.gaps);
    // A class's fields start after its superclass's, rounded up to a reference's size; the space
    // rounded over stays a gap that the class's own fields may fill.
    long end = alignUp(parent.end, referenceSize);
    if (end > parent.end) {
      gaps.add(new long[] {parent.end, end});
    }
    List<Integer> primitives = new ArrayList<>();
    int references = 0;
    for (Field f : type.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      if (f.getType().isPrimitive()) {
        primitives.add(fieldSize(f.getType()));
      } else {
        references++;
      }
    }
    primitives.sort((a, b) -> b - a);
    List<Integer> order = new ArrayList<>(primitives);
    for (int i = 0; i < references; i++) {
      order.add(referenceSize);
    }
    for (int size : order) {
      end = place(gaps, end, size);
    }
    return new Layout(List.copyOf(gaps), end, alignUp(Math.max(end, headerSize), alignment));
  }

  /** Places a field of {@code size} bytes in the first gap it fits, else at {@code end}. */
  private static long place(List<long[]> gaps, long end, int size) {
    for (int i = 0; i < gaps.size(); i++) {
      long[] gap = gaps.get(i);
      long start = alignUp(gap[0], size);
      if (start + size <= gap[1]) {
        gaps.remove(i);
        if (start > gap[0]) {
          gaps.add(i++, new long[] {gap[0], start});
        }
        if (start + size < gap[1]) {
          gaps.add(i, new long[] {start + size, gap[1]});
        }
        return end;
      }
    }
    long start = alignUp(end, size);
    if (start > end) {
      gaps.add(new long[] {end, start});
    }
    return start + size;
  }

  private static long alignUp(long value, long to) {
    return (value + to - 1) / to * to;
  }

  /** A class's fields: the gaps left between them, where they end, and the aligned size. */
  private static final class Layout {
    final List<long[]> gaps;
    final long end;
    final long size;

    Layout(List<long[]> gaps, long end, long size) {
      this.gaps = gaps;
      this.end = end;
      this.size = size;
    }
  }
}
