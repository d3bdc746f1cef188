package dev.incr.internal;

import static dev.incr.internal.EngineCore.CLEAN;
import static dev.incr.internal.EngineCore.publishVerified;

import dev.incr.CycleException;
import dev.incr.Node;
import dev.incr.support.StaticDependencies;

/**
 * Execution and early cutoff: running a computed's function, recording what it read, comparing the
 * result with the old value, publishing it, and failures. A run is the sequence every kind
 * of node follows in its {@link ComputedNode#compute}: {@link #startRun}, the node's function,
 * {@link #finishRun} (or {@link #runThrew}), the node's store, then {@link #stored} (and {@link
 * #storedNecessary} for a necessary node). Static methods over the engine's state
 * ({@link EngineCore}), so that a run compiles into the verification that called for it. Runs
 * happen on one thread at a time (under the lock on the concurrent engine): counters are plain.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>While a function runs, its node's {@code verifiedAt} is {@link ComputedNode#COMPUTING} and
 *       the engine's recorder is the run's own, whose parent is the recorder of the enclosing run
 *       (null at the top); when the run ends, however it ends, the parent is put back and the
 *       run's recorder holds no node or result.
 *   <li>A run that returns makes what it read the node's dependencies, in first-read order, and
 *       its durability the lowest of theirs; a necessary node's reverse edges are rewired to
 *       match (a new read that closes a caught cycle becomes a back edge of the necessary graph).
 *   <li>{@code changedAt} moves to the current revision only if the new value differs from the old
 *       one (or the run is a first run, or the first after a cycle failure): an equal result is a
 *       cutoff, and the node's readers verify without running. Either way the node is published
 *       verified at the current revision, value before {@code verifiedAt}.
 *   <li>A run that throws keeps the node's value, dependencies and {@code changedAt}, and leaves it
 *       to run again on its next read; a {@link CycleException} thrown by a node that is not
 *       necessary is kept like a value instead ({@link ComputedNode#CYCLE_FAILED}) until something
 *       that run read changes. A run abandoned by a {@link DeepUnwind} leaves the node as it was.
 *   <li>A necessary node that changed or failed has its necessary readers queued ({@link Push}).
 *   <li>At most {@link #RECORDERS_KEPT} levels of recorders outlive a top-level read.
 * </ul>
 */
final class Execution {
  private Execution() {}

  /** How many levels of reusable recorders are kept between top-level reads. */
  static final int RECORDERS_KEPT = 64;

  /**
   * Runs {@code n}'s function; {@code cause} is the changed dependency that called for it, {@code
   * since} the node's {@code verifiedAt} before this verification.
   */
  static void run(EngineCore e, ComputedNode<?> n, AbstractNode<?> cause, long since) {
    // Under HotSpot's MaxInlineSize, so that it inlines at every call site, warm or not.
    if (e.sink != null) {
      runMaybeTraced(e, n, cause, since);
      return;
    }
    n.compute(e, since);
  }

  private static void runMaybeTraced(
      EngineCore e, ComputedNode<?> n, AbstractNode<?> cause, long since) {
    TraceSink traceSink = e.sink;
    if (!traceSink.active()) {
      n.compute(e, since);
      return;
    }
    long start = System.nanoTime();
    boolean firstRun = since == ComputedNode.NEVER_RAN;
    boolean changed;
    try {
      changed = n.compute(e, since);
    } catch (Throwable t) {
      if (t != e.unwinding) {
        traceSink.ran(n, cause, firstRun, false, t, System.nanoTime() - start, e.revision);
      }
      throw t;
    }
    traceSink.ran(n, cause, firstRun, changed, null, System.nanoTime() - start, e.revision);
  }

  /**
   * Starts a run of {@code n}'s function: from here its reads are recorded. Returns the run's
   * recorder, for {@link #finishRun} or {@link #runThrew}, which put its parent back.
   */
  static DependencyRecorder startRun(EngineCore e, ComputedNode<?> n) {
    Object f = n.function;
    if (f instanceof StaticDependencies) {
      return startStaticRun(e, n, (StaticDependencies) f);
    }
    n.verifiedAt = ComputedNode.COMPUTING;
    DependencyRecorder parent = e.recorder;
    DependencyRecorder r = parent == null ? e.rootRecorder : childOf(e, parent);
    r.start(n);
    e.recorder = r;
    if (e.lockFreeReads) {
      ((ConcurrentEngine) e).mayLeave(n, parent);
    }
    return r;
  }

