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
   * The label (a String), or the node's {@link Necessity} (which carries the label) while the node
   * is necessary: observed, or read by a necessary computed, or a {@link DurableTag} (label and
   * durability) for a node whose durability is above {@code LOW}. One field for all keeps a var at
   * 40 bytes.
   */
  private Object tag;

  AbstractNode(EngineCore engine, long verifiedAt) {
    this.engine = engine;
    this.verifiedAt = verifiedAt;
  }

  @Override
  public String label() {
    Object t = tag;
    String l = t instanceof Necessity ? ((Necessity) t).label
        : t instanceof DurableTag ? ((DurableTag) t).label : (String) t;
    return l != null ? l : defaultLabel();
  }

  final void setLabel(String label) {
    Object t = tag;
    if (t instanceof Necessity) {
      ((Necessity) t).label = label;
    } else if (t instanceof DurableTag) {
      ((DurableTag) t).label = label;
    } else {
      tag = label;
    }
  }

  /** The node's {@link dev.incr.Durability} level ({@link DurabilityClock}): LOW unless tagged. */
  final byte durability() {
    Object t = tag;
    if (t == null || t.getClass() == String.class) {
      return DurabilityClock.LOW;
    }
    return t instanceof Necessity ? ((Necessity) t).durability : ((DurableTag) t).durability;
  }

  /**
   * Sets the durability level, keeping a tag object only while it is above LOW. A necessary
   * computed stays LOW: push confirms it without verifying it (so its level would not follow what
   * it reads), and reads of it are constant time anyway; it is verified the ordinary way, which
   * sets its level again, once it stops being necessary.
   */
  final void setDurability(byte level) {
    Object t = tag;
    if (t instanceof Necessity) {
      return;
    } else if (t instanceof DurableTag) {
      if (level == DurabilityClock.LOW) {
        tag = ((DurableTag) t).label;
      } else {
        ((DurableTag) t).durability = level;
      }
    } else if (level != DurabilityClock.LOW) {
      tag = new DurableTag((String) t, level);
    }
  }

  /** The node's necessity, or null if it is not necessary. */
  final Necessity necessity() {
    Object t = tag;
    return t instanceof Necessity ? (Necessity) t : null;
  }

  final void becomeNecessary() {
    Necessity necessity = new Necessity(0);
    Object t = tag;
    if (t instanceof DurableTag) {
      necessity.label = ((DurableTag) t).label;
      // A var keeps its level (the clock needs it for its writes); a computed is LOW meanwhile.
      if (this instanceof VarNode) {
        necessity.durability = ((DurableTag) t).durability;
      }
    } else {
      necessity.label = (String) t;
    }
    tag = necessity;
    engine.necessary.necessaryNodes++;
  }

  final void stopBeingNecessary() {
    Necessity necessity = (Necessity) tag;
    engine.necessary.necessaryNodes--;
    tag = necessity.durability == DurabilityClock.LOW
        ? necessity.label : new DurableTag(necessity.label, necessity.durability);
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
