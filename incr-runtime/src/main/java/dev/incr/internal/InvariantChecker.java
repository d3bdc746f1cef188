package dev.incr.internal;

import dev.incr.Node;

/**
 * The invariants of the engine's algorithm ({@link EngineCore}), checked for given nodes. The
 * tests call {@link #check} after every step of their scenarios.
 *
 * <ol>
 *   <li>For every node, {@code changedAt <= revision}; for every computed, {@code verifiedAt <=
 *       revision} or one of the special values below; vars have {@code verifiedAt ==
 *       ALWAYS_VERIFIED}. A computed's {@code verifiedAt} also carries its state ({@link
 *       ComputedNode#NEVER_RAN}, {@link ComputedNode#LAST_RUN_FAILED}, {@link
 *       ComputedNode#VERIFYING}, {@link ComputedNode#COMPUTING}, {@link ComputedNode#CYCLE_FAILED},
 *       {@link EngineCore#CLEAN}); while it is verified or run, its previous value is kept by the
 *       verification.
 *   <li>A computed that need not run ({@code verifiedAt} a revision) has {@code changedAt <=
 *       verifiedAt}, and its value is what its function returned when run over the values its
 *       dependencies had at {@code verifiedAt}.
 *   <li>If {@code verifiedAt == revision}, every dependency of the computed has {@code changedAt <=
 *       verifiedAt} (nothing it read has changed since).
 *   <li>A computed is {@code VERIFYING} or {@code COMPUTING} exactly while a verification holds it
 *       (on the Java stack or on the engine's active stack); outside a read none is, the active
 *       stack is empty and no recorder is in use.
 *   <li>A run that throws leaves the node's value, dependencies and {@code changedAt} as they were
 *       and sets {@code LAST_RUN_FAILED} (or leaves {@code NEVER_RAN}), so the next read re-runs
 *       it (a {@link dev.incr.CycleException} on a node that is not necessary is kept instead, see
 *       {@link CycleFailures}); no other node is touched, except that the necessary readers of a necessary node are
 *       marked dirty.
 *   <li>Every dependency of a necessary computed is necessary, lower, and lists it as a reader. A
 *       {@code CLEAN} computed is necessary. Outside writes nothing is pending.
 *   <li>A computed in state {@link ComputedNode#CYCLE_FAILED} is not necessary, and the revision
 *       {@link CycleFailures} keeps for it stands for its {@code verifiedAt} above.
 *   <li>A computed of a value budget ({@link LruComputedNode}) is in its ring ({@link
 *       ValueLruRing}) exactly while it holds a value it stored: an evicted one is not, and one in
 *       the ring is at its slot. Outside a read, a ring holds at most its maximum, unless the
 *       nodes beyond it are necessary (observed, or read by an observed node).
 * </ol>
 */
final class InvariantChecker {
  private InvariantChecker() {}

  /** Checks the invariants above for {@code nodes} of {@code e}; throws on the first broken one. */
  static void check(EngineCore e, Iterable<? extends Node<?>> nodes) {
    if (e.activeSize() != 0 || e.recorder != null) {
      throw new AssertionError("engine left mid-computation: active=" + e.activeSize());
    }
    if (e.batchDepth == 0
        && (e.pending || !e.necessary.queue.isEmpty() || e.cleanMark != EngineCore.CLEAN)) {
      throw new AssertionError("a change to necessary nodes is still pending after a write");
    }
    for (Node<?> node : nodes) {
      AbstractNode<?> n = (AbstractNode<?>) node;
      if (n.changedAt > e.revision) {
        throw new AssertionError(n + ": changedAt " + n.changedAt + " > e.revision " + e.revision);
      }
      if (n instanceof ComputedNode) {
        ComputedNode<?> c = (ComputedNode<?>) n;
        long verifiedAt = c.verifiedAt;
        if (ComputedNode.inProgress(verifiedAt)) {
          throw new AssertionError(c + ": not idle outside a computation");
        }
        boolean mustRun = ComputedNode.mustRun(verifiedAt);
        boolean cycleFailed = verifiedAt == ComputedNode.CYCLE_FAILED;
        if (cycleFailed) {
          // Its dependencies close a cycle; they are checked like any reads, from its failure on.
          verifiedAt = e.cycleFailures.verifiedAt(c);
          if (c.necessity() != null) {
            throw new AssertionError(c + ": cycle-failed but necessary");
          }
        }
        if (verifiedAt == EngineCore.CLEAN) {
          if (c.necessity() == null) {
            throw new AssertionError(c + ": clean but not necessary");
          }
          verifiedAt = e.revision;
        }
        if (verifiedAt > e.revision) {
          throw new AssertionError(c + ": verifiedAt beyond e.revision");
        }
        if (!mustRun && c.changedAt > verifiedAt) {
          throw new AssertionError(c + ": changedAt > verifiedAt");
        }
        if (!mustRun && verifiedAt == e.revision) {
          for (AbstractNode<?> d : c.dependencyArray()) {
            if (d.changedAt > verifiedAt) {
              throw new AssertionError(c + " verified at " + e.revision + " but dependency " + d
                  + " changed at " + d.changedAt);
            }
          }
        }
        if (c.necessity() != null) {
          checkNecessary(e, c);
        }
        if (c instanceof LruComputedNode) {
          checkBudget((LruComputedNode<?>) c);
        }
      } else if (n.verifiedAt != AbstractNode.ALWAYS_VERIFIED) {
        throw new AssertionError(n + ": a var must always be verified");
      }
    }
  }

  /** A budgeted computed is in its ring iff it holds a value; the ring is within its maximum. */
  private static void checkBudget(LruComputedNode<?> c) {
    if (c.evicted() && c.slot >= 0) {
      throw new AssertionError(c + ": evicted but still in its budget's ring");
    }
    long v = c.verifiedAt;
    boolean stored = !ComputedNode.mustRun(v) && v != ComputedNode.CYCLE_FAILED;
    if (stored && !c.evicted() && c.slot < 0) {
      throw new AssertionError(c + ": holds a value outside its budget's ring");
    }
    if (c.slot >= 0 && c.ring.at(c.slot) != c) {
      throw new AssertionError(c + ": not at its slot " + c.slot + " of its budget's ring");
    }
    if (c.ring.valuesHeld() > c.ring.maxValues() + c.ring.necessaryHeld()) {
      throw new AssertionError(c.ring + " holds more than its maximum and its necessary nodes");
    }
  }

  /**
   * A necessary computed's dependencies are necessary, lower (but for the back edges of caught
   * cycles), and list it as a reader.
   */
  private static void checkNecessary(EngineCore e, ComputedNode<?> c) {
    for (AbstractNode<?> d : c.dependencyArray()) {
      Necessity x = d.necessity();
      if (x == null) {
        throw new AssertionError(c + " is necessary but its dependency " + d + " is not");
      }
      if (x.height >= c.necessity().height && !e.necessary.isBackEdge(c, d)) {
        throw new AssertionError(c + " (height " + c.necessity().height + ") reads " + d
            + " (height " + x.height + ")");
      }
      boolean listed = false;
      for (int i = 0; i < x.dependentCount(); i++) {
        listed |= x.dependent(i) == c;
      }
      if (!listed) {
        throw new AssertionError(d + " does not list its necessary reader " + c);
      }
    }
  }
}
