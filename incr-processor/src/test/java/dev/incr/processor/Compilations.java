package dev.incr.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Compiles test sources with {@link IncrementalProcessor}, as a user's build would. */
final class Compilations {
  private Compilations() {}

  /** Compiles {@code sources} with the processor and {@code -Xlint:all}. */
  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  /** Compiles {@code sources} with the processor, {@code -Xlint:all} and extra options. */
  static Compilation compile(List<String> options, JavaFileObject... sources) {
    List<String> all = new ArrayList<>(List.of("-Xlint:all,-processing", "--release", "17"));
    all.addAll(options);
    return javac()
        .withProcessors(new IncrementalProcessor())
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
