package dev.incr.internal;

import dev.incr.Engine;
import dev.incr.Node;

/**
 * State shared by vars and computeds of both engines. Fields are package-private and plain: the
 * owning engine's algorithm ({@link EngineCore}) touches them from one thread at a time, and the
 * few that concurrent readers look at are published with release stores (see {@link EngineCore}).
 */
abstract class AbstractNode<T> implements Node<T> {

  /** {@link #verifiedAt} of a var: inputs are always up to date. */
  static final long ALWAYS_VERIFIED = Long.MAX_VALUE;

  final EngineCore engine;
  T value;
  /** Revision at which {@link #value} last changed (by a set, or by a re-run with a new value). */
  long changedAt;
  /** Revision at which {@link #value} was last known to be up to date. */
  long verifiedAt;
  String label;
  /** Present while the node is necessary: observed, or read by a necessary computed. */
  Necessity necessity;

  AbstractNode(EngineCore engine, long verifiedAt) {
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
