package dev.incr;

import java.util.function.IntSupplier;

/**
 * A {@link Var} holding a primitive {@code int}: {@link #getAsInt()} and {@link #set(int)} read and
 * write it without boxing, and the engine stores it unboxed. Created by {@link
 * Engine#intVar(int)}.
 *
 * <p>It is an ordinary node otherwise: {@link #get()} returns the value boxed, any computation may
 * read it, and it may be observed. Two values are equal when they are {@code ==}. It never holds {@code
 * null}.
 *
 * <pre>{@code
 * IntVar width = engine.intVar(10);
 * IntComputed area = engine.computedInt(() -> width.getAsInt() * width.getAsInt());
 * width.set(12);
 * area.getAsInt();
 * }</pre>
 */
public interface IntVar extends Var<Integer>, IntSupplier {

  /** Returns the value, as {@link #get()} does, without boxing it. */
  @Override
  int getAsInt();

  /**
   * Replaces the value; a no-op if it equals the current one.
   *
   * @throws IllegalStateException if called from inside a computation
   */
  void set(int value);

  /**
   * Replaces the value with {@code value} unboxed.
   *
   * @throws NullPointerException if {@code value} is null: this var holds a {@code int}
   * @throws IllegalStateException if called from inside a computation
   */
  @Override
  void set(Integer value);

  @Override
  IntVar label(String label);
}
