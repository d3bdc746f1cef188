package dev.incr.internal;

import dev.incr.IntVar;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A {@link IntVar} of either engine. The value lives unboxed in {@link #current}; it is written
 * by the set every var shares ({@link VarNode#set(long, Object)}) with a release store, and
 * lock-free readers of the concurrent engine read it with an acquire load.
 */
final class IntVarNode extends VarNode<Integer> implements IntVar {

  private static final VarHandle CURRENT;

  static {
    try {
      CURRENT = MethodHandles.lookup().findVarHandle(IntVarNode.class, "current", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private int current;

  IntVarNode(EngineCore engine, int initial, long revision) {
    super(engine, revision);
    this.current = initial;
  }

  @Override
  public int getAsInt() {
    return prepareRead() ? current : lockFreeValue();
  }

  /**
   * The value for a reader outside the engine's lock: loaded between {@link
   * ConcurrentEngine#readStamp} and a check that no write intervened, so it is the value of one
   * revision, never one computed in the middle of a batch.
   */
  private int lockFreeValue() {
    ConcurrentEngine e = (ConcurrentEngine) engine;
    while (true) {
      long stamp = e.readStamp(this);
      int value = (int) CURRENT.getAcquire(this);
      if (e.stillAt(stamp)) {
        return value;
      }
    }
  }

  @Override
  public Integer get() {
    return getAsInt();
  }

  @Override
  public void set(int newValue) {
    set(newValue, null);
  }

  @Override
  boolean holds(long bits, Object unused) {
    return (int) bits == current;
  }

  @Override
  void publish(long bits, Object unused) {
    if (engine.lockFreeReads) {
      CURRENT.setRelease(this, (int) bits);
    } else {
      current = (int) bits;
    }
  }

  @Override
  public void set(Integer newValue) {
    if (newValue == null) {
      throw new NullPointerException("Cannot set '" + label() + "' to null: it is an IntVar and"
          + " holds an int. Use engine.var(...) for a value that may be null.");
    }
    set(newValue.intValue());
  }

  @Override
  public IntVar label(String label) {
    super.label(label);
    return this;
  }

  @Override
  Object boxedValue() {
    return (int) CURRENT.getAcquire(this);
  }

  @Override
  String defaultLabel() {
    return "intVar@" + Integer.toHexString(System.identityHashCode(this));
  }
}
