package dev.incr.internal;

import java.lang.ref.WeakReference;

/**
 * Reports a computation of one engine reading or writing a node of another, without putting a
 * thread-local lookup or an atomic on the fast paths.
 *
 * <p>Every engine starting a top-level recomputation records, in plain static fields, a token of
 * itself (and a weak reference to itself), and in its own {@code topLevelThread} field the id of
 * the thread it is running on. A fast path asks {@link #mayBeInsideAnother}: if the last engine to start
 * computing is the node's own engine (the common case: one engine per program, or per thread at a
 * time) or none, nothing more is checked. Otherwise the slow path asks that last engine whether it
 * is computing on this thread right now.
 *
 * <p>The fields are written racily. With one thread, or several threads sharing one engine, the
 * check is exact. With several threads each computing in its own engine at the same moment, a
 * cross-engine access can go unreported (the "last engine" may be another thread's); it is never
 * reported falsely, and the engines themselves stay correct: this is only error reporting.
 */
final class CrossEngineGuard {

  /** Token of the engine that last started a top-level recomputation, or null. */
  static Object lastToken;
  private static WeakReference<EngineCore> lastEngine = new WeakReference<>(null);

  /**
   * Off only in tests whose harness abandons threads mid-computation (Lincheck's model checker),
   * which would otherwise leave a stale engine behind.
   */
  static boolean enabled = true;

  private CrossEngineGuard() {}

  /** Whether an access to a node of {@code engine} could be inside another engine's computation. */
  static boolean mayBeInsideAnother(EngineCore engine) {
    Object last = lastToken;
    return last != null && last != engine.token;
  }

  /** Records that {@code engine} starts a top-level recomputation on the current thread. */
  static long enter(EngineCore engine) {
    long previous = engine.topLevelThread;
    engine.topLevelThread = Thread.currentThread().getId();
    if (lastToken != engine.token && enabled) {
      lastEngine = new WeakReference<>(engine);
      lastToken = engine.token;
    }
    return previous;
  }

  static void exit(EngineCore engine, long previous) {
    engine.topLevelThread = previous;
  }

  /**
   * The recorder of a computation of an engine other than {@code engine} running on this thread,
   * or null.
   */
  static DependencyRecorder foreignComputation(EngineCore engine) {
    if (!enabled) {
      return null;
    }
    EngineCore last = lastEngine.get();
    if (last == null || last == engine || last.topLevelThread != Thread.currentThread().getId()) {
      return null;
    }
    return last.recorderOnThisThread();
  }
}
