package dev.incr.internal;

import dev.incr.LongVar;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A {@link LongVar} of either engine. The value lives unboxed in {@link #current}; it is written
 * by the set every var shares ({@link VarNode#set(long, Object)}) with a release store, and
 * lock-free readers of the concurrent engine read it with an acquire load.
 */
final class LongVarNode extends VarNode<Long> implements LongVar {

  private static final VarHandle CURRENT;

  static {
    try {
      CURRENT = MethodHandles.lookup().findVarHandle(LongVarNode.class, "current", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private long current;

  LongVarNode(EngineCore engine, long initial, long revision) {
    super(engine, revision);
    this.current = initial;
  }

  @Override
  public long getAsLong() {
    return prepareRead() ? current : lockFreeValue();
  }

  /**
   * The value for a reader outside the engine's lock: loaded between {@link
   * ConcurrentEngine#readStamp} and a check that no write intervened, so it is the value of one
   * revision, never one computed in the middle of a batch.
   */
  private long lockFreeValue() {
    ConcurrentEngine e = (ConcurrentEngine) engine;
    while (true) {
      long stamp = e.readStamp(this);
      long value = (long) CURRENT.getAcquire(this);
      if (e.stillAt(stamp)) {
        return value;
      }
    }
  }

  @Override
  public Long get() {
    return getAsLong();
  }

  @Override
  public void set(long newValue) {
    set(newValue, null);
  }

  @Override
  boolean holds(long bits, Object unused) {
    return bits == current;
  }

  @Override
  void publish(long bits, Object unused) {
    if (engine.lockFreeReads) {
      CURRENT.setRelease(this, bits);
    } else {
      current = bits;
    }
  }

  @Override
  public void set(Long newValue) {
    if (newValue == null) {
      throw new NullPointerException("Cannot set '" + label() + "' to null: it is a LongVar and"
          + " holds a long. Use engine.var(...) for a value that may be null.");
    }
    set(newValue.longValue());
  }

  @Override
  public LongVar label(String label) {
    super.label(label);
    return this;
  }

  @Override
  Object boxedValue() {
    return (long) CURRENT.getAcquire(this);
  }

  @Override
  String defaultLabel() {
    return "longVar@" + Integer.toHexString(System.identityHashCode(this));
  }
}
