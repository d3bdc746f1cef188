package dev.incr.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** How the processor is registered, and how it copes with types generated in later rounds. */
class RegistrationAndRoundsTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = IncrementalProcessor.class.getClassLoader().getResourceAsStream(name)) {
      assertTrue(in != null, "missing resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Both processors are registered, the check first, so that it runs first in every round. */
  @Test
  void registeredWithAutoServiceCheckFirst() throws IOException {
    assertEquals(List.of(CompilationCheckProcessor.class.getName(),
            IncrementalProcessor.class.getName()),
        resource("META-INF/services/javax.annotation.processing.Processor").lines()
            .filter(line -> line.startsWith("dev.incr."))
            .collect(Collectors.toList()));
  }

  @Test
  void bothDeclaredIsolatingForGradle() throws IOException {
    assertEquals(List.of("dev.incr.processor.CompilationCheckProcessor,isolating",
            "dev.incr.processor.IncrementalProcessor,isolating"),
        resource("META-INF/gradle/incremental.annotation.processors").lines()
            .collect(Collectors.toList()));
  }

  /**
   * Generates {@code gen.Later} in the first round, as another processor might. It runs before
   * ours: after them, it would find every annotation of these sources claimed and not be called.
   */
  static final class LaterTypeProcessor extends AbstractProcessor {
    private boolean generated;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!generated) {
        generated = true;
        try (Writer w = processingEnv.getFiler().createSourceFile("gen.Later").openWriter()) {
          w.write("package gen; public final class Later { public int size() { return 3; } }");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void assignmentChecksDoNotTripOverTypesGeneratedLater() {
    JavaFileObject src = Compilations.source("e2e.UsesLaterInBodies",
        "package e2e;",
        "import dev.incr.annotations.Input;",
        "import dev.incr.annotations.Query;",
        "import gen.*;",
        "public abstract class UsesLaterInBodies {",
        "  @Input int x;",
        "  int plain;",
        "  void touch() {",
        "    plain = new Later().size();",
        "    Later l = null;",
        "    plain += l == null ? 1 : 2;",
        "  }",
        "  @Query int size() { return x + new Later().size(); }",
        "}");
    Compilation compilation = javac()
        .withProcessors(new LaterTypeProcessor(), new CompilationCheckProcessor(),
            new IncrementalProcessor())
        .withOptions("-Xlint:all")
        .compile(src);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("e2e.IncrUsesLaterInBodies")
        .contentsAsUtf8String().contains("this.xInput.getAsInt();");
  }

  @Test
  void aClassReferringToATypeGeneratedLaterIsDeferredThenGenerated() {
    JavaFileObject src = Compilations.source("e2e.UsesLater",
        "package e2e;",
        "import dev.incr.annotations.Input;",
        "import dev.incr.annotations.Query;",
        "import gen.*;", // until gen.Later exists, 'Later' is an unknown type of no known package
        "public abstract class UsesLater {",
        "  @Input Later later;",
        "  @Query int size() { return later == null ? 0 : later.size(); }",
        "}");
    Compilation compilation = javac()
        .withProcessors(new LaterTypeProcessor(), new CompilationCheckProcessor(),
            new IncrementalProcessor())
        .withOptions("-Xlint:all")
        .compile(src);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("e2e.IncrUsesLater")
        .contentsAsUtf8String().contains("import gen.Later;");
  }
}
