package dev.incr;

import java.util.function.DoubleSupplier;

/**
 * A {@link Computed} whose function returns a primitive {@code double}: the engine stores the result
 * unboxed and compares it for early cutoff without boxing ({@link Double#compare} (so a NaN equals a NaN, and {@code 0.0} does not equal {@code -0.0})), and {@link #getAsDouble()}
 * reads it without boxing. Created by {@link Engine#computedDouble(DoubleSupplier)}.
 *
 * <p>In a graph of numbers this is the fast kind of node: a boxed {@code Computed<Double>} allocates
 * a new box on most re-runs, and storing it into the node costs a GC barrier; a primitive node
 * re-runs at about two thirds of that cost. Otherwise it behaves like any computed: {@link #get()}
 * returns the value boxed, and it can be read, traced and observed like any other node.
 */
public interface DoubleComputed extends Computed<Double>, DoubleSupplier {

  /**
   * Returns the current value, as {@link #get()} does, without boxing it.
   *
   * @throws CycleException if the node depends on itself
   * @throws IllegalArgumentException if called inside a computation of a different engine
   */
  @Override
  double getAsDouble();

  @Override
  DoubleComputed label(String label);
}
