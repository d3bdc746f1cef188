package dev.incr.internal;

/** An input of the concurrent engine: acquire reads outside computations, writes under the lock. */
final class ConcurrentVarNode<T> extends BoxedVarNode<T> {

  ConcurrentVarNode(ConcurrentEngine engine, T initial, long revision) {
    super(engine, initial, revision);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get() {
    ConcurrentEngine e = (ConcurrentEngine) engine;
    if (e.computingThread == Thread.currentThread().getId()) {
      DependencyRecorder r = e.recorder;
      if (r != null) {
        r.record(this);
      }
      return value;
    }
    if (CrossEngineGuard.mayBeInsideAnother(e)) {
      e.checkNotForeignRead(this);
    }
    return acquireValue();
  }

  @Override
  public void set(T newValue) {
    ((ConcurrentEngine) engine).set(this, newValue);
  }
}
