package dev.incr.processor;

import com.google.auto.service.AutoService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * The annotation processor of incr: for each abstract class with {@code @Input} fields and {@code
 * @Query} methods it generates {@code Incr<Name>}, a subclass whose inputs and queries are nodes of
 * an {@code Engine}.
 *
 * <p>The processor itself only wires the pieces: {@link IncrClassStep} does the work, through the
 * scanners, the validators, {@link IncrClassParser} and {@link IncrClassWriter}. It is isolating in
 * Gradle's terms: each generated file comes from one annotated class, its originating element.
 *
 * <p>Option {@code -Aincr.sourceTrees=false} makes it behave as under a compiler without source
 * trees: every query depends on every input of its object, and the checks that need the trees
 * (reads, setter calls, assignments, local classes) are off.
 */
@AutoService(Processor.class)
public final class IncrementalProcessor extends AbstractProcessor {

  /** The processor option that turns the compile-time read analysis off. */
  static final String SOURCE_TREES_OPTION = "incr.sourceTrees";

  private IncrClassStep step;

  /** Creates the processor; the compiler calls this. */
  public IncrementalProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    boolean useTrees = !"false".equals(processingEnv.getOptions().get(SOURCE_TREES_OPTION));
    step = new IncrClassStep(processingEnv, useTrees, version());
  }

  /** The processor's version, which the code it generates requires of the runtime. */
  static String version() {
    Properties properties = new Properties();
    try (InputStream in = IncrementalProcessor.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("incr-processor is missing its version.properties; the"
            + " jar is damaged: use an official build of incr-processor");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }

  /**
   * Every annotation, and none: the processor runs for every class compiled, so that the checks of
   * the whole compilation (an input assigned from a helper class, {@code @Input} in a local class)
   * cover classes without annotations too. It claims nothing, so other processors see everything.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(SOURCE_TREES_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    step.process(round);
    return false;
  }
}
