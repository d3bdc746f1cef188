package dev.incr.internal;

import static dev.incr.internal.EngineCore.CLEAN;
import static dev.incr.internal.EngineCore.NOT_CLEAN;
import static dev.incr.internal.EngineCore.publishCleanMark;
import static dev.incr.internal.EngineCore.publishVerified;

/**
 * The push for observed nodes: a write to a necessary node marks its necessary readers dirty and
 * queues them by height ({@link NecessaryGraph}); the end of the outermost write ({@link #flush})
 * takes the queue lowest height first and brings each queued node up to date if it is needed now,
 * verifying it as a read would; a changed value queues its readers in turn, and an observed node
 * that changed is noted for its observers ({@link ObserverDelivery}). Static methods over the
 * engine's state ({@link EngineCore}).
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>{@code pending} is set, and the engine's clean mark is {@link EngineCore#NOT_CLEAN}, from a
 *       write to a necessary node until the flush empties the queue; while it is set, a clean node
 *       is trusted only if it is lower than every node still queued (or than the node the flush is
 *       at), and is made dirty otherwise ({@link #stillClean}).
 *   <li>The flush takes nodes in height order, so a node is looked at only after everything it
 *       reads that the change reached; the exception, an observed node sure to re-run that runs
 *       early ({@link #runObservedReader}), brings what it reads up to date as a read would. On exit, unless a read inside a batch left work queued,
 *       the queue is empty, the nodes it verified are clean again and the clean mark is {@link
 *       EngineCore#CLEAN}.
 *   <li>Each observed node that changed or failed is in the engine's {@code observedChanges} once
 *       ({@code changeNoted}), until its observers have been told.
 * </ul>
 */
final class Push {
  private Push() {}

  /**
   * While a change is pending, decides whether clean node {@code n} is still current: it is if it
   * sits below every node the change may still reach (everything lower has been brought up to
   * date, and heights order readers above what they read). Otherwise it is marked dirty as of the
   * revision before this one (pending changes all land in this revision), so that verification
   * looks at it.
   */
  static boolean stillClean(EngineCore e, AbstractNode<?> n) {
    int lowestUnsettled = e.flushing ? e.flushHeight : e.necessary.queue.lowestHeight();
    if (n.necessity().height < lowestUnsettled) {
      return true;
    }
    publishVerified(n, e.revision - 1);
    return false;
  }

  /** The revision at which a clean node is known current: now, or before the pending change. */
  static long cleanRevision(EngineCore e) {
    return e.pending ? e.revision - 1 : e.revision;
  }

  /**
   * Notes that a change to necessary nodes is pending: until {@link #flush}, clean nodes are not
   * trusted on fast paths.
   */
  static void beginPending(EngineCore e) {
    if (!e.pending) {
      e.pending = true;
      publishCleanMark(e, NOT_CLEAN);
    }
  }

  /**
   * Brings every queued necessary computed up to date, lowest height first, each verified as on a
   * read (it re-runs only if something it read changed; one whose first dependency changed runs at
   * once); a changed value queues its necessary readers. Failures are left for the reads that follow to report (observers read every observed
   * node after a write), as they would be without observers.
   */
  static void flush(EngineCore e) {
    if (e.lockFreeReads) {
      ((ConcurrentEngine) e).beforeFlush();
    }
    e.revisionObserved = true;
    e.flushing = true;
    e.flushHeight = 0;
    long previous = CrossEngineGuard.enter(e);
    try {
      ComputedNode<?> n;
      while ((n = e.necessary.queue.poll()) != null) {
        if (n.verifiedAt == e.revision) {
          continue;
        }
        e.flushHeight = n.necessity().height;
        if (!e.necessary.neededNow(n)) {
          e.necessary.leaveToReaders(n);
          runObservedReader(e, n);
          continue;
        }
        long since = n.verifiedAt;
        bringUpToDate(e, n, since, firstReadChanged(e, n, since, true));
      }
    } finally {
      e.flushing = false;
      if (e.budgets.overBudget != null) {
        e.budgets.trim(null);
      }
      CrossEngineGuard.exit(e, previous);
      if (e.necessary.queue.isEmpty()) {
        e.pending = false;
        e.necessary.markVerifiedClean();
        publishCleanMark(e, CLEAN);
      }
    }
  }

