package dev.incr;

/**
 * A value in an incr {@link Engine}'s dependency graph: either a {@link Var} (an input) or a {@link
 * Computed} (derived from other nodes).
 *
 * <p>Reading a node with {@link #get()} inside a computation records it as a dependency of that
 * computation. Outside a computation it simply returns the current value, computing or verifying it
 * first if needed.
 *
 * @param <T> the type of the value; {@code null} is a value like any other
 */
public interface Node<T> {

  /**
   * Returns the node's current value, bringing it up to date first if an input it depends on has
   * changed.
   *
   * @throws CycleException if the node depends on itself
   * @throws IllegalArgumentException if called inside a computation of a different engine
   */
  T get();

  /**
   * Names this node for error messages, traces and graph exports.
   *
   * @return this node
   */
  Node<T> label(String label);

  /** Returns the node's label: the one given to {@link #label(String)}, or a generated one. */
  String label();

  /** Returns the engine this node belongs to. */
  Engine engine();
}
