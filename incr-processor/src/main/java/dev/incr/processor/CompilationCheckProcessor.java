package dev.incr.processor;

import com.google.auto.service.AutoService;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * The whole-compilation check of incr: in every class compiled, annotated or not, it reports
 * assignments to {@code @Input} fields outside constructors, changes to their contents in place,
 * reads of input fields from classes that are not incremental, and incremental classes declared
 * inside a method. {@link CompilationCheckStep} does the work.
 *
 * <p>It supports every annotation so that the compiler calls it for every compilation, and claims
 * none, so other processors see them all. It has to run before {@link IncrementalProcessor} in
 * each round: once that one has claimed {@code @Input} and {@code @Query}, a compilation with no
 * other annotation leaves nothing for this one to be called for. The service registration lists
 * it first; a build that names processors with {@code -processor} must name it first too.
 *
 * <p>It reads option {@code -Aincr.sourceTrees=false} as {@link IncrementalProcessor} does: without
 * source trees there is nothing to check.
 */
@AutoService(Processor.class)
public final class CompilationCheckProcessor extends AbstractProcessor {
  private CompilationCheckStep step;

  /** Creates the processor; the compiler calls this. */
  public CompilationCheckProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    step = new CompilationCheckStep(processingEnv, ProcessorOptions.useTrees(processingEnv));
  }

  /** Every annotation, so that classes without any are checked too. */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return ProcessorOptions.ALL;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  /** Checks the round's classes and claims nothing. */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    step.process(round);
    return false;
  }
}
