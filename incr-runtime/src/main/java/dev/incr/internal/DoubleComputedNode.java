package dev.incr.internal;

import dev.incr.DoubleComputed;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.DoubleSupplier;

/**
 * A {@link DoubleComputed} of either engine. The result lives unboxed in {@link #current} and is
 * compared for cutoff with {@link Double#compare} equality (NaN equals NaN). It is published with a
 * release store (value before {@code verifiedAt}, as for boxed nodes), and lock-free readers of
 * the concurrent engine read it with an acquire load.
 */
final class DoubleComputedNode extends ComputedNode<Double> implements DoubleComputed {

  private static final VarHandle CURRENT;

  static {
    try {
      CURRENT = MethodHandles.lookup().findVarHandle(DoubleComputedNode.class, "current", double.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private double current;

  DoubleComputedNode(EngineCore engine, DoubleSupplier function) {
    super(engine, function);
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
  boolean compute(EngineCore core, long since) {
    return run(core, since);
  }

  @Override
  void evaluate(DependencyRecorder run) {
    run.resultBits = Double.doubleToRawLongBits(((DoubleSupplier) function).getAsDouble());
  }

  @Override
  boolean storeIfChanged(DependencyRecorder run, boolean force) {
    double result = Double.longBitsToDouble(run.resultBits);
    if (force || Double.doubleToLongBits(result) != Double.doubleToLongBits(current)) {
      if (engine.lockFreeReads) {
        CURRENT.setRelease(this, result);
      } else {
        current = result;
      }
      return true;
    }
    return false;
  }

  @Override
  public DoubleComputed label(String label) {
    super.label(label);
    return this;
  }

  @Override
  Object boxedValue() {
    return (double) CURRENT.getAcquire(this);
  }

  @Override
  String defaultLabel() {
    return "computedDouble@" + Integer.toHexString(System.identityHashCode(this));
  }
}
