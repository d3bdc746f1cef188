package dev.incr.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A {@code Var<T>} holding its value in a reference field; this class's own paths are the
 * single-threaded engine's ({@link ConcurrentVarNode} reads with acquire loads, writes locked).
 */
class BoxedVarNode<T> extends VarNode<T> {

  private static final VarHandle VALUE;

  static {
    try {
      VALUE = MethodHandles.lookup().findVarHandle(BoxedVarNode.class, "value", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The value; written with a release store by {@link EngineCore#write}. */
  T value;

  BoxedVarNode(EngineCore engine, T initial, long revision) {
    super(engine, revision);
    this.value = initial;
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

  /** Stores a new value with a release store (for lock-free readers). */
  final void publishValue(T newValue) {
    VALUE.setRelease(this, (Object) newValue);
  }

  /** The value, read with an acquire load (for lock-free readers). */
  @SuppressWarnings("unchecked")
  final T acquireValue() {
    return (T) VALUE.getAcquire(this);
  }

  @Override
  Object boxedValue() {
    return VALUE.getAcquire(this);
  }
}
