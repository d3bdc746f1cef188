package dev.incr.internal.collection;

import dev.incr.DoubleComputed;
import dev.incr.internal.CollectionHooks.OperatorScope;
import java.util.function.ToDoubleFunction;

/**
 * {@code sum}: an exact running sum. Finite values are accumulated exactly in fixed point ({@link
 * ExactSum}), so additions and removals cancel exactly and the result is the correctly rounded sum
 * of the live values; NaNs and infinities are counted apart. O(1) per change, allocating nothing.
 *
 * <p>A fixed binary point rather than {@code BigDecimal}: adding decimals of different scales
 * multiplies by powers of ten, and {@code BigDecimal.doubleValue} goes through a decimal string.
 *
 * <p>The node is a {@link DoubleComputed} (so not an {@link Aggregate}, whose node is boxed): its
 * value is stored and compared unboxed ({@link Double#compare}, so a NaN sum is an early cutoff
 * for a NaN sum).
 */
final class SumAggregate<T> {
  private final ToDoubleFunction<? super T> value;
  private final InputReader<T> changes;
  private final DoubleComputed node;
  /** Runs the user's function so that a node read inside it is an error. */
  private final OperatorScope scope;
  /** The sum of the finite values. */
  private final ExactSum finite = new ExactSum();

  private long nans;
  private long positiveInfinities;
  private long negativeInfinities;

  SumAggregate(Stage<T> input, ToDoubleFunction<? super T> value) {
    this.value = value;
    this.changes = new InputReader<>(input);
    this.node = input.engine.computedDouble(this::run);
    this.scope = new OperatorScope(input.engine, node::label);
    node.label("sum(" + input.label() + ")");
  }

  DoubleComputed node() {
    return node;
  }

  private double run() {
    Inbox<T> in = changes.catchUp();
    // apply runs the user's value function and reads no node itself: one scope for the whole run.
    Object saved = scope.enter();
    try {
      while (!in.isEmpty()) {
        apply(in.peekElement(), in.peekWeight());
        in.pop();
      }
    } finally {
      scope.exit(saved);
    }
    return value();
  }

  /** Applies one change atomically: {@code value} runs before anything is changed. */
  private void apply(T element, int weight) {
    double v = value.applyAsDouble(element);
    if (Double.isNaN(v)) {
      nans += weight;
    } else if (v == Double.POSITIVE_INFINITY) {
      positiveInfinities += weight;
    } else if (v == Double.NEGATIVE_INFINITY) {
      negativeInfinities += weight;
    } else {
      finite.add(v, weight);
    }
  }

  /** The current sum. */
  private double value() {
    if (nans > 0 || (positiveInfinities > 0 && negativeInfinities > 0)) {
      return Double.NaN;
    }
    if (positiveInfinities > 0) {
      return Double.POSITIVE_INFINITY;
    }
    if (negativeInfinities > 0) {
      return Double.NEGATIVE_INFINITY;
    }
    return finite.toDouble();
  }
}
