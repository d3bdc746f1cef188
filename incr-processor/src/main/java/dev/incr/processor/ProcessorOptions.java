package dev.incr.processor;

import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;

/** The options both incr processors read, given with {@code -A}. */
final class ProcessorOptions {
  /** The processor option that turns the compile-time read analysis off. */
  static final String SOURCE_TREES = "incr.sourceTrees";

  /** Every option, for {@code getSupportedOptions}. */
  static final Set<String> ALL = Set.of(SOURCE_TREES);

  private ProcessorOptions() {}

  /**
   * Whether to read the source trees: false with {@code -Aincr.sourceTrees=false}, which makes the
   * processors behave as under a compiler without source trees.
   */
  static boolean useTrees(ProcessingEnvironment env) {
    return !"false".equals(env.getOptions().get(SOURCE_TREES));
  }
}