  /**
   * Brings queued computed {@code n}, verified at {@code since}, up to date: runs it at once if
   * {@code cause}, its first dependency, is known to have changed ({@link #firstReadChanged}), and
   * verifies it otherwise.
   */
  private static void bringUpToDate(EngineCore e, ComputedNode<?> n, long since,
      AbstractNode<?> cause) {
    try {
      if (cause != null) {
        Verification.runFromTop(e, n, cause, since);
      } else {
        Verification.verifyFromTop(e, n, false);
      }
      Verification.settleProvisional(e);
    } catch (RuntimeException ex) {
      Verification.settleProvisional(e);
      // Reported to whoever reads it next (its observers, right after this flush). The throw
      // may come from a dependency, so n never ran: its readers must look again as well.
      necessaryNodeChanged(e, n, n.necessity());
    }
  }

  /**
   * After stale {@code n} was left to its readers: an observed reader that is sure to re-run (its
   * first dependency was brought up to date at this revision and changed) runs now, as a read
   * would, instead of after every other node of {@code n}'s height. It brings up to date what its
   * new run reads; those nodes then come out of the queue verified already, which is what makes a
   * wide observed node (one that reads many nodes a write changed) cost about what a read of it
   * costs. Being observed, it is needed whatever else the change does; clean nodes it reads are
   * trusted only below {@code n} ({@link #stillClean}), as the flush is still at {@code n}.
   */
  private static void runObservedReader(EngineCore e, ComputedNode<?> n) {
    Necessity x = n.necessity();
    for (int i = 0, count = x.dependentCount(); i < count; i++) {
      ComputedNode<?> p = x.dependent(i);
      Necessity px = p.necessity();
      if (px.isObserved() && px.queued) {
        long since = p.verifiedAt;
        AbstractNode<?> cause = firstReadChanged(e, p, since, false);
        if (cause != null) {
          bringUpToDate(e, p, since, cause);
          return; // its run may have changed the readers of n
        }
      }
    }
  }

  /**
   * The first dependency of queued computed {@code n}, verified at revision {@code since}, if it is
   * up to date and changed since (verification would look at it first and run {@code n} at once),
   * or null. Up to date: a var, or verified at this revision, or ({@code trustClean}: {@code n} is
   * the node the flush is at, so {@link #stillClean} would trust every clean node lower than it)
   * clean.
   */
  private static AbstractNode<?> firstReadChanged(EngineCore e, ComputedNode<?> n, long since,
      boolean trustClean) {
    if (since <= 0 || since >= e.revision) {
      return null; // a state (never ran, failed, ...) for verification to handle
    }
    Object deps = n.dependencies;
    AbstractNode<?> d;
    if (deps instanceof AbstractNode) {
      d = (AbstractNode<?>) deps;
    } else {
      AbstractNode<?>[] all = (AbstractNode<?>[]) deps;
      if (all.length == 0) {
        return null;
      }
      d = all[0];
    }
    if (d.changedAt <= since) {
      return null;
    }
    long v = d.verifiedAt;
    return v == e.revision || v == AbstractNode.ALWAYS_VERIFIED || (trustClean && v == CLEAN)
        ? d : null;
  }

  /**
   * Necessary node {@code n} changed value, or failed, at this revision: its necessary readers are
   * queued, and if it is observed it is noted (once) for its observers ({@link ObserverDelivery}).
   */
  static void necessaryNodeChanged(EngineCore e, AbstractNode<?> n, Necessity necessity) {
    e.necessary.markReadersDirty(n);
    if (necessity.isObserved() && !necessity.changeNoted) {
      necessity.changeNoted = true;
      e.observedChanges.add(n);
    }
  }
}
