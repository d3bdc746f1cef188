package dev.incr.internal;

import dev.incr.Var;
import java.util.Objects;

/** An input; this class's own paths are the single-threaded engine's. */
class VarNode<T> extends AbstractNode<T> implements Var<T> {

  VarNode(EngineCore engine, T initial, long revision) {
    super(engine, ALWAYS_VERIFIED);
    this.value = initial;
    this.changedAt = revision;
  }

  @Override
  public T get() {
    EngineCore e = engine;
    DependencyRecorder r = e.recorder;
    if (r != null) {
      r.record(this);
    } else if (CrossEngineGuard.mayBeInsideAnother(e)) {
      e.checkNotForeignRead(this);
    }
    return value;
  }

  @Override
  public void set(T newValue) {
    EngineCore e = engine;
    if (e.recorder != null || CrossEngineGuard.mayBeInsideAnother(e)) {
      e.checkWriteAllowed(this);
    }
    if (SameValue.test(value, newValue)) {
      return;
    }
    e.write(this, newValue);
    ((SingleThreadedEngine) e).afterWrite();
  }

  /**
   * For the primitive vars' getters: records the read, leaving the value for the caller to read
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
