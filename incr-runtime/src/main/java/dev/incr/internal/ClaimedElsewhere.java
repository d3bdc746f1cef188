package dev.incr.internal;

/**
 * Thrown inside the concurrent engine, under its lock, when a verification meets a node that
 * another thread is computing outside the lock ({@link ConcurrentEngine}): every run and
 * verification on the stack since the read that took the lock is abandoned (nodes stay as they
 * were), and that read waits for the other thread's run to end, then starts over. Waiting with an
 * empty stack means no half-verified node of this thread is ever visible to the others.
 *
 * <p>An {@link Error}, so that computations catching exceptions do not swallow it; one that catches
 * it anyway is still abandoned. One instance, without a stack trace: the node to wait for is kept
 * by the engine.
 */
final class ClaimedElsewhere extends Error {
  private static final long serialVersionUID = 1L;

  static final ClaimedElsewhere INSTANCE = new ClaimedElsewhere();

  private ClaimedElsewhere() {
    super("a node this verification needs is being computed by another thread", null, false,
        false);
  }
}
