package dev.incr.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/**
 * Compiles test sources with {@link CompilationCheckProcessor} and {@link IncrementalProcessor}, in
 * the order of their service registration, as a user's build would.
 */
final class Compilations {
  private Compilations() {}

  /** Both processors, the check first, as the service registration lists them. */
  static List<Processor> processors() {
    return List.of(new CompilationCheckProcessor(), new IncrementalProcessor());
  }

  /** Compiles {@code sources} with the processors and {@code -Xlint:all}. */
  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  /** Compiles {@code sources} with the processors, {@code -Xlint:all} and extra options. */
  static Compilation compile(List<String> options, JavaFileObject... sources) {
    List<String> all = new ArrayList<>(List.of("-Xlint:all", "--release", "17"));
    all.addAll(options);
    return javac()
        .withProcessors(processors())
        .withOptions(all)
        .compile(sources);
  }

  /** A source file from {@code src/test/resources/good}. */
  static JavaFileObject good(String simpleName) {
    return JavaFileObjects.forResource("good/" + simpleName + ".java");
  }

  /** A source file from its lines; the class name is taken from {@code qualifiedName}. */
  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }
}