  /**
   * {@link #startRun} for {@code n}, whose dependencies were found at compile time: the inputs its
   * function reads from fields count as read, and before its first run the static list is the one
   * the run is compared with (every later run keeps those inputs first in its list).
   */
  private static DependencyRecorder startStaticRun(
      EngineCore e, ComputedNode<?> n, StaticDependencies f) {
    Object previous = n.dependencies;
    if (previous == ComputedNode.NO_DEPENDENCIES) {
      previous = staticList(e, n, f); // may throw: before the node is marked as computing
    }
    n.verifiedAt = ComputedNode.COMPUTING;
    DependencyRecorder parent = e.recorder;
    DependencyRecorder r = parent == null ? e.rootRecorder : childOf(e, parent);
    r.start(n, previous, f.fieldReads());
    e.recorder = r;
    return r;
  }

  /** The static dependency list of {@code n} as a node's list: its own nodes, checked. */
  private static Object staticList(EngineCore e, ComputedNode<?> n, StaticDependencies f) {
    int size = f.dependencyCount();
    if (size == 0) {
      return ComputedNode.NO_DEPENDENCIES;
    }
    AbstractNode<?>[] list = new AbstractNode<?>[size];
    for (int i = 0; i < size; i++) {
      Node<?> d = f.dependency(i);
      if (!(d instanceof AbstractNode) || ((AbstractNode<?>) d).engine != e) {
        throw new IllegalArgumentException("Node '" + d.label() + "', a static dependency of '"
            + n.label() + "', belongs to another engine; a computation may only read nodes of its"
            + " own engine.");
      }
      for (int j = 0; j < i; j++) {
        if (list[j] == d) {
          throw new IllegalArgumentException("Node '" + d.label() + "' is listed twice among the"
              + " static dependencies of '" + n.label() + "'.");
        }
      }
      list[i] = (AbstractNode<?>) d;
    }
    return size == 1 ? list[0] : list;
  }

  /**
   * The function of {@code n} threw: the node keeps its value, dependencies and revisions, and is
   * marked to re-run on the next read.
   */
  static void runThrew(
      EngineCore e, ComputedNode<?> n, long since, DependencyRecorder run, Throwable t) {
    if (e.lockFreeReads) {
      ((ConcurrentEngine) e).returning(n);
    }
    Throwable unwind = e.unwinding;
    if (unwind != null) {
      abandoned(e, n, since, run);
      if (t != unwind) {
        // The function caught the unwinding and threw something else: abandoned all the same.
        throw EngineCore.sneaky(unwind);
      }
      return;
    }
    if (e.cycleWitnesses.tracking) {
      e.cycleWitnesses.ran(n, run, e.revision,
          t instanceof CycleException && n.necessity() == null, e);
    }
    if (t instanceof CycleException && n.necessity() == null) {
      // Kept like a value: the node re-runs only when something this run read changes.
      Object dependencies = run.finish();
      run.clear();
      e.recorder = run.parent();
      n.dependencies = dependencies;
      n.setDurability(DurabilityClock.LOW);
      n.changedAt = e.revision;
      n.verifiedAt = ComputedNode.CYCLE_FAILED;
      e.cycleFailures.failed(n, (CycleException) t, e.revision);
      e.failures++;
      return;
    }
    run.clear();
    e.recorder = run.parent();
    failedAfterRun(e, n, since);
  }

  /**
   * A run of {@code n} is abandoned by a {@link DeepUnwind} or a cancellation: the node stays as it
   * was.
   */
  private static void abandoned(
      EngineCore e, ComputedNode<?> n, long since, DependencyRecorder run) {
    if (run.cycleSeen != null) {
      e.cycleWitnesses.ran(n, run, e.revision, false, e);
    }
    run.clear();
    e.recorder = run.parent();
    n.verifiedAt = since;
  }

  /**
   * The function of {@code n} returned: what it read becomes its dependencies.
   *
   * <p>Kept small, with everything rare in other methods: it is called from every kind of node's
   * {@code compute}, so it is compiled on its own early, and HotSpot inlines an already compiled
   * method into a caller only while its machine code is small.
   */
  static void finishRun(EngineCore e, ComputedNode<?> n, long since, DependencyRecorder run) {
    if (e.lockFreeReads || e.unwinding != null || e.cycleWitnesses.tracking) {
      beforeFinish(e, n, since, run);
    }
    Object dependencies = run.finish();
    e.recorder = run.parent();
    if (dependencies != n.dependencies) {
      newDependencies(e, n, dependencies);
    }
    if (e.durable || dependencies == ComputedNode.NO_DEPENDENCIES) {
      lowestDurability(e, n, dependencies);
    }
  }

