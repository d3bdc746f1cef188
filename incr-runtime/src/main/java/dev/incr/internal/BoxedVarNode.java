package dev.incr.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A {@code Var<T>} of either engine, holding its value in a reference field; set by the sequence
 * every var follows ({@link VarNode}).
 */
final class BoxedVarNode<T> extends VarNode<T> {

  private static final VarHandle VALUE;

  static {
    try {
      VALUE = MethodHandles.lookup().findVarHandle(BoxedVarNode.class, "value", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The value; written with a release store by {@link #set}. */
  T value;

  /** Whether a set compares by reference ({@code Equality.IDENTITY}) rather than {@code equals}. */
  private final boolean identity;

  BoxedVarNode(EngineCore engine, T initial, long revision, boolean identity) {
    super(engine, revision);
    this.value = initial;
    this.identity = identity;
  }

  @Override
  public T get() {
    return prepareRead() ? value : acquireValue();
  }

  @Override
  public void set(T newValue) {
    EngineCore e = engine;
    e.beginSet(this);
    boolean wrote = false;
    try {
      if (!holds(newValue)) {
        long rev = Writes.open(e, this);
        if (e.lockFreeReads) {
          VALUE.setRelease(this, (Object) newValue);
        } else {
          value = newValue;
        }
        Writes.close(e, this, rev);
        wrote = true;
      }
    } finally {
      e.endSet(wrote);
    }
  }

  private boolean holds(Object newValue) {
    return identity ? value == newValue : SameValue.test(value, newValue);
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
  boolean holdsAgain(Object value) {
    return identity ? value == boxedValue() : super.holdsAgain(value);
  }

  @Override
  Object boxedValue() {
    return VALUE.getAcquire(this);
  }
}
