package dev.incr.internal;

import dev.incr.Var;
import java.util.Objects;

/** An input of the single-threaded engine. */
final class VarNode<T> extends AbstractNode<T> implements Var<T> {

  VarNode(SingleThreadedEngine engine, T initial, long revision) {
    super(engine, ALWAYS_VERIFIED);
    this.value = initial;
    this.changedAt = revision;
  }

  @Override
  public T get() {
    SingleThreadedEngine e = engine;
    DependencyRecorder r = e.recorder;
    if (r != null) {
      r.record(this);
    } else if (ComputingThreads.count != 0) {
      e.checkNotForeignRead(this);
    }
    return value;
  }

  @Override
  public void set(T newValue) {
    SingleThreadedEngine e = engine;
    if (e.recorder != null || ComputingThreads.count != 0) {
      e.checkWriteAllowed(this, "set");
    }
    if (Objects.equals(value, newValue)) {
      return;
    }
    value = newValue;
    changedAt = e.revisionForWrite();
    e.afterWrite();
  }

  @Override
  public Var<T> label(String label) {
    this.label = Objects.requireNonNull(label, "label");
    return this;
  }

  @Override
  String defaultLabel() {
    return "var@" + Integer.toHexString(System.identityHashCode(this));
  }
}
