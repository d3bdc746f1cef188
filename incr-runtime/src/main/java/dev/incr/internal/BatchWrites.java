package dev.incr.internal;

import java.util.ArrayList;

/**
 * The vars an open batch has written, each with the value and {@code changedAt} it had before the
 * batch's first write to it. When the outermost batch ends, a var whose value is back to the one it
 * had is unchanged: its {@code changedAt} is put back, so nothing that reads it re-runs (a write
 * 42 -> 0 -> 42 within a batch changes nothing).
 *
 * <p>Only if nothing was computed since the var's first write: a computation that ran on the
 * intermediate value has a later {@code changedAt} than the one put back would be, and would never
 * be re-run. Accessed by one thread at a time (the concurrent engine's batches hold its lock).
 */
final class BatchWrites {

  private static final class Before {
    final VarNode<?> node;
    final Object value;
    final long changedAt;
    final long verificationsAtFirstWrite;

    Before(VarNode<?> node, long verificationsAtFirstWrite) {
      this.node = node;
      this.value = node.boxedValue();
      this.changedAt = node.changedAt;
      this.verificationsAtFirstWrite = verificationsAtFirstWrite;
    }
  }

  private final ArrayList<Before> written = new ArrayList<>();

  /**
   * Notes {@code node}'s state before the batch's first write to it (the engine calls this only
   * for a var whose {@code changedAt} is not later than the batch's start).
   */
  void firstWrite(VarNode<?> node, long verifications) {
    written.add(new Before(node, verifications));
  }

  /** At the end of the outermost batch: puts back {@code changedAt} of vars written back. */
  void settle(long verifications) {
    if (written.isEmpty()) {
      return;
    }
    for (int i = 0; i < written.size(); i++) {
      Before b = written.get(i);
      if (b.verificationsAtFirstWrite == verifications
          && b.node.holdsAgain(b.value)) {
        b.node.changedAt = b.changedAt;
      }
    }
    written.clear();
  }
}
