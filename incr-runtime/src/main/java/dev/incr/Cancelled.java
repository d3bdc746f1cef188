package dev.incr;

/**
 * Thrown through a computation of a {@link Engine#concurrent() concurrent engine} that a write has
 * made obsolete: the computation was reading inputs of a revision that is no longer current, so its
 * result could never be used. It is thrown at the computation's next read of a node (or its next
 * {@link Engine#checkCancelled()}), unwinds to the {@code get()} that started the work, and that
 * {@code get()} starts over at the new revision: its caller sees a current value, never this
 * exception.
 *
 * <p><b>User code must not catch it</b> (a {@code catch (RuntimeException e)} around node reads
 * inside a computation should rethrow it). The engine does not rely on it: a cancelled run that
 * swallows it and returns a value, or throws something else instead, is discarded all the same and
 * the cancellation goes on unwinding. Computations must be free of side effects, as always: a
 * cancelled run is simply abandoned, and its node stays as it was.
 *
 * <p>It carries no stack trace: it is control flow, not an error.
 */
public final class Cancelled extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the engine throws it, user code has no reason to. */
  public Cancelled() {
    super("a write made this computation obsolete; the read that started it starts over at the"
        + " new revision", null, false, false);
  }
}
