package dev.incr;

/**
 * A derived value: the result of a function of other nodes, memoized and recomputed only when
 * something it read on its last run has changed value.
 *
 * <p>The dependencies are exactly the nodes the function read on its last run, so they may differ
 * from one run to the next. When a re-run produces a value equal to the previous one ({@link
 * java.util.Objects#equals}), the node keeps its old change revision and the nodes that read it are
 * verified without re-running (early cutoff).
 *
 * @param <T> the type of the value
 */
public interface Computed<T> extends Node<T> {

  @Override
  Computed<T> label(String label);
}
