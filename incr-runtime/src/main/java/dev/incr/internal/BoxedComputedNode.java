package dev.incr.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;

/**
 * A {@code Computed<T>} holding its value in a reference field; this class's own fast path is the
 * single-threaded engine's ({@link ConcurrentComputedNode} reads with acquire loads).
 */
class BoxedComputedNode<T> extends ComputedNode<T> {

  private static final VarHandle VALUE;

  static {
    try {
      VALUE = MethodHandles.lookup().findVarHandle(BoxedComputedNode.class, "value", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The value; written with a release store, before {@code verifiedAt}. */
  T value;

  BoxedComputedNode(EngineCore engine, Supplier<T> function) {
    super(engine, function);
  }

  @Override
  public T get() {
    EngineCore e = engine;
    long v = verifiedAt;
    if (v == e.revision || v == e.cleanMark) {
      DependencyRecorder r = e.recorder;
      if (r != null) {
        r.record(this);
        return value;
      }
      if (CrossEngineGuard.lastToken == e.token) {
        return value;
      }
    }
    return e.readSlowPath(this);
  }

  @Override
  @SuppressWarnings("unchecked")
  boolean compute(EngineCore core, long since) {
    DependencyRecorder parent = core.startRun(this);
    T result;
    try {
      result = ((Supplier<T>) function).get();
    } catch (Throwable t) {
      core.runThrew(this, since, parent);
      throw t;
    }
    core.finishRun(this, since, parent);
    boolean changed = since == NEVER_RAN || !SameValue.test(value, result);
    if (changed) {
      VALUE.setRelease(this, (Object) result);
    }
    return core.stored(this, changed, since);
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
