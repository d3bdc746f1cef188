package dev.incr.internal;

import dev.incr.Var;
import java.util.Objects;

/**
 * An input, as the engine's algorithm sees it. The value lives in the subclasses: {@link
 * BoxedVarNode} or the primitive vars ({@link IntVarNode} and kin).
 */
abstract class VarNode<T> extends AbstractNode<T> implements Var<T> {

  VarNode(EngineCore engine, long revision) {
    super(engine, ALWAYS_VERIFIED);
    this.changedAt = revision;
  }

  /**
   * For every var's getter: records the read, leaving the value for the caller to read
   * from its own field. Returns true if the caller may read that field plainly, false if it must
   * use an acquire load (a lock-free reader of the concurrent engine).
   */
  final boolean prepareRead() {
    EngineCore e = engine;
    if (e.lockFreeReads) {
      return ((ConcurrentEngine) e).prepareRead(this);
    }
    DependencyRecorder r = e.recorder;
    if (r != null) {
      r.record(this);
    } else if (CrossEngineGuard.mayBeInsideAnother(e)) {
      e.checkNotForeignRead(this);
    }
    return true;
  }

  /**
   * The set of every var, the same for every kind of var: {@link EngineCore#beginSet} (refused
   * inside a computation; the concurrent engine's lock), then, unless the var {@link #holds} the
   * new value already, {@link EngineCore#openWrite} (the revision the write lands in), the var's
   * {@link #publish}, {@link EngineCore#closeWrite} (the var's {@code changedAt}, its readers), and
   * {@link EngineCore#endSet} (observers, after the outermost write). The new value comes as the
   * raw bits of a primitive ({@code bits}) or as a reference ({@code ref}), whichever the kind of
   * var holds, so that nothing is boxed; each kind calls this from its own {@code set}, where its
   * class is known and the hooks are direct calls.
   */
  final void set(long bits, Object ref) {
    EngineCore e = engine;
    e.beginSet(this);
    boolean wrote = false;
    try {
      if (!holds(bits, ref)) {
        long rev = e.openWrite(this);
        publish(bits, ref);
        e.closeWrite(this, rev);
        wrote = true;
      }
    } finally {
      e.endSet(wrote);
    }
  }

  /** Whether the var holds the value {@link #set(long, Object)} was given, by its equality. */
  abstract boolean holds(long bits, Object ref);

  /** Stores the value {@link #set(long, Object)} was given, with a release store. */
  abstract void publish(long bits, Object ref);

  /** Whether the var holds {@code value} again: the same value as its set would compare it. */
  boolean holdsAgain(Object value) {
    return SameValue.test(value, boxedValue());
  }

  @Override
  public Var<T> label(String label) {
    setLabel(Objects.requireNonNull(label, "label(null): a label must be a non-null name"));
    return this;
  }

  @Override
  String defaultLabel() {
    return "var@" + Integer.toHexString(System.identityHashCode(this));
  }
}
