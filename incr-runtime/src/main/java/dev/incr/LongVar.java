package dev.incr;

import java.util.function.LongSupplier;

/**
 * A {@link Var} holding a primitive {@code long}: {@link #getAsLong()} and {@link #set(long)} read and
 * write it without boxing, and the engine stores it unboxed. Created by {@link
 * Engine#longVar(long)}.
 *
 * <p>It is an ordinary node otherwise: {@link #get()} returns the value boxed, any computation may
 * read it, and it may be observed. Two values are equal when they are {@code ==}. It never holds {@code
 * null}.
 *
 * <pre>{@code
 * LongVar width = engine.longVar(10);
 * LongComputed area = engine.computedLong(() -> width.getAsLong() * width.getAsLong());
 * width.set(12);
 * area.getAsLong();
 * }</pre>
 */
public interface LongVar extends Var<Long>, LongSupplier {

  /** Returns the value, as {@link #get()} does, without boxing it. */
  @Override
  long getAsLong();

  /**
   * Replaces the value; a no-op if it equals the current one.
   *
   * @throws IllegalStateException if called from inside a computation
   */
  void set(long value);

  /**
   * Replaces the value with {@code value} unboxed.
   *
   * @throws NullPointerException if {@code value} is null: this var holds a {@code long}
   * @throws IllegalStateException if called from inside a computation
   */
  @Override
  void set(Long value);

  @Override
  LongVar label(String label);
}
