package dev.incr.internal;

import java.util.function.Supplier;

/** A derived node of the concurrent engine: lock-free when up to date, locked otherwise. */
final class ConcurrentComputedNode<T> extends BoxedComputedNode<T> {

  ConcurrentComputedNode(ConcurrentEngine engine, Supplier<T> function) {
    super(engine, function);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get() {
    ConcurrentEngine e = (ConcurrentEngine) engine;
    if (e.computingThread == Thread.currentThread().getId()) {
      // This thread holds the lock and is inside the engine: plain reads, as single-threaded.
      long v = verifiedAt;
      if (v == e.revision || v == e.cleanMark) {
        DependencyRecorder r = e.recorder;
        if (r != null) {
          r.record(this);
          return value;
        }
      }
      return e.readSlowPath(this);
    }
    long v = EngineCore.acquireVerified(this);
    if (v == EngineCore.acquireRevision(e) || v == EngineCore.acquireCleanMark(e)) {
      if (CrossEngineGuard.mayBeInsideAnother(e)) {
        e.checkNotForeignRead(this);
      }
      return acquireValue();
    }
    return e.readLocked(this);
  }
}