  /**
   * The rare part of {@link #finishRun}: leaving a concurrent engine's claim, abandoning a run
   * whose function caught an unwinding (and throwing it on), telling the cycle witnesses.
   */
  private static void beforeFinish(
      EngineCore e, ComputedNode<?> n, long since, DependencyRecorder run) {
    if (e.lockFreeReads) {
      ((ConcurrentEngine) e).returning(n);
    }
    Throwable unwind = e.unwinding;
    if (unwind != null) {
      // The function caught the unwinding thrown through it: the run is abandoned all the same.
      abandoned(e, n, since, run);
      throw EngineCore.sneaky(unwind);
    }
    if (e.cycleWitnesses.tracking) {
      e.cycleWitnesses.ran(n, run, e.revision, true, e);
    }
  }

  /** {@code n}'s run read another list than its last: rewired if necessary, then kept. */
  private static void newDependencies(EngineCore e, ComputedNode<?> n, Object dependencies) {
    if (n.necessity() != null) {
      e.necessary.rewire(n, ComputedNode.asArray(n.dependencies),
          ComputedNode.asArray(dependencies));
    }
    n.dependencies = dependencies;
  }

  /** Gives {@code n} the lowest durability of what it read (a node that read nothing is HIGH). */
  private static void lowestDurability(EngineCore e, ComputedNode<?> n, Object dependencies) {
    e.durable = true;
    n.setDurability(DurabilityClock.lowestOf(dependencies));
  }

  private static void failedAfterRun(EngineCore e, ComputedNode<?> n, long since) {
    n.setDurability(DurabilityClock.LOW);
    if (since == ComputedNode.CYCLE_FAILED) {
      e.cycleFailures.forget(n);
    }
    n.verifiedAt = since == ComputedNode.NEVER_RAN
        ? ComputedNode.NEVER_RAN : ComputedNode.LAST_RUN_FAILED;
    e.failures++;
    Necessity necessity = n.necessity();
    if (necessity != null) {
      // Its clean readers hold values computed from what it had; they must look again, and its
      // observers' read reports the failure to the writer.
      Push.necessaryNodeChanged(e, n, necessity);
    }
  }

  /**
   * Completes a run that brought back an evicted value: the node is verified as it was before
   * ({@code since}), and its change revision stays.
   */
  static void restored(EngineCore e, LruComputedNode<?> n, long since) {
    e.budgets.restores++;
    publishVerified(n, since);
    if (since != CLEAN && n.necessity() != null) {
      e.necessary.noteVerified(n);
    }
  }

  /**
   * Completes a run once the node has stored its result: if the value changed (the node has
   * published the new one), stamps it with the current revision; either way the node is verified
   * now (a run with an equal result is an early cutoff). A necessary node then calls {@link
   * #storedNecessary}.
   *
   * <p>Kept small, with the necessary node's part separate, for the reason given at {@link
   * #finishRun}: compiled on its own with the push inlined, it would be too big to inline into the
   * runs of nodes that are not observed.
   */
  static void stored(EngineCore e, ComputedNode<?> n, boolean changed, long since) {
    long rev = e.revision;
    if (since > 0) {
      if (changed) {
        e.reruns++;
      } else {
        e.cutoffs++;
      }
    } else {
      storedAfterNoValue(e, n, changed, since);
    }
    if (changed) {
      n.changedAt = rev;
    }
    publishVerified(n, rev);
  }

  /**
   * {@link #stored} of a node that never ran (counted as a first run) or whose last run failed
   * (forgotten by the cycle failures if it was a cycle's).
   */
  private static void storedAfterNoValue(
      EngineCore e, ComputedNode<?> n, boolean changed, long since) {
    if (since == ComputedNode.CYCLE_FAILED) {
      e.cycleFailures.forget(n);
    }
    if (since == ComputedNode.NEVER_RAN) {
      e.runs++;
    } else if (changed) {
      e.reruns++;
    } else {
      e.cutoffs++;
    }
  }

  /** After {@link #stored}, for a necessary node: its readers are queued if it changed. */
  static void storedNecessary(EngineCore e, ComputedNode<?> n, boolean changed) {
    if (changed) {
      Push.necessaryNodeChanged(e, n, n.necessity());
    }
    e.necessary.noteVerified(n);
  }

  private static DependencyRecorder childOf(EngineCore e, DependencyRecorder parent) {
    DependencyRecorder child = parent.child;
    if (child == null) {
      child = new DependencyRecorder(parent);
      parent.child = child;
      e.recorders++;
    }
    return child;
  }

  /**
   * Drops the recorders of nesting depths beyond {@link #RECORDERS_KEPT}: the first computation of
   * a very tall graph nests once per level, and keeping a recorder per level ever reached would
   * hold memory proportional to the height for the life of the engine.
   */
  static void trimRecorders(EngineCore e) {
    DependencyRecorder r = e.rootRecorder;
    for (int i = 1; i < RECORDERS_KEPT && r.child != null; i++) {
      r = r.child;
    }
    r.child = null;
    e.recorders = RECORDERS_KEPT;
  }
}
