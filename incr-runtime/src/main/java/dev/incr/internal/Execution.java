package dev.incr.internal;

import dev.incr.CycleException;

/**
 * Execution and early cutoff: running a computed's function for {@link EngineCore}'s verification,
 * recording what it read, comparing the result with the old value, publishing it, and failures.
 * Each kind of node calls {@link #startRun}, its function, {@link #finishRun} (or {@link
 * #runThrew}) and {@link #stored} from its own {@link ComputedNode#compute}, so that it keeps its
 * result in its own (possibly primitive) field without boxing it on the way. Runs happen under the
 * engine's lock on the concurrent engine, on one thread at a time: the counters are plain.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>While a function runs, its node's {@code verifiedAt} is {@link ComputedNode#COMPUTING} and
 *       {@link EngineCore#recorder} is the run's recorder, whose parent is the recorder of the
 *       enclosing run (null at the top); when the run ends, however it ends, the recorder is
 *       cleared or finished and the parent is put back.
 *   <li>A run that returns makes what it read the node's dependencies (in first-read order) and its
 *       durability the lowest of theirs; a necessary node's reverse edges are rewired to match,
 *       and a rewiring that would close a cycle among necessary nodes fails the run instead.
 *   <li>{@code changedAt} moves to the current revision only if the new value differs from the old
 *       one: an equal result is a cutoff, and the node's readers verify without running. Either way
 *       the node is published verified at the current revision, value before {@code verifiedAt}.
 *   <li>A run that throws keeps the node's value, dependencies and {@code changedAt}, and leaves it
 *       to run again on its next read ({@link ComputedNode#LAST_RUN_FAILED}, or {@link
 *       ComputedNode#NEVER_RAN} if it never ran); a {@link CycleException} thrown by a node that is
 *       not necessary is kept like a value instead ({@link ComputedNode#CYCLE_FAILED}), until
 *       something that run read changes.
 *   <li>A run abandoned by a {@link DeepUnwind} leaves the node exactly as it was before the run.
 *   <li>A necessary node that changed or failed has its necessary readers marked dirty and, if
 *       observed, is noted for its observers.
 *   <li>At most {@link #RECORDERS_KEPT} levels of recorders outlive a top-level read.
 * </ul>
 */
final class Execution {

  /** How many levels of reusable recorders are kept between top-level reads. */
  static final int RECORDERS_KEPT = 64;

  private final EngineCore engine;
  private final DependencyRecorder rootRecorder = new DependencyRecorder(null);
  /** Recorders in the chain from {@link #rootRecorder}. */
  int recorders = 1;

  // Statistics. Plain counters: the algorithm runs on one thread at a time.
  long runs;
  long reruns;
  long cutoffs;
  long failures;

  Execution(EngineCore engine) {
    this.engine = engine;
  }

  /**
   * Runs {@code n}'s function; {@code cause} is the changed dependency that called for it, {@code
   * since} the node's {@code verifiedAt} before this verification.
   */
  void run(ComputedNode<?> n, AbstractNode<?> cause, long since) {
    TraceSink traceSink = engine.sink;
    if (traceSink != null && traceSink.active()) {
      runTraced(n, cause, since, traceSink);
      return;
    }
    n.compute(engine, since);
  }

  private void runTraced(ComputedNode<?> n, AbstractNode<?> cause, long since,
      TraceSink traceSink) {
    long start = System.nanoTime();
    boolean firstRun = since == ComputedNode.NEVER_RAN;
    boolean changed;
    try {
      changed = n.compute(engine, since);
    } catch (Throwable t) {
      if (t != DeepUnwind.INSTANCE) {
        traceSink.ran(n, cause, firstRun, false, t, System.nanoTime() - start, engine.revision);
      }
      throw t;
    }
    traceSink.ran(n, cause, firstRun, changed, null, System.nanoTime() - start, engine.revision);
  }

  /**
   * Starts a run of {@code n}'s function: from here its reads are recorded. Returns the recorder of
   * the enclosing computation, for {@link #finishRun} or {@link #runThrew}.
   */
  DependencyRecorder startRun(ComputedNode<?> n) {
    n.verifiedAt = ComputedNode.COMPUTING;
    DependencyRecorder parent = engine.recorder;
    DependencyRecorder r = parent == null ? rootRecorder : childOf(parent);
    r.start(n);
    engine.recorder = r;
    return parent;
  }

