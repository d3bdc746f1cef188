package dev.incr.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;

/**
 * A {@code Computed<T>} whose value a {@link ValueLruRing} may evict: the value becomes {@link
 * ValueLruRing#EVICTED}, while dependencies and revisions stay, so verification treats the node
 * as any other. A read that finds the value evicted has the engine bring it back ({@link
 * EngineCore#valueOfEvicted}): a run whose result counts as unchanged when nothing the node read
 * has changed ({@link #restore}); when something has, the ordinary run ({@link #compute}) finds no
 * old value to compare with and counts the result as a change.
 */
final class LruComputedNode<T> extends ComputedNode<T> {

  private static final VarHandle VALUE;

  static {
    try {
      VALUE = MethodHandles.lookup().findVarHandle(LruComputedNode.class, "value", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * The value, or {@link ValueLruRing#EVICTED}; written with a release store, before {@code
   * verifiedAt}, and by an eviction.
   */
  private Object value;
  final ValueLruRing ring;
  /** The node's slot in {@link #ring}, or -1 while it holds no value there. */
  int slot = -1;
  /**
   * Raised by reads up to {@link ValueLruRing#MAX_USES}, lowered by the ring's passing hand: a
   * hint, written racily.
   */
  byte uses;

  LruComputedNode(EngineCore engine, Supplier<T> function, ValueLruRing ring) {
    super(engine, function);
    this.ring = ring;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get() {
    Object v;
    if (prepareRead()) {
      v = value;
      if (v == ValueLruRing.EVICTED) {
        return (T) engine.valueOfEvicted(this);
      }
    } else {
      v = acquireValue();
    }
    if (uses < ValueLruRing.MAX_USES) {
      uses++;
    }
    return (T) v;
  }

  /**
   * The value for a reader outside the engine's lock, as {@code BoxedComputedNode} reads it:
   * loaded between {@link ConcurrentEngine#readStamp} and a check that no write intervened. An
   * evicted value is brought back under the lock ({@link ConcurrentEngine#valueOfEvicted}), which
   * returns it as of a revision the reader reads at.
   */
  private Object acquireValue() {
    ConcurrentEngine e = (ConcurrentEngine) engine;
    while (true) {
      long stamp = e.readStamp(this);
      Object value = VALUE.getAcquire(this);
      if (value == ValueLruRing.EVICTED) {
        return e.valueOfEvicted(this);
      }
      if (e.stillAt(stamp)) {
        return value;
      }
    }
  }

  /** The value as the engine's algorithm sees it (it holds the lock, if any). */
  Object value() {
    return value;
  }

  boolean evicted() {
    return value == ValueLruRing.EVICTED;
  }

  /** Drops the value (the ring has taken the node out). */
  void evict() {
    VALUE.setRelease(this, ValueLruRing.EVICTED);
  }

  /** The run every computed follows ({@link ComputedNode#compute}), with this node's value. */
  @Override
  boolean compute(EngineCore core, long since) {
    Object result = runFunction(core, since);
    // An evicted value equals no result: the change cannot be cut off.
    boolean changed = changesAnyway(since) || !SameValue.test(value, result);
    if (changed) {
      VALUE.setRelease(this, result);
    }
    Execution.stored(core, this, changed, since);
    if (necessity() != null) {
      Execution.storedNecessary(core, this, changed);
    }
    ring.held(this);
    return changed;
  }

  /** Runs the function, recording what it reads, and returns its result. */
  private Object runFunction(EngineCore core, long since) {
    DependencyRecorder run = Execution.startRun(core, this);
    Object result;
    try {
      result = ((Supplier<?>) function).get();
    } catch (Throwable t) {
      Execution.runThrew(core, this, since, run, t);
      throw t;
    }
    Execution.finishRun(core, this, since, run);
    return result;
  }

  /**
   * Runs the function of this node, up to date at {@code since} but evicted, to get its value
   * back: what it reads has not changed, so neither has its value, and its change revision stays.
   */
  void restore(EngineCore core, long since) {
    VALUE.setRelease(this, runFunction(core, since));
    Execution.restored(core, this, since);
    ring.restored();
    ring.held(this);
  }

  @Override
  Object boxedValue() {
    return VALUE.getAcquire(this);
  }
}
