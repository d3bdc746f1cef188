package dev.incr.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor under a {@link ProcessingEnvironment} that is not javac's own, as another compiler
 * (or a wrapping tool) would give it: {@code Trees.instance} refuses it, so the processor falls
 * back to "every input" with a note. The wrapper also records the originating elements of each
 * generated file, which Gradle's isolating mode relies on.
 */
class ForeignEnvironmentTest {

  /** Each generated file, as "name <- originating elements". */
  private final List<String> originating = new ArrayList<>();

  @Test
  void fallsBackToEveryInputWithANoteAndNamesOneOriginatingElement() {
    JavaFileObject src = Compilations.source("good.Pair",
        "package good;",
        "import dev.incr.annotations.Input;",
        "import dev.incr.annotations.Query;",
        "public abstract class Pair {",
        "  @Input int left;",
        "  @Input int right;",
        "  @Query int doubled() { return 2 * left; }",
        "}");
    Compilation compilation = javac()
        .withProcessors(new Wrapping(new IncrementalProcessor()))
        .withOptions("-Xlint:all,-processing")
        .compile(src);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining(Messages.NO_SOURCE_TREES.format("good.Pair"))
        .inFile(src).onLineContaining("class Pair");
    assertThat(compilation).generatedSourceFile("good.IncrPair").contentsAsUtf8String()
        .contains("this.leftInput.getAsInt();\n"
            + "      this.rightInput.getAsInt();\n"
            + "      return super.doubled();");
    assertEquals(List.of("good.IncrPair <- good.Pair"), originating);
  }

  /** Runs a processor with a delegating environment and a recording filer. */
  private final class Wrapping extends AbstractProcessor {
    private final AbstractProcessor inner;

    Wrapping(AbstractProcessor inner) {
      this.inner = inner;
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      inner.init(new Delegating(env));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return inner.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return inner.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return inner.process(annotations, round);
    }
  }

  private final class Delegating implements ProcessingEnvironment {
    private final ProcessingEnvironment env;

    Delegating(ProcessingEnvironment env) {
      this.env = env;
    }

    @Override
    public Map<String, String> getOptions() {
      return env.getOptions();
    }

    @Override
    public Messager getMessager() {
      return env.getMessager();
    }

    @Override
    public Filer getFiler() {
      Filer filer = env.getFiler();
      return new Filer() {
        @Override
        public JavaFileObject createSourceFile(CharSequence name, Element... elements)
            throws IOException {
          List<String> names = new ArrayList<>();
          for (Element e : elements) {
            names.add(((TypeElement) e).getQualifiedName().toString());
          }
          originating.add(name + " <- " + String.join(", ", names));
          return filer.createSourceFile(name, elements);
        }

        @Override
        public JavaFileObject createClassFile(CharSequence name, Element... elements)
            throws IOException {
          return filer.createClassFile(name, elements);
        }

        @Override
        public FileObject createResource(JavaFileManager.Location location, CharSequence module,
            CharSequence relativeName, Element... elements) throws IOException {
          return filer.createResource(location, module, relativeName, elements);
        }

        @Override
        public FileObject getResource(JavaFileManager.Location location, CharSequence module,
            CharSequence relativeName) throws IOException {
          return filer.getResource(location, module, relativeName);
        }
      };
    }

    @Override
    public Elements getElementUtils() {
      return env.getElementUtils();
    }

    @Override
    public Types getTypeUtils() {
      return env.getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return env.getSourceVersion();
    }

    @Override
    public Locale getLocale() {
      return env.getLocale();
    }
  }
}
