package dev.incr.internal;

import static dev.incr.internal.EngineCore.publishRevision;

/**
 * Writes and batches: the part of a var's set around its own compare and store ({@link #open},
 * then the var publishes its value, then {@link #close}; see {@link VarNode}), batch levels, and
 * the refusal of writes inside computations. Static methods over the engine's state ({@link
 * EngineCore}), like {@link Verification} and {@link Execution}; the engines call them holding
 * their lock, if they have one.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>Every write that changes a value lands in a revision later than every revision a read has
 *       seen: a new one, unless it joins an open batch whose revision no read has seen yet.
 *   <li>A write to a var that an observed node reads begins a pending push before the new revision
 *       is visible, so that lock-free readers stop trusting clean nodes.
 *   <li>Outside a batch {@code batchDepth} is 0 and no revision is held open; a var the outermost
 *       batch wrote back to its value from before it counts as unchanged if nothing was computed
 *       since its first write ({@link BatchWrites}).
 * </ul>
 */
final class Writes {
  private Writes() {}

  /** Throws if a write to {@code node} would happen inside a computation (of any engine). */
  static void checkWriteAllowed(EngineCore e, AbstractNode<?> node) {
    DependencyRecorder r = e.computationOnThisThread();
    if (r != null) {
      throw new IllegalStateException("Cannot set '" + node.label() + "' inside " + r.describe()
          + ": computations must not change inputs. Make the change outside, after get() returns.");
    }
  }

  /** Throws if a batch would start inside a computation (of any engine). */
  static void checkBatchAllowed(EngineCore e) {
    DependencyRecorder r = e.computationOnThisThread();
    if (r != null) {
      throw new IllegalStateException("Cannot start a batch inside " + r.describe()
          + ": computations must not change inputs.");
    }
  }

  /**
   * The part of a write before the var publishes its new value: returns the revision the write
   * lands in, a new one unless it joins an open batch that no read has seen yet.
   */
  static long open(EngineCore e, VarNode<?> node) {
    if (e.batchDepth > 0 || node.necessity() != null) {
      return openInBatchOrObserved(e, node);
    }
    // Small enough to inline into every var's set: most writes are neither.
    e.revisionObserved = false;
    long rev = e.revision + 1;
    publishRevision(e, rev);
    return rev;
  }

  private static long openInBatchOrObserved(EngineCore e, VarNode<?> node) {
    if (e.batchDepth > 0 && node.changedAt <= e.batchStartRevision) {
      // Its first write in this batch: every write in the batch lands in a later revision.
      e.batchWrites.firstWrite(node, e.topLevelVerifications);
    }
    long rev = e.revision;
    boolean newRevision = e.batchDepth == 0 || !e.batchRevisionOpen || e.revisionObserved;
    if (node.necessity() != null) {
      // Before the new revision is visible, so that lock-free readers stop trusting clean nodes.
      Push.beginPending(e);
    }
    if (newRevision) {
      if (e.batchDepth > 0) {
        e.batchRevisionOpen = true;
      }
      e.revisionObserved = false;
      rev++;
      publishRevision(e, rev);
    }
    return rev;
  }

  /** The part of a write after the var has published its new value. */
  static void close(EngineCore e, VarNode<?> node, long rev) {
    node.changedAt = rev;
    e.durabilities.changed(node.durability(), rev);
    Necessity necessity = node.necessity();
    if (necessity != null) {
      Push.necessaryNodeChanged(e, node, necessity);
    }
  }

  /** Opens a batch level. */
  static void beginBatch(EngineCore e) {
    if (e.batchDepth++ == 0) {
      e.batchStartRevision = e.revision;
    }
  }

  /**
   * Ends a batch level; returns whether it was the outermost one. The vars the batch wrote back to
   * the value they had before it are unchanged, if nothing was computed since their first write.
   */
  static boolean endBatch(EngineCore e) {
    if (--e.batchDepth == 0) {
      e.batchRevisionOpen = false;
      e.batchWrites.settle(e.topLevelVerifications);
      return true;
    }
    return false;
  }
}
