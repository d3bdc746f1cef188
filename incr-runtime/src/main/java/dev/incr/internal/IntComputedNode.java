package dev.incr.internal;

import dev.incr.IntComputed;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.IntSupplier;

/**
 * A {@link IntComputed} of either engine. The result lives unboxed in {@link #current} and is
 * compared for cutoff with {@code ==}. It is published with a release store (value before {@code
 * verifiedAt}, as for boxed nodes), and lock-free readers of the concurrent engine read it with
 * an acquire load.
 */
final class IntComputedNode extends ComputedNode<Integer> implements IntComputed {

  private static final VarHandle CURRENT;

  static {
    try {
      CURRENT = MethodHandles.lookup().findVarHandle(IntComputedNode.class, "current", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private int current;

  IntComputedNode(EngineCore engine, IntSupplier function) {
    super(engine, function);
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
  boolean compute(EngineCore core, long since) {
    return run(core, since);
  }

  @Override
  void evaluate(DependencyRecorder run) {
    run.resultBits = ((IntSupplier) function).getAsInt();
  }

  @Override
  boolean storeIfChanged(DependencyRecorder run, boolean force) {
    int result = (int) run.resultBits;
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
  public IntComputed label(String label) {
    super.label(label);
    return this;
  }

  @Override
  Object boxedValue() {
    return (int) CURRENT.getAcquire(this);
  }

  @Override
  String defaultLabel() {
    return "computedInt@" + Integer.toHexString(System.identityHashCode(this));
  }
}
