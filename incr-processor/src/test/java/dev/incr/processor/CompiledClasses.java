package dev.incr.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.incr.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * The classes of a successful compilation, loaded by an in-memory class loader whose parent is the
 * test's (so they share {@code incr-runtime} and {@link RunLog} with the test), and small
 * reflective helpers to create and call them.
 */
final class CompiledClasses extends ClassLoader {
  private final Map<String, byte[]> classes = new HashMap<>();

  private CompiledClasses(Compilation compilation) {
    super(CompiledClasses.class.getClassLoader());
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String name = file.getName();
      name = name.substring(name.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length());
      name = name.substring(0, name.length() - ".class".length()).replace('/', '.');
      try (InputStream in = file.openInputStream()) {
        classes.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Compiles {@code sources} with the processor (which must succeed) and loads the result. */
  static CompiledClasses compile(JavaFileObject... sources) {
    Compilation compilation = Compilations.compile(sources);
    assertThat(compilation).succeeded();
    return new CompiledClasses(compilation);
  }

  /** Loads the result of a successful compilation. */
  static CompiledClasses of(Compilation compilation) {
    assertThat(compilation).succeeded();
    return new CompiledClasses(compilation);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  /** Creates an instance of generated class {@code name} with constructor {@code (Engine)}. */
  Object create(String name, Engine engine) {
    return create(name, new Class<?>[] {Engine.class}, engine);
  }

  /** Creates an instance of {@code name} with the constructor taking {@code types}. */
  Object create(String name, Class<?>[] types, Object... args) {
    try {
      Constructor<?> c = loadClass(name).getDeclaredConstructor(types);
      c.setAccessible(true);
      return c.newInstance(args);
    } catch (InvocationTargetException e) {
      throw rethrow(e);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Calls {@code target}'s method named {@code name} with as many parameters as {@code args}. */
  static Object call(Object target, String name, Object... args) {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(name) && m.getParameterCount() == args.length && !m.isBridge()) {
          m.setAccessible(true);
          try {
            return m.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw rethrow(e);
          } catch (IllegalAccessException e) {
            throw new AssertionError(e);
          }
        }
      }
    }
    throw new AssertionError("no method " + name + " with " + args.length + " parameters");
  }

  private static RuntimeException rethrow(InvocationTargetException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException) {
      throw (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    throw new AssertionError(cause);
  }
}
