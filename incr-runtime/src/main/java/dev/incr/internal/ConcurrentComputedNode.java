package dev.incr.internal;

import java.util.function.Supplier;

/** A derived node of the concurrent engine: lock-free when up to date, locked otherwise. */
final class ConcurrentComputedNode<T> extends ComputedNode<T> {

  ConcurrentComputedNode(ConcurrentEngine engine, Supplier<T> function) {
    super(engine, function);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get() {
    ConcurrentEngine e = (ConcurrentEngine) engine;
    if (e.computingThread == Thread.currentThread()) {
      return e.readSlowPath(this);
    }
    if ((long) EngineCore.VERIFIED_AT.getAcquire(this) == (long) EngineCore.REVISION.getAcquire(e)) {
      if (CrossEngineGuard.mayBeInsideAnother(e)) {
        e.checkNotForeignRead(this);
      }
      return (T) EngineCore.VALUE.getAcquire(this);
    }
    return e.readLocked(this);
  }
}
