package dev.incr.internal;

import dev.incr.Engine;
import dev.incr.Node;

/**
 * State shared by the single-threaded engine's vars and computeds. Fields are package-private and
 * plain: the engine that owns the node is the only code that touches them, from one thread.
 */
abstract class AbstractNode<T> implements Node<T> {

  /** {@link #verifiedAt} of a var: inputs are always up to date. */
  static final long ALWAYS_VERIFIED = Long.MAX_VALUE;

  final SingleThreadedEngine engine;
  T value;
  /** Revision at which {@link #value} last changed (by a set, or by a re-run with a new value). */
  long changedAt;
  /** Revision at which {@link #value} was last known to be up to date. */
  long verifiedAt;
  /** The run stamp of the last computation that recorded this node as a dependency. */
  long readStamp;
  String label;

  AbstractNode(SingleThreadedEngine engine, long verifiedAt) {
    this.engine = engine;
    this.verifiedAt = verifiedAt;
  }

  @Override
  public String label() {
    String l = label;
    return l != null ? l : defaultLabel();
  }

  abstract String defaultLabel();

  @Override
  public Engine engine() {
    return engine;
  }

  @Override
  public String toString() {
    return label();
  }
}
