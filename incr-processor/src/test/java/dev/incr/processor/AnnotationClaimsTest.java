package dev.incr.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Which annotations the processors claim: {@link IncrementalProcessor} claims incr's own, so that
 * {@code -Xlint:all -Werror} builds pass, and leaves every other annotation to other processors;
 * {@link CompilationCheckProcessor} claims nothing and still checks every class.
 */
class AnnotationClaimsTest {

  /** Incr's processors as the compiler's service loader finds them, in that order. */
  private static List<Processor> registered() {
    List<Processor> found = new ArrayList<>();
    ClassLoader loader = AnnotationClaimsTest.class.getClassLoader();
    for (Processor p : ServiceLoader.load(Processor.class, loader)) {
      if (p.getClass().getPackageName().equals("dev.incr.processor")) {
        found.add(p);
      }
    }
    assertEquals(2, found.size(), "incr's processors are not both registered: " + found);
    return found;
  }

  private static final JavaFileObject COUNTER = Compilations.source("app.Counter",
      "package app;",
      "import dev.incr.annotations.Input;",
      "import dev.incr.annotations.Query;",
      "public abstract class Counter {",
      "  @Input int count;",
      "  @Query int doubled() { return 2 * count; }",
      "}");

  @Test
  void anAnnotatedClassCompilesUnderXlintAllWerror() {
    Compilation compilation = javac()
        .withProcessors(registered())
        .withOptions("-Xlint:all", "-Werror", "--release", "17")
        .compile(COUNTER);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("app.IncrCounter");
  }

  /**
   * In the registered order, the whole-compilation check runs although the generating processor
   * claims every annotation of the round, and its finding is reported once.
   */
  @Test
  void theWholeCompilationCheckRunsOnceInTheRegisteredOrder() {
    JavaFileObject helper = Compilations.source("app.ErroneousReset",
        "package app;",
        "class ErroneousReset {",
        "  static void reset(Counter c) {",
        "    c.count = 0;",
        "  }",
        "}");
    Compilation compilation = javac()
        .withProcessors(registered())
        .withOptions("-Xlint:all", "--release", "17")
        .compile(COUNTER, helper);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Messages.INPUT_ASSIGNED.format("count", "setCount(...)",
            "setCount(int count)"))
        .inFile(helper).onLineContaining("c.count = 0;");
  }

  /**
   * A processor after ours that supports {@code @Query} and another annotation of the same class is
   * offered the other annotation only: javac hands claimed annotations to no later processor.
   */
  @Test
  void otherAnnotationsReachTheProcessorsAfterOurs() {
    JavaFileObject marker = Compilations.source("app.Marker",
        "package app;",
        "public @interface Marker {}");
    JavaFileObject marked = Compilations.source("app.Marked",
        "package app;",
        "import dev.incr.annotations.Input;",
        "import dev.incr.annotations.Query;",
        "@Marker",
        "public abstract class Marked {",
        "  @Input int x;",
        "  @Query int q() { return x; }",
        "}");
    Recording after = new Recording(Set.of("app.Marker", "dev.incr.annotations.Query"));
    List<Processor> processors = new ArrayList<>(registered());
    processors.add(after);
    Compilation compilation = javac()
        .withProcessors(processors)
        .withOptions("-Xlint:all", "--release", "17")
        .compile(marker, marked);
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(Set.of("app.Marker"), after.offered);
  }

  /** Records the annotations it is offered, and claims them. */
  private static final class Recording extends AbstractProcessor {
    private final Set<String> supported;
    final Set<String> offered = new TreeSet<>();

    Recording(Set<String> supported) {
      this.supported = supported;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return supported;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      for (TypeElement a : annotations) {
        offered.add(a.getQualifiedName().toString());
      }
      return true;
    }
  }
}
