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

  /** The run every computed follows ({@link ComputedNode#compute}), with this node's value. */
  @Override
  @SuppressWarnings("unchecked")
  boolean compute(EngineCore core, long since) {
    DependencyRecorder run = Execution.startRun(core, this);
    T result;
    try {
      result = ((Supplier<T>) function).get();
    } catch (Throwable t) {
      Execution.runThrew(core, this, since, run, t);
      throw t;
    }
    Execution.finishRun(core, this, since, run);
    boolean changed = changesAnyway(since) || !SameValue.test(value, result);
    if (changed) {
      if (engine.lockFreeReads) {
        VALUE.setRelease(this, (Object) result);
      } else {
        value = result;
      }
    }
    Execution.stored(core, this, changed, since);
    if (necessity() != null) {
      Execution.storedNecessary(core, this, changed);
    }
    return changed;
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
