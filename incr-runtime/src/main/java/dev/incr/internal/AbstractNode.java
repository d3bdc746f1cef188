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
  // The value is not here: boxed nodes keep it in a reference field, primitive ones unboxed, each in
  // its own class, so that neither pays for the other's field.
  /** Revision at which the value last changed (by a set, or by a re-run with a new value). */
  long changedAt;
  /** Revision at which the value was last known to be up to date. */
  long verifiedAt;
  /**
   * The {@link dev.incr.Durability} level ({@link DurabilityClock}): a var's own, a computed's the
   * lowest of what it read. A byte, so that a var stays at 40 bytes.
   */
  byte durability;
  /**
   * The label (a String), or the node's {@link Necessity} (which carries the label) while the node
   * is necessary: observed, or read by a necessary computed. One field for both keeps a var at 40
   * bytes.
   */
  private Object tag;

  AbstractNode(EngineCore engine, long verifiedAt) {
    this.engine = engine;
    this.verifiedAt = verifiedAt;
  }

  @Override
  public String label() {
    Object t = tag;
    String l = t instanceof Necessity ? ((Necessity) t).label : (String) t;
    return l != null ? l : defaultLabel();
  }

  final void setLabel(String label) {
    Object t = tag;
    if (t instanceof Necessity) {
      ((Necessity) t).label = label;
    } else {
      tag = label;
    }
  }

  /** The node's necessity, or null if it is not necessary. */
  final Necessity necessity() {
    Object t = tag;
    return t instanceof Necessity ? (Necessity) t : null;
  }

  final void becomeNecessary() {
    Necessity necessity = new Necessity(0);
    necessity.label = (String) tag;
    tag = necessity;
  }

  final void stopBeingNecessary() {
    tag = ((Necessity) tag).label;
  }

  abstract String defaultLabel();

  /** The value, boxed, for introspection and error reports (computes nothing). */
  abstract Object boxedValue();

  @Override
  public Engine engine() {
    return engine;
  }

  @Override
  public String toString() {
    return label();
  }
}