  /**
   * The function of {@code n} threw: the node keeps its value, dependencies and revisions, and is
   * marked to re-run on the next read.
   */
  void runThrew(ComputedNode<?> n, long since, DependencyRecorder parent, Throwable t) {
    if (t == DeepUnwind.INSTANCE) {
      abandoned(n, since, parent);
      return;
    }
    if (engine.cycleWitnesses.tracking) {
      engine.cycleWitnesses.ran(n, engine.recorder, engine.revision,
          t instanceof CycleException && n.necessity() == null, engine);
    }
    if (t instanceof CycleException && n.necessity() == null) {
      // Kept like a value: the node re-runs only when something this run read changes.
      Object dependencies = engine.recorder.finish();
      engine.recorder.clear();
      engine.recorder = parent;
      n.dependencies = dependencies;
      n.setDurability(DurabilityClock.LOW);
      n.changedAt = engine.revision;
      n.verifiedAt = ComputedNode.CYCLE_FAILED;
      engine.cycleFailures.failed(n, (CycleException) t, engine.revision);
      failures++;
      return;
    }
    engine.recorder.clear();
    engine.recorder = parent;
    failedAfterRun(n, since);
  }

  /** A run of {@code n} is abandoned by a {@link DeepUnwind}: the node stays as it was. */
  private void abandoned(ComputedNode<?> n, long since, DependencyRecorder parent) {
    if (engine.recorder.cycleSeen != null) {
      engine.cycleWitnesses.ran(n, engine.recorder, engine.revision, false, engine);
    }
    engine.recorder.clear();
    engine.recorder = parent;
    n.verifiedAt = since;
  }

  /**
   * The function of {@code n} returned: what it read becomes its dependencies. Throws (leaving the
   * node as {@link #runThrew} would) if the new dependencies close a cycle among observed nodes.
   */
  void finishRun(ComputedNode<?> n, long since, DependencyRecorder parent) {
    if (engine.deepPending != null) {
      // The function caught the DeepUnwind thrown through it: the run is abandoned all the same.
      abandoned(n, since, parent);
      throw DeepUnwind.INSTANCE;
    }
    if (engine.cycleWitnesses.tracking) {
      engine.cycleWitnesses.ran(n, engine.recorder, engine.revision, true, engine);
    }
    Object dependencies = engine.recorder.finish();
    engine.recorder = parent;
    Object before = n.dependencies;
    if (dependencies != before) {
      if (n.necessity() != null) {
        try {
          engine.necessary.rewire(
              n, ComputedNode.asArray(before), ComputedNode.asArray(dependencies));
        } catch (CycleException e) {
          failedAfterRun(n, since);
          throw e;
        }
      }
      n.dependencies = dependencies;
    }
    n.setDurability(DurabilityClock.lowestOf(dependencies));
  }

  private void failedAfterRun(ComputedNode<?> n, long since) {
    n.setDurability(DurabilityClock.LOW);
    if (since == ComputedNode.CYCLE_FAILED) {
      engine.cycleFailures.forget(n);
    }
    n.verifiedAt = since == ComputedNode.NEVER_RAN
        ? ComputedNode.NEVER_RAN : ComputedNode.LAST_RUN_FAILED;
    failures++;
    Necessity necessity = n.necessity();
    if (necessity != null) {
      // Its clean readers hold values computed from what it had; they must look again, and its
      // observers' read reports the failure to the writer.
      engine.necessaryNodeChanged(n, necessity);
    }
  }

  /**
   * Completes a run once the node has stored its result: if the value changed (the node has
   * published the new one), stamps it with the current revision; either way the node is verified
   * now (a run with an equal result is an early cutoff). Returns {@code changed}.
   */
  boolean stored(ComputedNode<?> n, boolean changed, long since) {
    long rev = engine.revision;
    if (since == ComputedNode.CYCLE_FAILED) {
      engine.cycleFailures.forget(n);
    }
    if (since != ComputedNode.NEVER_RAN) {
      if (changed) {
        reruns++;
      } else {
        cutoffs++;
      }
    } else {
      runs++;
    }
    if (changed) {
      n.changedAt = rev;
    }
    EngineCore.publishVerified(n, rev);
    Necessity necessity = n.necessity();
    if (necessity != null) {
      if (changed) {
        engine.necessaryNodeChanged(n, necessity);
      }
      engine.necessary.noteVerified(n);
    }
    return changed;
  }

  private DependencyRecorder childOf(DependencyRecorder parent) {
    DependencyRecorder child = parent.child;
    if (child == null) {
      child = new DependencyRecorder(parent);
      parent.child = child;
      recorders++;
    }
    return child;
  }

  /**
   * Drops the recorders of nesting depths beyond {@link #RECORDERS_KEPT}: the first computation of
   * a very tall graph nests once per level, and keeping a recorder per level ever reached would
   * hold memory proportional to the height for the life of the engine.
   */
  void trimRecorders() {
    DependencyRecorder r = rootRecorder;
    for (int i = 1; i < RECORDERS_KEPT && r.child != null; i++) {
      r = r.child;
    }
    r.child = null;
    recorders = RECORDERS_KEPT;
  }
}
