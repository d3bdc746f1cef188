package dev.incr;

import java.util.function.DoubleSupplier;

/**
 * A {@link Var} holding a primitive {@code double}: {@link #getAsDouble()} and {@link #set(double)} read and
 * write it without boxing, and the engine stores it unboxed. Created by {@link
 * Engine#doubleVar(double)}.
 *
 * <p>It is an ordinary node otherwise: {@link #get()} returns the value boxed, any computation may
 * read it, and it may be observed. Two values are equal when they are {@link Double#compare} (so a NaN equals a NaN, and {@code 0.0} does not equal {@code -0.0}). It never holds {@code
 * null}.
 *
 * <pre>{@code
 * DoubleVar width = engine.doubleVar(10.0);
 * DoubleComputed area = engine.computedDouble(() -> width.getAsDouble() * width.getAsDouble());
 * width.set(12.0);
 * area.getAsDouble();
 * }</pre>
 */
public interface DoubleVar extends Var<Double>, DoubleSupplier {

  /** Returns the value, as {@link #get()} does, without boxing it. */
  @Override
  double getAsDouble();

  /**
   * Replaces the value; a no-op if it equals the current one.
   *
   * @throws IllegalStateException if called from inside a computation
   */
  void set(double value);

  /**
   * Replaces the value with {@code value} unboxed.
   *
   * @throws NullPointerException if {@code value} is null: this var holds a {@code double}
   * @throws IllegalStateException if called from inside a computation
   */
  @Override
  void set(Double value);

  @Override
  DoubleVar label(String label);
}
