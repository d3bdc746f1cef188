package dev.incr.internal;

import dev.incr.Var;
import java.util.Objects;

/**
 * An input, as the engine's algorithm sees it. The value lives in the subclasses: {@link
 * BoxedVarNode} or the primitive vars ({@code IntVarNode} and kin, generated from one template,
 * {@code PrimitiveVarNode.java.template}).
 *
 * <p>Every kind of var sets its value with the same sequence, written in its own class so that
 * the JIT compiles it with the var's class known: {@link EngineCore#beginSet} (refused inside a
 * computation; the concurrent engine's lock), then, unless the var holds an equal value already
 * (by its kind of equality), {@link Writes#open} (the revision the write lands in), a
 * release store of the value, {@link Writes#close} (the var's {@code changedAt}, its
 * readers), and in every case {@link EngineCore#endSet} (observers, after the outermost write).
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
