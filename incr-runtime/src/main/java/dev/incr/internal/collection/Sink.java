package dev.incr.internal.collection;

/**
 * A consumer of one stage's output changes, one at a time: an element-wise stage applying its
 * input's changes ({@link ElementwiseStage}). A producer whose only reader is such a stage hands
 * it each change directly instead of queueing it ({@link Stage#refreshInto}).
 *
 * @param <T> the element type
 */
interface Sink<T> {
  /**
   * Applies one change: {@code weight} is +1 or -1, {@code slot} the producer's slot of {@code
   * element} ({@link Stage#slotted()}) or -1. Must be atomic: if it throws, nothing has changed.
   */
  void accept(T element, int weight, int slot);
}
