package dev.incr.internal.collection;

import dev.incr.Computed;

/**
 * An aggregate node that consumes its input's changes one at a time: each run reads the input's
 * version node, applies the queued changes and returns the value. Equal values are an early cutoff
 * for whatever reads the node.
 *
 * @param <T> the input's element type
 * @param <A> the value type
 */
abstract class Aggregate<T, A> {
  private final Stage<T> input;
  private final Computed<A> node;
  private final InputReader<T> changes;

  Aggregate(Stage<T> input, String kind) {
    this.input = input;
    this.changes = new InputReader<>(input);
    this.node = input.engine.computed(this::run);
    node.label(kind + "(" + input.label() + ")");
  }

  final Computed<A> node() {
    return node;
  }

  private A run() {
    Inbox<T> in = changes.catchUp();
    while (!in.isEmpty()) {
      apply(in.peekElement(), in.peekWeight());
      in.pop();
    }
    return value();
  }

  /** Applies one change atomically (throw before changing anything, or not at all). */
  abstract void apply(T element, int weight);

  /** The current value. */
  abstract A value();
}
