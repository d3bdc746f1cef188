package dev.incr;

import java.util.function.IntSupplier;

/**
 * A {@link Computed} whose function returns a primitive {@code int}: the engine stores the result
 * unboxed and compares it for early cutoff without boxing ({@code ==}), and {@link #getAsInt()}
 * reads it without boxing. Created by {@link Engine#computedInt(IntSupplier)}.
 *
 * <p>In a graph of numbers this is the fast kind of node: a boxed {@code Computed<Integer>} allocates
 * a new box on most re-runs, and storing it into the node costs a GC barrier; a primitive node
 * re-runs at about two thirds of that cost. Otherwise it behaves like any computed: {@link #get()}
 * returns the value boxed, and it can be read, traced and observed like any other node.
 */
public interface IntComputed extends Computed<Integer>, IntSupplier {

  /**
   * Returns the current value, as {@link #get()} does, without boxing it.
   *
   * @throws CycleException if the node depends on itself
   * @throws IllegalArgumentException if called inside a computation of a different engine
   */
  @Override
  int getAsInt();

  @Override
  IntComputed label(String label);
}
