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

  @Override
  public final Var<T> label(String label) {
    setLabel(Objects.requireNonNull(label, "label(null): a label must be a non-null name"));
    return this;
  }

  @Override
  String defaultLabel() {
    return "var@" + Integer.toHexString(System.identityHashCode(this));
  }
}
