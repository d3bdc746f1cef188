package dev.incr.internal;

import dev.incr.Cancelled;

/**
 * Cancellation in a {@link ConcurrentEngine}: when a computation has become obsolete, and how it
 * is abandoned.
 *
 * <ul>
 *   <li>A computation outside the lock reads at the revision its thread's first claim was taken
 *       at ({@link ComputationsOutside#runRevision}); its first node read after a write moved the
 *       revision throws {@link Cancelled} ({@link #checkCurrent}), and so does the return of such a
 *       run ({@link Claims#returning}).
 *   <li>A computation under the lock for a top-level read gives way the same way, at its next node
 *       read, to a writer waiting for the lock ({@link #checkHere}, {@link
 *       ConcurrentEngine#writersWaiting}).
 *       Computations of a write, a batch or a push are never cancelled.
 *   <li>The {@code Cancelled} thrown is kept in {@link EngineCore#unwinding} (or the thread's
 *       {@link ComputationsOutside#unwinding} outside the lock), so every run it crosses is
 *       abandoned, its node left as it was, whatever user code does with the exception; the read
 *       that took the lock then starts over at the new revision.
 * </ul>
 */
final class Cancellation {

  private final ConcurrentEngine engine;

  Cancellation(ConcurrentEngine engine) {
    this.engine = engine;
  }

  /**
   * On the lock holder, inside a computation: throws {@link Cancelled} if a writer waits and the
   * computation belongs to a top-level read (not to a write, a batch or a push).
   */
  void checkHere() {
    ConcurrentEngine e = engine;
    if (e.writersWaiting() && e.cancellable && !e.flushing && e.unwinding == null) {
      Cancelled c = new Cancelled();
      e.unwinding = c;
      throw c;
    }
  }

  /**
   * For a computation outside the lock: throws {@link Cancelled} if a write has made it obsolete
   * (or rethrows what is already unwinding it, which user code swallowed).
   */
  void checkCurrent(ComputationsOutside o) {
    if (o.unwinding != null) {
      throw EngineCore.sneaky(o.unwinding);
    }
    if (EngineCore.acquireRevision(engine) != o.runRevision) {
      Cancelled c = new Cancelled();
      o.unwinding = c;
      throw c;
    }
  }
}
