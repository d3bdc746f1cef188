package dev.incr.internal;

import dev.incr.Computed;
import java.util.Objects;

/**
 * A derived node, as the engine's algorithm sees it: state, function and dependencies. The value
 * lives in the subclasses: {@link BoxedComputedNode}, {@link LruComputedNode} or the primitive
 * nodes ({@code IntComputedNode} and kin, generated from one template).
 */
abstract class ComputedNode<T> extends AbstractNode<T> implements Computed<T> {

  // A computed's state lives in verifiedAt, which is otherwise a revision (at least 1) or
  // EngineCore.CLEAN: four values no revision takes. Flag fields would cost 8 bytes per node once
  // aligned. None of these equals a revision, so fast paths never accept such a node.

  /** {@code verifiedAt} of a computed whose function has never completed. */
  static final long NEVER_RAN = 0;
  /** {@code verifiedAt} after a run threw: the value is stale whatever the dependencies say. */
  static final long LAST_RUN_FAILED = -1;
  /**
   * {@code verifiedAt} while its dependencies are being verified (the real one is kept aside), by
   * a verification that started outside any run; {@code VERIFYING - k} when it started inside
   * {@code k} nested runs ({@link #verifying}).
   */
  static final long VERIFYING = -16;
  /** {@code verifiedAt} while its function is running. */
  static final long COMPUTING = -3;
  /**
   * {@code verifiedAt} after a run failed with a {@link dev.incr.CycleException}: the failure is
   * kept like a value ({@link CycleFailures}), with what the failing run read as dependencies, so
   * the node re-runs only when one of those changes.
   */
  static final long CYCLE_FAILED = -4;

  /** Whether a computed with this {@code verifiedAt} must run, whatever its dependencies say. */
  static boolean mustRun(long verifiedAt) {
    return verifiedAt == NEVER_RAN || verifiedAt == LAST_RUN_FAILED;
  }

  /**
   * Whether a run with this previous {@code verifiedAt} counts as a change whatever its result: a
   * first run, or the first run after a cycle failure (readers saw the failure, not the old value).
   */
  static boolean changesAnyway(long since) {
    return since == NEVER_RAN || since == CYCLE_FAILED;
  }

  /** Whether a computed with this {@code verifiedAt} is being verified or computed. */
  static boolean inProgress(long verifiedAt) {
    return verifiedAt <= VERIFYING || verifiedAt == COMPUTING;
  }

  /**
   * How far a verifying thread's id is shifted in its marks ({@link #verifying}): run depths stay
   * far below {@code 1 << OWNER_SHIFT} (runs nesting deeper than {@link EngineCore#MAX_RUN_DEPTH}
   * unwind).
   */
  static final int OWNER_SHIFT = 20;

  /**
   * {@code verifiedAt} while being verified by the engine's current thread inside the runs of
   * recorder {@code r} (none if null): {@link #VERIFYING} minus the run depth, and on the
   * concurrent engine minus the thread's id shifted by {@link #OWNER_SHIFT}, so that another
   * thread meeting the node tells whose verification holds it ({@link #verifierOf}).
   */
  static long verifying(EngineCore e, DependencyRecorder r) {
    return VERIFYING - (e.computingThread << OWNER_SHIFT) - (r == null ? 0 : r.depth);
  }

  /** The id of the thread whose verification holds a node marked {@code verifiedAt} (verifying). */
  static long verifierOf(long verifiedAt) {
    return (VERIFYING - verifiedAt) >>> OWNER_SHIFT;
  }

  /** Whether a computed with this {@code verifiedAt} is being verified. */
  static boolean isVerifying(long verifiedAt) {
    return verifiedAt <= VERIFYING;
  }

  static final AbstractNode<?>[] NO_DEPENDENCIES = new AbstractNode<?>[0];

  /**
   * The function: a {@code Supplier<T>} for boxed nodes, the primitive supplier in the primitive
   * nodes (one field for all, so that they are no bigger).
   */
  final Object function;
  /**
   * What the last successful run read, in first-read order, without duplicates: the node itself
   * when it read exactly one (most computeds do, and an array would cost 24 bytes more), else an
   * array ({@link #NO_DEPENDENCIES} when none).
   */
  Object dependencies = NO_DEPENDENCIES;

  ComputedNode(EngineCore engine, Object function) {
    super(engine, NEVER_RAN);
    this.function = function;
  }

  /**
   * Runs the function for the engine's algorithm and keeps the result; returns whether the value
   * changed. Every kind of node runs the same sequence, in its own class so that the JIT compiles
   * it with the node's class known: {@link Execution#startRun}, the function, {@link
   * Execution#finishRun} (or {@link Execution#runThrew}, then rethrow, if the function threw),
   * the comparison with the value held by the node's kind of equality, forced by {@link
   * #changesAnyway}, a release store of a changed value, then {@link Execution#stored} and, for a
   * necessary node, {@link Execution#storedNecessary}. The
   * primitive nodes are generated from one template ({@code PrimitiveComputedNode.java.template});
   * {@link BoxedComputedNode} and {@link LruComputedNode} follow it by hand.
   */
  abstract boolean compute(EngineCore core, long since);

  /**
   * For every computed's getter: records the read and brings the node up to date, leaving its
   * value for the caller to read from its own field. Returns true if the caller may read that field
   * plainly, false if it must use an acquire load (a lock-free reader of the concurrent engine).
   * The single-threaded fast path is inline; everything else is {@link
   * EngineCore#prepareReadSlowPath}.
   */
  final boolean prepareRead() {
    EngineCore e = engine;
    if (!e.lockFreeReads) {
      long v = verifiedAt;
      if (v == e.revision || v == e.cleanMark) {
        DependencyRecorder r = e.recorder;
        if (r != null) {
          r.record(this);
          return true;
        }
        if (CrossEngineGuard.lastToken == e.token) {
          return true;
        }
      }
    }
    return e.prepareReadSlowPath(this);
  }

  int dependencyCount() {
    Object d = dependencies;
    return d instanceof AbstractNode ? 1 : ((AbstractNode<?>[]) d).length;
  }

  AbstractNode<?> dependency(int i) {
    Object d = dependencies;
    return d instanceof AbstractNode ? (AbstractNode<?>) d : ((AbstractNode<?>[]) d)[i];
  }

  /** The dependencies as an array (a new one when there is exactly one), for the cold paths. */
  AbstractNode<?>[] dependencyArray() {
    return asArray(dependencies);
  }

  static AbstractNode<?>[] asArray(Object dependencies) {
    return dependencies instanceof AbstractNode
        ? new AbstractNode<?>[] {(AbstractNode<?>) dependencies}
        : (AbstractNode<?>[]) dependencies;
  }

  @Override
  public Computed<T> label(String label) {
    setLabel(Objects.requireNonNull(label, "label(null): a label must be a non-null name"));
    return this;
  }

  @Override
  String defaultLabel() {
    return "computed@" + Integer.toHexString(System.identityHashCode(this));
  }
}
