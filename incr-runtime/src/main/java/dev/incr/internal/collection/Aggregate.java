package dev.incr.internal.collection;

import dev.incr.Computed;
import dev.incr.internal.CollectionHooks.OperatorScope;

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
  /** Runs the user's function so that a node read inside it is an error. */
  private final OperatorScope scope;

  Aggregate(Stage<T> input, String kind) {
    this.input = input;
    this.changes = new InputReader<>(input);
    this.node = input.engine.computed(this::run);
    node.label(kind + "(" + input.label() + ")");
    this.scope = new OperatorScope(input.engine, node::label);
  }

  final Computed<A> node() {
    return node;
  }

  private A run() {
    Inbox<T> in = changes.catchUp();
    // apply and value run the user's functions (comparator, accumulator, add and remove) and read
    // no node themselves.
    Object saved = scope.enter();
    try {
      while (!in.isEmpty()) {
        apply(in.peekElement(), in.peekWeight());
        in.pop();
      }
      return value();
    } finally {
      scope.exit(saved);
    }
  }

  /** Applies one change atomically (throw before changing anything, or not at all). */
  abstract void apply(T element, int weight);

  /** The current value. */
  abstract A value();
}
