package dev.incr.processor;

import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The whole-compilation step: for every class of the round, annotated or not, runs the {@link
 * CompilationScanner} and has the {@link CompilationValidator} report its findings. Classes the
 * processor generated are left out.
 */
final class CompilationCheckStep {
  private final SourceTrees trees;
  private final CompilationScanner scanner;
  private final CompilationValidator validator;

  /** @param useTrees false to behave as if the compiler offered no source trees */
  CompilationCheckStep(ProcessingEnvironment env, boolean useTrees) {
    this.trees = SourceTrees.of(env, useTrees);
    this.scanner = new CompilationScanner(trees);
    this.validator = new CompilationValidator(new ErrorReporter(env.getMessager(), trees));
  }

  /** Checks the classes of one round. */
  void process(RoundEnvironment round) {
    trees.newRound();
    for (Element root : round.getRootElements()) {
      if (root instanceof TypeElement && !Annotations.isGenerated(root)) {
        validator.validate(scanner.scan((TypeElement) root));
      }
    }
  }
}
