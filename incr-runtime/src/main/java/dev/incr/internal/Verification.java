package dev.incr.internal;

import static dev.incr.internal.EngineCore.CLEAN;
import static dev.incr.internal.EngineCore.MAX_RUN_DEPTH;
import static dev.incr.internal.EngineCore.publishVerified;

import dev.incr.CycleException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reading and verification: bringing a computed up to date for a read (or for the push's flush)
 * by looking at what its last run read, in first-read order, and running it only if one of those
 * changed. Verification recurses on the Java stack while shallow ({@link #verify}) and walks an
 * explicit stack beyond {@link #MAX_VERIFY_RECURSION} levels ({@link #refresh}); runs are handed to
 * {@link Execution}. Static methods over the engine's state ({@link EngineCore}), so that the JIT
 * compiles the walk as one piece.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>On entry to {@link #verify} or {@link #refresh}, the node is stale and idle (its {@code
 *       verifiedAt} is an older revision, or a state that must run); while its dependencies are
 *       looked at it holds a mark ({@link ComputedNode#verifying}: the run depth, and the thread),
 *       and the revision it had is kept aside (a local, or {@code activeSince} on the explicit
 *       stack).
 *   <li>On exit, normally, the node is verified at the current revision (unchanged, or run), or
 *       cycle-failed; if a dependency threw, or the verification is provisional, it holds the
 *       {@code verifiedAt} it had before, so it is verified again on its next read.
 *   <li>Dependencies are looked at in first-read order, each brought up to date before its {@code
 *       changedAt} is compared; the first that changed runs the node and no later one is looked at.
 *   <li>A clean node is trusted only while no change is pending or when it is lower than every
 *       node the pending change may still reach ({@link Push#stillClean}).
 *   <li>Outside a top-level read the explicit stack is empty and no verification is provisional.
 * </ul>
 */
final class Verification {
  private Verification() {}

  /** How deep {@link #verify} recurses on the Java stack before handing over to {@link #refresh}. */
  static final int MAX_VERIFY_RECURSION = 1200;

  /**
   * Records and brings up to date a read of {@code node} whose fast path could not, leaving its
   * value for the caller to read. The concurrent engine calls this holding its lock.
   */
  static void refreshForRead(EngineCore e, ComputedNode<?> node) {
    read(e, node, false);
  }

  /**
   * Brings back the value of {@code node}, recorded as read by the caller (the concurrent engine
   * calls this holding its lock): verified first if a write came in between (on the concurrent
   * engine), then, if still evicted, run again ({@link #restore}).
   */
  static Object bringBack(EngineCore e, LruComputedNode<?> node) {
    read(e, node, true);
    return node.value();
  }

  /**
   * {@link #refreshForRead}, and with {@code bringBack} {@link #bringBack}: inside a computation
   * the read is recorded and the node verified ({@link #refreshNested}); outside, pending pushes
   * are flushed first, then the node is verified from the top of the stack ({@link
   * #verifyFromTop}), with the per-read bookkeeping around it.
   *
   * <p>One method on purpose, longer than the 325 bytes of bytecode up to which HotSpot inlines a
   * hot method ({@code FreqInlineSize}): the JIT never inlines it into a getter, so a getter
   * compiles to its fast path and a call, small enough to be inlined into the computations that
   * read it. A getter compiled with all this inside is too big to inline, and every read of a
   * computed inside a computation would become a call.
   */
  private static void read(EngineCore e, ComputedNode<?> node, boolean bringBack) {
    DependencyRecorder r = e.recorder;
    if (r != null) {
      if (bringBack) {
        // Inside a computation: prepareRead has brought the node up to date.
        if (e.lockFreeReads && ComputedNode.inProgress(node.verifiedAt)) {
          // Since then another thread has begun bringing it back outside the lock.
          ((ConcurrentEngine) e).checkClaim(node);
        }
        LruComputedNode<?> lru = (LruComputedNode<?>) node;
        if (lru.evicted()) {
          if (r.depth > MAX_RUN_DEPTH) {
            e.deepPending = node; // verifyFromTop restores it from the top
            e.unwinding = DeepUnwind.INSTANCE;
            throw DeepUnwind.INSTANCE;
          }
          restore(e, lru);
        }
        return;
      }
      r.record(node);
      if (!isCurrent(e, node)) {
        try {
          if (ComputedNode.inProgress(node.verifiedAt)) {
            if (e.lockFreeReads) {
              ((ConcurrentEngine) e).checkClaim(node);
            }
            throw cycleThrough(e, node);
          }
          refreshNested(e, node);
          if (node.verifiedAt == ComputedNode.CYCLE_FAILED) {
            throw e.cycleWitnesses.rethrown(e.cycleFailures.rethrow(node), node);
          }
        } catch (CycleException ex) {
          e.cycleWitnesses.saw(r, ex);
          throw ex;
        }
      }
      return;
    }
    if (!bringBack && CrossEngineGuard.lastToken != e.token) {
      e.checkNotForeignRead(node);
    }
    if (e.pending && !e.flushing && e.batchDepth == 0) {
      Push.flush(e);
    }
    if (isCurrent(e, node) && !(bringBack && ((LruComputedNode<?>) node).evicted())) {
      return;
    }
    if (e.lockFreeReads && ComputedNode.inProgress(node.verifiedAt)) {
      ((ConcurrentEngine) e).checkClaim(node);
    }
    e.revisionObserved = true;
    e.topLevelVerifications++;
    long previous = CrossEngineGuard.enter(e);
    try {
      verifyFromTop(e, node, true);
    } finally {
      settleProvisional(e);
      if (e.budgets.overBudget != null) {
        e.budgets.trim(node);
      }
      CrossEngineGuard.exit(e, previous);
      if (e.recorders > Execution.RECORDERS_KEPT) {
        Execution.trimRecorders(e);
      }
      if (!e.pending && e.necessary.hasVerified()) {
        e.necessary.markVerifiedClean();
      }
    }
    if (node.verifiedAt == ComputedNode.CYCLE_FAILED) {
      throw e.cycleFailures.rethrow(node);
    }
  }

  /**
   * Whether {@code n} is known current without verification: verified at this revision, or clean
   * and not possibly reached by a pending change. A clean node that may have been reached is made
   * dirty (see {@link Push#stillClean}).
   */
  private static boolean isCurrent(EngineCore e, ComputedNode<?> n) {
    long v = n.verifiedAt;
    return v == e.revision || (v == CLEAN && (!e.pending || Push.stillClean(e, n)));
  }

  /**
   * Whether dependency {@code d}, whose {@code verifiedAt} is {@code v}, must be verified before
   * its {@code changedAt} can be trusted at revision {@code rev}: it is stale, or clean but
   * possibly reached by a pending change (in which case it is made dirty).
   */
  private static boolean mustVerify(EngineCore e, AbstractNode<?> d, long v, long rev) {
    return v < rev || (v == CLEAN && e.pending && !Push.stillClean(e, d));
  }

  /** Runs {@code node}, current but evicted, to get its value back. */
  private static void restore(EngineCore e, LruComputedNode<?> node) {
    TraceSink traceSink = e.sink;
    if (traceSink == null || !traceSink.active()) {
      node.restore(e, node.verifiedAt);
      return;
    }
    long start = System.nanoTime();
    node.restore(e, node.verifiedAt);
    traceSink.restored(node, System.nanoTime() - start, e.revision);
  }

  /** {@link #restore}s {@code node} if it has been verified (or left as it was) but is evicted. */
  private static void restoreIfEvicted(EngineCore e, LruComputedNode<?> node) {
    long v = node.verifiedAt;
    if (node.evicted() && !ComputedNode.mustRun(v) && v != ComputedNode.CYCLE_FAILED) {
      restore(e, node);
    }
  }

  /** A read inside a computation: verifies {@code node}, or unwinds if runs nest too deeply. */
  private static void refreshNested(EngineCore e, ComputedNode<?> node) {
    e.revisionObserved = true;
    if (e.recorder.depth > MAX_RUN_DEPTH) {
      // Unwind to the top-level read, which computes node first (see DeepUnwind).
      e.deepPending = node;
      e.unwinding = DeepUnwind.INSTANCE;
      throw DeepUnwind.INSTANCE;
    }
    verify(e, node, 0);
  }

  /**
   * Verifies {@code node} for a top-level read (or the flush), computing first, from this shallow
   * stack, every node that runs nesting too deeply reached ({@link DeepUnwind}): a stack of such
   * nodes, deepest on top, each verified in turn; the ones below are then verified again, finding
   * what they read computed. An evicted node ({@link LruComputedNode}) gets its value back here
   * when it is the node read ({@code read}) or a node whose run nested too deeply.
   */
  static void verifyFromTop(EngineCore e, ComputedNode<?> node, boolean read) {
    ComputedNode<?>[] unwound = null;
    int size = 0;
    ComputedNode<?> n = node;
    while (true) {
      try {
        if (!isCurrent(e, n)) {
          verify(e, n, 0);
        }
        if ((read || n != node) && n instanceof LruComputedNode) {
          restoreIfEvicted(e, (LruComputedNode<?>) n);
        }
        if (size == 0) {
          return;
        }
        n = unwound[--size];
        unwound[size] = null;
      } catch (DeepUnwind unwind) {
        e.recorder = null;
        if (unwound == null) {
          unwound = new ComputedNode<?>[16];
        } else if (size == unwound.length) {
          unwound = Arrays.copyOf(unwound, size * 2);
        }
        unwound[size++] = n;
        n = e.deepPending;
        e.deepPending = null;
        e.unwinding = null;
      }
    }
  }

  /**
   * Runs {@code node} for the push's flush, which found that {@code cause}, the node's first
   * dependency, is up to date and changed since {@code since} (the node's {@code verifiedAt}): the
   * verification would look at it first and run the node at once. Runs that nest too deeply unwind
   * to here and are computed first, then the node is verified, as in {@link #verifyFromTop}.
   */
  static void runFromTop(EngineCore e, ComputedNode<?> node, AbstractNode<?> cause, long since) {
    try {
      Execution.run(e, node, cause, since);
    } catch (DeepUnwind unwind) {
      e.recorder = null;
      ComputedNode<?> deep = e.deepPending;
      e.deepPending = null;
      e.unwinding = null;
      verifyFromTop(e, deep, true);
      verifyFromTop(e, node, false);
    }
  }

  /**
   * Verifies {@code n} (stale and idle), recursing into stale dependencies while the recursion is
   * shallow (the JIT compiles this much tighter than the explicit stack) and handing deeper
   * subgraphs to {@link #refresh}, which walks an explicit stack.
   */
  private static void verify(EngineCore e, ComputedNode<?> n, int depth) {
    if (depth >= e.verifyRecursionLimit) {
      refresh(e, n);
      return;
    }
    long since = n.verifiedAt;
    DependencyRecorder r = e.recorder;
    // Plain: no value is published by it.
    n.verifiedAt = ComputedNode.verifying(e, r);
    try {
      long rev = e.revision;
      if (ComputedNode.mustRun(since)) {
        Execution.run(e, n, null, since);
        return;
      }
      if (verifiedByDurability(e, n, since, rev)) {
        return;
      }
      long base = since == ComputedNode.CYCLE_FAILED ? e.cycleFailures.verifiedAt(n) : since;
      Object deps = n.dependencies;
      boolean many = deps.getClass() == AbstractNode[].class;
      int count = many ? ((AbstractNode<?>[]) deps).length : 1;
      for (int i = 0; i < count; i++) {
        AbstractNode<?> d = many ? ((AbstractNode<?>[]) deps)[i] : (AbstractNode<?>) deps;
        if (ranBecauseOf(e, n, d, rev, base, since, depth)) {
          return;
        }
      }
      if (e.cycleWitnesses.tracking) {
        ComputedNode<?> reRan = e.cycleWitnesses.reRanMember(n, base);
        if (reRan != null) {
          Execution.run(e, n, reRan, since);
          return;
        }
      }
      unchanged(e, n, rev, since);
    } finally {
      if (ComputedNode.isVerifying(n.verifiedAt)) {
        n.verifiedAt = since; // a dependency threw, or n is unchanged provisionally: as it was
      }
    }
  }

  /**
   * One step of {@link #verify}: brings dependency {@code d} of {@code n} up to date and, if it
   * changed since {@code n} was verified, runs {@code n}. Returns whether {@code n} ran.
   */
  private static boolean ranBecauseOf(EngineCore e, ComputedNode<?> n, AbstractNode<?> d,
      long rev, long base, long since, int depth) {
    long v = d.verifiedAt;
    if (mustVerify(e, d, v, rev)) {
      ComputedNode<?> c = (ComputedNode<?>) d;
      if (v == ComputedNode.COMPUTING) {
        if (e.lockFreeReads) {
          ((ConcurrentEngine) e).checkClaim(c);
        }
        // The old dependency is running: let the re-run meet it and report the cycle.
        Execution.run(e, n, c, since);
        return true;
      }
      if (ComputedNode.isVerifying(v)) {
        if (e.lockFreeReads) {
          ((ConcurrentEngine) e).checkClaim(c);
        }
        if (!belowUndecided(e, c, v)) {
          Execution.run(e, n, c, since);
          return true;
        }
      } else {
        verifyDependency(e, c, depth + 1);
      }
    }
    if (d.changedAt > base) {
      Execution.run(e, n, d, since);
      return true;
    }
    return false;
  }

  /**
   * Verifies dependency {@code c}; a {@link CycleException} that leaves it cycle-failed is its
   * new outcome (it changed, to a failure), which the reader's run will meet, not an error of the
   * verification.
   */
  private static void verifyDependency(EngineCore e, ComputedNode<?> c, int depth) {
    try {
      verify(e, c, depth);
    } catch (CycleException ex) {
      if (c.verifiedAt != ComputedNode.CYCLE_FAILED) {
        throw ex;
      }
    }
  }

  /**
   * The verification met dependency {@code c} ({@code verifiedAt} {@code v}) already being
   * verified further down the stack: the dependencies close a cycle, which computations that
   * caught a {@link CycleException} leave behind. If no run started in between, {@code c} is taken
   * as unchanged for now (its old value is what the cycle saw; if it does change, it re-runs), the
   * verification becomes {@link EngineCore#provisional} and this returns true. If a run started in
   * between, {@code c}'s outcome depends on that run, which depends on this node: a real cycle,
   * which the caller reports by running the node (its run meets {@code c} in progress); this
   * returns false.
   */
  private static boolean belowUndecided(EngineCore e, ComputedNode<?> c, long v) {
    DependencyRecorder r = e.recorder;
    if (v != ComputedNode.verifying(e, r)) {
      return false;
    }
    e.provisional = true;
    return true;
  }

  /**
   * Nothing {@code n} read has changed since revision {@code since} (its state before this
   * verification): it is verified at {@code rev}, unless the verification is provisional (then it
   * stays as it was, and is verified again on its next read).
   */
  private static void unchanged(EngineCore e, ComputedNode<?> n, long rev, long since) {
    if (e.provisional) {
      return; // verify's finally puts back since
    }
    if (since == ComputedNode.CYCLE_FAILED) {
      e.cycleFailures.stillFailing(n, rev);
      n.verifiedAt = ComputedNode.CYCLE_FAILED;
      e.verifications++;
      return;
    }
    if (e.durable) {
      n.setDurability(DurabilityClock.lowestOf(n.dependencies));
    }
    markVerified(e, n, rev);
  }

  /**
   * Verifies {@code n} (verified at {@code since}) in constant time if no input of its durability
   * or higher has changed since ({@link DurabilityClock}); returns whether it did.
   */
  private static boolean verifiedByDurability(
      EngineCore e, ComputedNode<?> n, long since, long rev) {
    if (since <= rev && e.durabilities.unchangedSince(n.durability(), since)) {
      markVerified(e, n, rev);
      return true;
    }
    return false;
  }

  /**
   * Ends a provisional verification ({@link EngineCore#provisional}) at the end of a top-level
   * read: the nodes it left unverified are verified again on their next read.
   */
  static void settleProvisional(EngineCore e) {
    e.provisional = false;
  }

  /** Marks {@code n} up to date at {@code rev} without running it: nothing it read has changed. */
  private static void markVerified(EngineCore e, ComputedNode<?> n, long rev) {
    // Under HotSpot's MaxInlineSize, so that it inlines wherever a verification ends.
    publishVerified(n, rev);
    e.verifications++;
    if (n.necessity() != null || e.sink != null) {
      noteVerified(e, n);
    }
  }

  /**
   * {@link #markVerified} of a necessary node, or on an engine with a trace sink: {@code n} has
   * just been verified at the current revision.
   */
  private static void noteVerified(EngineCore e, ComputedNode<?> n) {
    if (n.necessity() != null) {
      e.necessary.noteVerified(n);
    }
    if (e.sink != null && e.sink.active()) {
      e.sink.verified(n, n.verifiedAt);
    }
  }

  /**
   * Verifies {@code root} like {@link #verify}, but walking an explicit stack instead of the Java
   * stack, for subgraphs deeper than {@link #MAX_VERIFY_RECURSION}.
   */
  private static void refresh(EngineCore e, ComputedNode<?> root) {
    final long rev = e.revision;
    final int base = e.activeSize;
    push(e, root);
    try {
      while (e.activeSize > base) {
        int top = e.activeSize - 1;
        ComputedNode<?> n = e.active[top];
        if (n.verifiedAt == rev) {
          pop(e);
          continue;
        }
        long since = e.activeSince[top];
        if (ComputedNode.mustRun(since)) {
          runOnStack(e, n, null, since, top > base);
          pop(e);
          continue;
        }
        if (verifiedByDurability(e, n, since, rev)) {
          pop(e);
          continue;
        }
        long sinceRevision =
            since == ComputedNode.CYCLE_FAILED ? e.cycleFailures.verifiedAt(n) : since;
        int count = n.dependencyCount();
        AbstractNode<?> changed = null;
        ComputedNode<?> stale = null;
        // A negative cursor -(i + 1): dependency i has just been verified (pushed and popped);
        // only its changedAt is left to look at.
        int i = e.cursor[top];
        boolean verifiedFirst = i < 0;
        if (verifiedFirst) {
          i = -i - 1;
        }
        for (; i < count; i++, verifiedFirst = false) {
          AbstractNode<?> d = n.dependency(i);
          long v = d.verifiedAt;
          if (!verifiedFirst && mustVerify(e, d, v, rev)) {
            ComputedNode<?> c = (ComputedNode<?>) d;
            if (v == ComputedNode.COMPUTING) {
              if (e.lockFreeReads) {
                ((ConcurrentEngine) e).checkClaim(c);
              }
              // The old dependency is running: let the re-run meet it and report the cycle.
              changed = c;
              break;
            } else if (ComputedNode.isVerifying(v)) {
              if (e.lockFreeReads) {
                ((ConcurrentEngine) e).checkClaim(c);
              }
              if (!belowUndecided(e, c, v)) {
                changed = c;
                break;
              }
            } else {
              stale = c;
              break;
            }
          }
          if (d.changedAt > sinceRevision) {
            changed = d;
            break;
          }
        }
        if (stale != null) {
          e.cursor[top] = -i - 1;
          push(e, stale);
          continue;
        }
        if (changed == null && e.cycleWitnesses.tracking) {
          changed = e.cycleWitnesses.reRanMember(n, sinceRevision);
        }
        if (changed != null) {
          runOnStack(e, n, changed, since, top > base);
        } else {
          unchanged(e, n, rev, since);
        }
        pop(e);
      }
    } catch (Throwable t) {
      while (e.activeSize > base) {
        pop(e);
      }
      throw t;
    }
  }

  /**
   * {@link #run} for {@link #refresh}: a {@link CycleException} that leaves a node verified for a
   * reader ({@code forReader}) cycle-failed is its new outcome, for that reader's run to meet (as
   * {@link #verifyDependency} does).
   */
  private static void runOnStack(EngineCore e, ComputedNode<?> n, AbstractNode<?> cause,
      long since, boolean forReader) {
    try {
      Execution.run(e, n, cause, since);
    } catch (CycleException ex) {
      if (!forReader || n.verifiedAt != ComputedNode.CYCLE_FAILED) {
        throw ex;
      }
    }
  }

  private static void push(EngineCore e, ComputedNode<?> n) {
    int size = e.activeSize;
    if (size == e.active.length) {
      e.active = Arrays.copyOf(e.active, size * 2);
      e.cursor = Arrays.copyOf(e.cursor, size * 2);
      e.activeSince = Arrays.copyOf(e.activeSince, size * 2);
    }
    e.active[size] = n;
    e.cursor[size] = 0;
    e.activeSince[size] = n.verifiedAt;
    DependencyRecorder r = e.recorder;
    // Plain: no value is published by it.
    n.verifiedAt = ComputedNode.verifying(e, r);
    e.activeSize = size + 1;
  }

  private static void pop(EngineCore e) {
    int size = --e.activeSize;
    ComputedNode<?> n = e.active[size];
    if (ComputedNode.isVerifying(n.verifiedAt)) {
      // A dependency threw, or n is unchanged provisionally: n stays as it was.
      n.verifiedAt = e.activeSince[size];
    }
    e.active[size] = null;
  }

  private static CycleException cycleThrough(EngineCore e, ComputedNode<?> repeated) {
    List<ComputedNode<?>> onCycle = new ArrayList<>();
    return e.cycleWitnesses.named(CyclePath.through(repeated, e.recorder, onCycle), onCycle);
  }
}
