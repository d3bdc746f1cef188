package dev.incr.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;

/** A {@code Computed<T>} of either engine, holding its value in a reference field. */
final class BoxedComputedNode<T> extends ComputedNode<T> {

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
    return prepareRead() ? value : acquireValue();
  }

  @Override
  boolean compute(EngineCore core, long since) {
    return run(core, since);
  }

  @Override
  @SuppressWarnings("unchecked")
  void evaluate(DependencyRecorder run) {
    run.result = ((Supplier<T>) function).get();
  }

  @Override
  @SuppressWarnings("unchecked")
  boolean storeIfChanged(DependencyRecorder run, boolean force) {
    T result = (T) run.result;
    run.result = null;
    if (force || !SameValue.test(value, result)) {
      if (engine.lockFreeReads) {
        VALUE.setRelease(this, (Object) result);
      } else {
        value = result;
      }
      return true;
    }
    return false;
  }

  /**
   * The value for a reader outside the engine's lock: loaded between {@link
   * ConcurrentEngine#readStamp} and a check that no write intervened, so it is the value of one
   * revision, never one computed in the middle of a batch.
   */
  @SuppressWarnings("unchecked")
  private T acquireValue() {
    ConcurrentEngine e = (ConcurrentEngine) engine;
    while (true) {
      long stamp = e.readStamp(this);
      T value = (T) VALUE.getAcquire(this);
      if (e.stillAt(stamp)) {
        return value;
      }
    }
  }

  @Override
  Object boxedValue() {
    return VALUE.getAcquire(this);
  }
}
