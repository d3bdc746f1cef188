package dev.incr.internal;

import dev.incr.CycleException;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The failures of computeds whose last run failed with a {@link CycleException} (state {@link
 * ComputedNode#CYCLE_FAILED}), kept so that such a node is treated like one holding a value: it is
 * verified against what its failing run read and re-runs only when one of those reads changed;
 * until then every read throws the failure again.
 *
 * <p>Invariants: a computed is here exactly while its {@code verifiedAt} is {@code CYCLE_FAILED};
 * the revision kept is the one it was last verified at, and its {@code changedAt} is the revision
 * it failed at (its readers saw the failure then). Cycles are rare, so the state lives here
 * rather than in a field on every node; the map holds its nodes weakly.
 */
final class CycleFailures {

  private static final class Failure {
    long verifiedAt;
    final CycleException thrown;

    Failure(long verifiedAt, CycleException thrown) {
      this.verifiedAt = verifiedAt;
      this.thrown = thrown;
    }
  }

  private Map<ComputedNode<?>, Failure> failures;

  /** {@code n}'s run failed with {@code e} at revision {@code rev}. */
  void failed(ComputedNode<?> n, CycleException e, long rev) {
    if (failures == null) {
      failures = new WeakHashMap<>();
    }
    failures.put(n, new Failure(rev, e));
  }

  /** The revision {@code n} (cycle-failed) was last verified at. */
  long verifiedAt(ComputedNode<?> n) {
    return failures.get(n).verifiedAt;
  }

  /** Nothing {@code n} (cycle-failed) read has changed up to {@code rev}: it still fails. */
  void stillFailing(ComputedNode<?> n, long rev) {
    failures.get(n).verifiedAt = rev;
  }

  /** {@code n} runs again: its kept failure is forgotten. */
  void forget(ComputedNode<?> n) {
    if (failures != null) {
      failures.remove(n);
    }
  }

  /** A new exception, naming the same cycle, for a read of cycle-failed {@code n}. */
  CycleException rethrow(ComputedNode<?> n) {
    CycleException e = new CycleException(failures.get(n).thrown.cycle());
    return e;
  }
}
