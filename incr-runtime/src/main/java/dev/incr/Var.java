package dev.incr;

/**
 * An input of the graph: a mutable value that computations read.
 *
 * <p>{@link #set(Object)} records the change and starts a new revision; it computes nothing.
 * Dependents are brought up to date lazily, when they are next read. Setting a value equal to the
 * current one ({@link java.util.Objects#equals}) changes nothing.
 *
 * @param <T> the type of the value
 */
public interface Var<T> extends Node<T> {

  /**
   * Replaces the value. A no-op if {@code value} equals the current value.
   *
   * @throws IllegalStateException if called from inside a computation
   */
  void set(T value);

  @Override
  Var<T> label(String label);
}
