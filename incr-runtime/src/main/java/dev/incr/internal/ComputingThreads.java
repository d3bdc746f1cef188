package dev.incr.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Which thread is computing in which engine, so that a computation of one engine
 * reading a node of another is reported instead of silently going untracked.
 *
 * <p>{@link #count} is the number of threads inside a top-level recomputation of any engine. It is
 * updated atomically on entering and leaving one (once per top-level {@code get} that has work to
 * do, not per node) and read plainly on the fast paths: a thread always sees its own updates, and a
 * stale value seen by another thread only sends it down the slow path, which asks {@link #current}.
 */
final class ComputingThreads {
  static int count;

  /**
   * Off only in tests whose harness abandons threads mid-computation (Lincheck's model checker),
   * which would otherwise leave a stale engine behind in the thread-local.
   */
  static boolean enabled = true;

  private static final VarHandle COUNT;
  private static final ThreadLocal<EngineCore> CURRENT = new ThreadLocal<>();

  static {
    try {
      COUNT = MethodHandles.lookup().findStaticVarHandle(ComputingThreads.class, "count", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private ComputingThreads() {}

  /** Marks this thread as computing in {@code engine}; returns what to pass to {@link #exit}. */
  static EngineCore enter(EngineCore engine) {
    if (!enabled) {
      return null;
    }
    EngineCore previous = CURRENT.get();
    CURRENT.set(engine);
    COUNT.getAndAdd(1);
    return previous;
  }

  static void exit(EngineCore previous) {
    if (!enabled) {
      return;
    }
    COUNT.getAndAdd(-1);
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  /** The engine this thread is computing in, or null. Cheap when no thread is computing. */
  static EngineCore current() {
    return count == 0 ? null : CURRENT.get();
  }
}
