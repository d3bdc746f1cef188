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
 *       reads that the change reached; on exit, unless a read inside a batch left work queued,
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
   * read (it re-runs only if something it read changed); a changed value queues its necessary
   * readers. Failures are left for the reads that follow to report (observers read every observed
   * node after a write), as they would be without observers.
   */
  static void flush(EngineCore e) {
    if (e.lockFreeReads) {
      ((ConcurrentEngine) e).beforeFlush();
    }
    e.revisionObserved = true;
    e.flushing = true;
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
          continue;
        }
        try {
          Verification.verifyFromTop(e, n, false);
          Verification.settleProvisional(e);
        } catch (RuntimeException ex) {
          Verification.settleProvisional(e);
          // Reported to whoever reads it next (its observers, right after this flush). The throw
          // may come from a dependency, so n never ran: its readers must look again as well.
          necessaryNodeChanged(e, n, n.necessity());
        }
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
