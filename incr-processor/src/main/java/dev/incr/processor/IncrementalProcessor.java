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
 * The checks that concern every class compiled are {@link CompilationCheckProcessor}'s, which runs
 * before it in each round.
 *
 * <p>Option {@code -Aincr.sourceTrees=false} makes it behave as under a compiler without source
 * trees: every query depends on every input of its object, and the checks that need the trees
 * (reads, setter calls, assignments, local classes) are off.
 */
@AutoService(Processor.class)
public final class IncrementalProcessor extends AbstractProcessor {

  private IncrClassStep step;

  /** Creates the processor; the compiler calls this. */
  public IncrementalProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    step = new IncrClassStep(processingEnv, ProcessorOptions.useTrees(processingEnv), version());
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
   * {@code @Input} and {@code @Query}, and the two annotations on the classes it generates, which
   * come back in the next round: it claims them all, so that {@code -Xlint:processing} has no
   * annotation left to report as unclaimed. Every other annotation stays for other processors.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(ClassNames.INPUT, ClassNames.QUERY,
        ClassNames.GENERATED_BY_INCR.canonicalName(), ClassNames.GENERATED.canonicalName());
  }

  @Override
  public Set<String> getSupportedOptions() {
    return ProcessorOptions.ALL;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  /** Generates the round's incremental classes and claims the annotations it supports. */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    step.process(round);
    return true;
  }
}
