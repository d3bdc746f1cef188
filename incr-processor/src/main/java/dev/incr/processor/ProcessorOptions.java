package dev.incr.processor;

import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;

/** The options both incr processors read, given with {@code -A}. */
final class ProcessorOptions {
  /** The processor option that turns the compile-time read analysis off. */
  static final String SOURCE_TREES = "incr.sourceTrees";

  /**
   * The processor option that notes, on each argument-less query, whether its dependencies are
   * known at compile time, and if not, which construct keeps them dynamic.
   */
  static final String EXPLAIN_DEPENDENCIES = "incr.explainDependencies";

  /** Every option, for {@code getSupportedOptions}. */
  static final Set<String> ALL = Set.of(SOURCE_TREES, EXPLAIN_DEPENDENCIES);

  private ProcessorOptions() {}

  /**
   * Whether to read the source trees: false with {@code -Aincr.sourceTrees=false}, which makes the
   * processors behave as under a compiler without source trees.
   */
  static boolean useTrees(ProcessingEnvironment env) {
    return !"false".equals(env.getOptions().get(SOURCE_TREES));
  }

  /** Whether to explain each query's dependencies: {@code -Aincr.explainDependencies=true}. */
  static boolean explainDependencies(ProcessingEnvironment env) {
    return "true".equals(env.getOptions().get(EXPLAIN_DEPENDENCIES));
  }
}
