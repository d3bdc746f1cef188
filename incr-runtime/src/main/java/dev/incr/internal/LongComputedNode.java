package dev.incr.internal;

import dev.incr.LongComputed;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.LongSupplier;

/**
 * A {@link LongComputed} of either engine. The result lives unboxed in {@link #current} and is
 * compared for cutoff with {@code ==}. It is published with a release store (value before {@code
 * verifiedAt}, as for boxed nodes), and lock-free readers of the concurrent engine read it with
 * an acquire load.
 */
final class LongComputedNode extends ComputedNode<Long> implements LongComputed {

  private static final VarHandle CURRENT;

  static {
    try {
      CURRENT = MethodHandles.lookup().findVarHandle(LongComputedNode.class, "current", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private long current;

  LongComputedNode(EngineCore engine, LongSupplier function) {
    super(engine, function);
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
  boolean compute(EngineCore core, long since) {
    return run(core, since);
  }

  @Override
  void evaluate(DependencyRecorder run) {
    run.resultBits = ((LongSupplier) function).getAsLong();
  }

  @Override
  boolean storeIfChanged(DependencyRecorder run, boolean force) {
    long result = run.resultBits;
    if (force || result != current) {
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
  public LongComputed label(String label) {
    super.label(label);
    return this;
  }

  @Override
  Object boxedValue() {
    return (long) CURRENT.getAcquire(this);
  }

  @Override
  String defaultLabel() {
    return "computedLong@" + Integer.toHexString(System.identityHashCode(this));
  }
}
