package dev.incr.internal;

import dev.incr.DoubleVar;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A {@link DoubleVar} of either engine. The value lives unboxed in {@link #current}; it is written
 * by the set every var shares ({@link VarNode#set(long, Object)}) with a release store, and
 * lock-free readers of the concurrent engine read it with an acquire load.
 */
final class DoubleVarNode extends VarNode<Double> implements DoubleVar {

  private static final VarHandle CURRENT;

  static {
    try {
      CURRENT = MethodHandles.lookup().findVarHandle(DoubleVarNode.class, "current", double.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private double current;

  DoubleVarNode(EngineCore engine, double initial, long revision) {
    super(engine, revision);
    this.current = initial;
  }

  @Override
  public double getAsDouble() {
    return prepareRead() ? current : lockFreeValue();
  }

  /**
   * The value for a reader outside the engine's lock: loaded between {@link
   * ConcurrentEngine#readStamp} and a check that no write intervened, so it is the value of one
   * revision, never one computed in the middle of a batch.
   */
  private double lockFreeValue() {
    ConcurrentEngine e = (ConcurrentEngine) engine;
    while (true) {
      long stamp = e.readStamp(this);
      double value = (double) CURRENT.getAcquire(this);
      if (e.stillAt(stamp)) {
        return value;
      }
    }
  }

  @Override
  public Double get() {
    return getAsDouble();
  }

  @Override
  public void set(double newValue) {
    set(Double.doubleToRawLongBits(newValue), null);
  }

  @Override
  boolean holds(long bits, Object unused) {
    return Double.doubleToLongBits(Double.longBitsToDouble(bits))
        == Double.doubleToLongBits(current);
  }

  @Override
  void publish(long bits, Object unused) {
    if (engine.lockFreeReads) {
      CURRENT.setRelease(this, Double.longBitsToDouble(bits));
    } else {
      current = Double.longBitsToDouble(bits);
    }
  }

  @Override
  public void set(Double newValue) {
    if (newValue == null) {
      throw new NullPointerException("Cannot set '" + label() + "' to null: it is a DoubleVar and"
          + " holds a double. Use engine.var(...) for a value that may be null.");
    }
    set(newValue.doubleValue());
  }

  @Override
  public DoubleVar label(String label) {
    super.label(label);
    return this;
  }

  @Override
  Object boxedValue() {
    return (double) CURRENT.getAcquire(this);
  }

  @Override
  String defaultLabel() {
    return "doubleVar@" + Integer.toHexString(System.identityHashCode(this));
  }
}
