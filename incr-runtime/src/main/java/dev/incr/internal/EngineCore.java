package dev.incr.internal;

import dev.incr.Computed;
import dev.incr.CycleException;
import dev.incr.DoubleComputed;
import dev.incr.DoubleVar;
import dev.incr.Durability;
import dev.incr.Engine;
import dev.incr.EngineStats;
import dev.incr.Equality;
import dev.incr.GraphSnapshot;
import dev.incr.IntComputed;
import dev.incr.IntVar;
import dev.incr.LongComputed;
import dev.incr.LongVar;
import dev.incr.Node;
import dev.incr.Trace;
import dev.incr.Traced;
import dev.incr.Var;
import dev.incr.Why;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The algorithm both engines share: demand-driven recomputation with red-green verification and
 * early cutoff. {@link SingleThreadedEngine} runs it as is; {@link ConcurrentEngine} runs every
 * slow path and every write under one lock and lets readers of up-to-date nodes in without it.
 *
 * <h2>Design</h2>
 *
 * <p>The engine keeps one global {@link #revision}. A {@code set} that changes a value starts a new
 * revision and stamps the var's {@code changedAt} with it; nothing else happens (no marking, no
 * propagation). Each computed remembers the revision it was last verified at and the revision its
 * value last changed at. Reading a computed whose {@code verifiedAt} is the current revision is the
 * fast path: three loads and a compare, no allocation.
 *
 * <p>Otherwise the computed is <em>verified</em>: its dependencies from the last run are examined in
 * the order they were first read. Each stale dependency is verified first (depth-first); as soon as
 * one has {@code changedAt > verifiedAt} the computed re-runs, and if none has, it is marked
 * verified without running. A re-run whose result equals the old value ({@link Objects#equals})
 * keeps the old {@code changedAt}, so the nodes that read it verify without re-running (early
 * cutoff). Checking dependencies in first-read order matters: a dependency read only because an
 * earlier one had some value is never verified once that earlier one has changed.
 *
 * <p>Verification recurses while shallow and walks an explicit stack ({@link #active}) beyond
 * {@link #MAX_VERIFY_RECURSION}, so a chain of any height verifies without {@link
 * StackOverflowError}. Running a computation does use the Java stack (the user's function calls
 * {@code get()} on its inputs, which may have to run first); when runs nest deeper than {@link
 * #MAX_RUN_DEPTH}, the read unwinds to the top ({@link DeepUnwind}), computes the deepest pending
 * node first from there and starts over, so user code always runs on the caller's thread. This
 * happens when a tall graph is first computed, not when it is updated: updates verify bottom-up, so
 * runs do not nest.
 *
 * <h2>Observed nodes are pushed</h2>
 *
 * <p>Pulling costs a walk from the read node down to what changed: reading the top of a tall graph
 * after a change absorbed at its bottom still visits every node between. Observed nodes avoid it.
 * An observed node and everything it reads are <em>necessary</em> ({@link NecessaryGraph}): they
 * carry heights and reverse edges, and when up to date they hold {@link #CLEAN} in {@code
 * verifiedAt}, which fast paths accept in every revision (through {@link #cleanMark}). A write to a
 * necessary node marks its necessary readers dirty and queues them; the end of the outermost write
 * ({@link #flush}) takes the queue lowest height first, verifying each node as a read would and
 * queueing the readers of those whose value changed. Work stops where values stop changing.
 *
 * <p>While a change is pending (inside a batch, or during the flush), a clean node is trusted only
 * if it is lower than everything still queued ({@link #stillClean}); otherwise verification looks
 * at it like any stale node. This covers reads inside batches and dynamic dependencies that reach
 * higher in the graph in the middle of a flush.
 *
 * <h2>Publication</h2>
 *
 * <p>Fields that lock-free readers of the concurrent engine look at (a node's value, held by each
 * kind of node in its own field, boxed or primitive; {@code verifiedAt}; {@link #revision}) are
 * written with release stores, value before {@code verifiedAt}; on the concurrent engine, nodes
 * read them with acquire loads. On x86 and ARM a release store is an ordinary store (plus an
 * ordering constraint on the compiler), so the single-threaded engine pays nothing for sharing this
 * code; on it, nodes read the fields plainly (the node classes are shared and branch on {@link
 * #lockFreeReads}). The in-progress and failed
 * states a verification writes into {@code verifiedAt} are plain stores: they replace one value that
 * is not current with another, so a reader that misses them takes the slow path all the same.
 *
 * <p>The invariants the algorithm keeps are listed, and checked, in {@link InvariantChecker}.
 */
abstract class EngineCore implements Engine {

  /**
   * How deeply computations may nest on the caller's stack before the read unwinds and computes
   * the deepest one first ({@link DeepUnwind}).
   */
  static final int MAX_RUN_DEPTH = 256;

  static final VarHandle REVISION;
  static final VarHandle VERIFIED_AT;
  static final VarHandle CLEAN_MARK;
  private static final VarHandle VARS_CREATED;
  private static final VarHandle COMPUTEDS_CREATED;

  /**
   * {@code verifiedAt} of a clean necessary computed ({@link NecessaryGraph}): current in every
   * revision until a write marks it dirty.
   */
  static final long CLEAN = Long.MAX_VALUE - 1;
  /** {@link #cleanMark} while a change is pending: equal to no {@code verifiedAt}. */
  static final long NOT_CLEAN = Long.MIN_VALUE;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      REVISION = lookup.findVarHandle(EngineCore.class, "revision", long.class);
      VERIFIED_AT = lookup.findVarHandle(AbstractNode.class, "verifiedAt", long.class);
      CLEAN_MARK = lookup.findVarHandle(EngineCore.class, "cleanMark", long.class);
      VARS_CREATED = lookup.findVarHandle(EngineCore.class, "varsCreated", long.class);
      COMPUTEDS_CREATED = lookup.findVarHandle(EngineCore.class, "computedsCreated", long.class);
      // Loaded now, not at the first observer: until the class of its return type is loaded, the
      // JIT will not inline AbstractNode.necessity(), which every run and verification calls.
      lookup.ensureInitialized(Necessity.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // VarHandle calls are only compiled to plain instructions when the call site's types match the
  // handle's exactly (otherwise they go through a generic adapter); these helpers guarantee that.

  static void publishVerified(AbstractNode<?> node, long revision) {
    VERIFIED_AT.setRelease(node, revision);
  }

  static long acquireVerified(AbstractNode<?> node) {
    return (long) VERIFIED_AT.getAcquire(node);
  }

  static void publishRevision(EngineCore engine, long revision) {
    REVISION.setRelease(engine, revision);
  }

  static long acquireRevision(EngineCore engine) {
    return (long) REVISION.getAcquire(engine);
  }

  static void publishCleanMark(EngineCore engine, long mark) {
    CLEAN_MARK.setRelease(engine, mark);
  }

  static long acquireCleanMark(EngineCore engine) {
    return (long) CLEAN_MARK.getAcquire(engine);
  }

  long revision = 1;
  /**
   * {@link #CLEAN} when clean necessary computeds may be read without a check, {@link #NOT_CLEAN}
   * while a change is pending. Fast paths accept a node whose {@code verifiedAt} equals the
   * revision or this.
   */
  long cleanMark = CLEAN;
  /** Whether necessary computeds wait in the recompute queue (a write has not been flushed). */
  boolean pending;
  /** Whether {@link #flush} is running, and the height of the node it is bringing up to date. */
  boolean flushing;
  private int flushHeight;
  /** Observed nodes and what they read, kept up to date by pushing changes. */
  final NecessaryGraph necessary = new NecessaryGraph(this);
  /** The kept failures of computeds in state {@link ComputedNode#CYCLE_FAILED}. */
  final CycleFailures cycleFailures = new CycleFailures();
  /** The computeds whose last run met a cycle, re-run when a node of that cycle has run. */
  final CycleWitnesses cycleWitnesses = new CycleWitnesses();
  /**
   * Whether the current verification met a dependency that is itself being verified further down
   * the stack (a cycle among dependencies, left by computations that caught a {@link
   * CycleException}). Until the top-level read ends, nodes found unchanged are left unverified:
   * the node below has not decided yet, and may still re-run and change.
   */
  boolean provisional;
  /** The recorder of the innermost running computation, or null outside computations. */
  DependencyRecorder recorder;
  /** See {@link #operatorStandIn()}. */
  private volatile ComputedNode<?> operatorStandIn;
  /** Identifies this engine to {@link CrossEngineGuard} without keeping it reachable. */
  final Object token = new Object();
  /**
   * The id of the thread inside a top-level recomputation of this engine, or 0 (see
   * CrossEngineGuard). An id, not the Thread: storing a reference into this long-lived object on
   * every top-level read would cost a garbage-collector write barrier each time.
   */
  long topLevelThread;

  /** How many levels of reusable recorders are kept between top-level reads. */
  static final int RECORDERS_KEPT = 64;

  DependencyRecorder rootRecorder = new DependencyRecorder(null);
  /** Recorders in the chain from {@link #rootRecorder}. */
  int recorders = 1;
  /** The node a {@link DeepUnwind} in flight is to compute first, or null. */
  ComputedNode<?> deepPending;
  /**
   * What is unwinding the computations on the stack, or null: {@link DeepUnwind#INSTANCE}, or the
   * {@link dev.incr.Cancelled} the concurrent engine threw. While it is set, every run that ends,
   * however it ends, is abandoned (its node stays as it was) and the unwinding goes on, so user
   * code that swallows it changes nothing.
   */
  Throwable unwinding;

  // The active stack: computeds being verified or computed, with the index of the next
  // dependency to examine.
  private ComputedNode<?>[] active = new ComputedNode<?>[64];
  private int[] cursor = new int[64];
  /** The {@code verifiedAt} each node on the active stack had before it was pushed. */
  private long[] activeSince = new long[64];
  private int activeSize;

  int batchDepth;
  private boolean batchRevisionOpen;
  /** The vars written in the open batch, as they were before it. */
  private final BatchWrites batchWrites = new BatchWrites();
  /** The revision when the outermost open batch began. */
  private long batchStartRevision;
  /**
   * How many top-level verifications (reads that computed or verified something) have started:
   * a var written back within a batch is unchanged only if none started since its first write.
   */
  private long topLevelVerifications;
  /** Whether any verification happened at the current revision (so a batch must not reuse it). */
  private boolean revisionObserved;

  /**
   * Observed nodes whose value changed (or whose run failed) since observers were last told: the
   * only ones {@link #collectChanges} looks at, so a write costs nothing per unaffected observer.
   */
  final List<AbstractNode<?>> observedChanges = new ArrayList<>();

  /** Where recomputation events go: null unless a trace or flight recording is on. */
  private TraceSink sink;
  /** The sink outside any trace: flight recording, or null. */
  private TraceSink baseSink;

  // Statistics. Plain counters: the algorithm runs on one thread at a time.
  long varsCreated;
  long computedsCreated;
  private long runs;
  private long reruns;
  private long cutoffs;
  private long verifications;
  private long failures;
  /** Per durability level, the last revision an input of that level or higher changed. */
  final DurabilityClock durabilities = new DurabilityClock();

  /**
   * Whether other threads read nodes without the engine's lock while it works (the concurrent
   * engine): its nodes then read published fields with acquire loads, and the algorithm runs under
   * the lock. Nodes shared by both engines (the primitive ones) branch on this.
   */
  final boolean lockFreeReads;

  EngineCore(boolean lockFreeReads) {
    this.lockFreeReads = lockFreeReads;
  }

  // ---------------------------------------------------------------------------------------------
  // Creating nodes (one set of classes for both engines: the nodes branch on lockFreeReads)

  @Override
  public final <T> Var<T> var(T initial) {
    countVar();
    return new BoxedVarNode<>(this, initial, revision(), false);
  }

  @Override
  public final <T> Var<T> var(T initial, Equality equality) {
    Objects.requireNonNull(
        equality, "var(initial, null): pass Equality.EQUALS or Equality.IDENTITY");
    countVar();
    return new BoxedVarNode<>(this, initial, revision(), equality == Equality.IDENTITY);
  }

  @Override
  public final <T> Var<T> var(T initial, Durability durability) {
    byte level = levelOf(durability, "var(initial, null)");
    return withLevel(var(initial), level);
  }

  @Override
  public final <T> Var<T> var(T initial, Equality equality, Durability durability) {
    Objects.requireNonNull(
        equality, "var(initial, null, durability): pass Equality.EQUALS or Equality.IDENTITY");
    byte level = levelOf(durability, "var(initial, equality, null)");
    return withLevel(var(initial, equality), level);
  }

  @Override
  public final IntVar intVar(int initial, Durability durability) {
    byte level = levelOf(durability, "intVar(initial, null)");
    return withLevel(intVar(initial), level);
  }

  @Override
  public final LongVar longVar(long initial, Durability durability) {
    byte level = levelOf(durability, "longVar(initial, null)");
    return withLevel(longVar(initial), level);
  }

  @Override
  public final DoubleVar doubleVar(double initial, Durability durability) {
    byte level = levelOf(durability, "doubleVar(initial, null)");
    return withLevel(doubleVar(initial), level);
  }

  private static byte levelOf(Durability durability, String call) {
    Objects.requireNonNull(durability,
        () -> call + ": pass Durability.LOW, Durability.MEDIUM or Durability.HIGH");
    return DurabilityClock.level(durability);
  }

  private static <V extends Var<?>> V withLevel(V var, byte level) {
    ((AbstractNode<?>) var).setDurability(level);
    return var;
  }

  @Override
  public final <T> Computed<T> computed(Supplier<T> function) {
    Objects.requireNonNull(function, "computed(null): pass the function that computes the value");
    countComputed();
    return new BoxedComputedNode<>(this, function);
  }

  @Override
  public final IntVar intVar(int initial) {
    countVar();
    return new IntVarNode(this, initial, revision());
  }

  @Override
  public final LongVar longVar(long initial) {
    countVar();
    return new LongVarNode(this, initial, revision());
  }

  @Override
  public final DoubleVar doubleVar(double initial) {
    countVar();
    return new DoubleVarNode(this, initial, revision());
  }

  @Override
  public final IntComputed computedInt(IntSupplier function) {
    Objects.requireNonNull(function, "computedInt(null): pass the function that computes the value");
    countComputed();
    return new IntComputedNode(this, function);
  }

  @Override
  public final LongComputed computedLong(LongSupplier function) {
    Objects.requireNonNull(function,
        "computedLong(null): pass the function that computes the value");
    countComputed();
    return new LongComputedNode(this, function);
  }

  @Override
  public final DoubleComputed computedDouble(DoubleSupplier function) {
    Objects.requireNonNull(function,
        "computedDouble(null): pass the function that computes the value");
    countComputed();
    return new DoubleComputedNode(this, function);
  }

  /** Counts a var created (atomically where nodes may be created on several threads at once). */
  final void countVar() {
    if (lockFreeReads) {
      long unused = (long) VARS_CREATED.getAndAdd(this, 1L);
    } else {
      varsCreated++;
    }
  }

  /** Counts a computed created (atomically where nodes may be created on several threads). */
  final void countComputed() {
    if (lockFreeReads) {
      long unused = (long) COMPUTEDS_CREATED.getAndAdd(this, 1L);
    } else {
      computedsCreated++;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Setting a var: beginSet, the node compares and publishes its value between openWrite and
  // closeWrite (write() for a boxed value), then endSet (in a finally).

  /**
   * Starts a set of {@code node}: throws if the write is not allowed here; in the concurrent engine,
   * takes the lock (released by {@link #endSet}).
   */
  abstract void beginSet(AbstractNode<?> node);

  /** Ends a set started by {@link #beginSet}: if it wrote, tells observers (outside any batch). */
  abstract void endSet(boolean wrote);

  @Override
  public long revision() {
    return acquireRevision(this);
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /**
   * {@link ComputedNode#prepareRead()} when its inline fast path could not decide: the
   * single-threaded engine refreshes the node (and the caller reads its value plainly); the
   * concurrent engine overrides this with its lock-free and locked paths.
   */
  boolean prepareReadSlowPath(ComputedNode<?> node) {
    refreshForRead(node);
    return true;
  }

  /**
   * Records and brings up to date a read of {@code node} whose fast path could not, leaving its
   * value for the caller to read. The concurrent engine calls this holding its lock.
   */
  final void refreshForRead(ComputedNode<?> node) {
    DependencyRecorder r = recorder;
    if (r != null) {
      r.record(node);
      if (!isCurrent(node)) {
        try {
          if (ComputedNode.inProgress(node.verifiedAt)) {
            if (lockFreeReads) {
              ((ConcurrentEngine) this).checkClaim(node);
            }
            throw cycleThrough(node);
          }
          refreshNested(node);
          if (node.verifiedAt == ComputedNode.CYCLE_FAILED) {
            throw cycleWitnesses.rethrown(cycleFailures.rethrow(node), node);
          }
        } catch (CycleException e) {
          cycleWitnesses.saw(r, e);
          throw e;
        }
      }
    } else {
      if (CrossEngineGuard.lastToken != token) {
        checkNotForeignRead(node);
      }
      if (pending && !flushing && batchDepth == 0) {
        flush();
      }
      if (!isCurrent(node)) {
        if (lockFreeReads && node.verifiedAt == ComputedNode.COMPUTING) {
          ((ConcurrentEngine) this).checkClaim(node);
        }
        refreshTopLevel(node);
        if (node.verifiedAt == ComputedNode.CYCLE_FAILED) {
          throw cycleFailures.rethrow(node);
        }
      }
    }
  }

  /**
   * Whether {@code n} is known current without verification: verified at this revision, or clean
   * and not possibly reached by a pending change. A clean node that may have been reached is made
   * dirty (see {@link #stillClean}).
   */
  private boolean isCurrent(ComputedNode<?> n) {
    long v = n.verifiedAt;
    return v == revision || (v == CLEAN && (!pending || stillClean(n)));
  }

  /**
   * While a change is pending, decides whether clean node {@code n} is still current: it is if it
   * sits below every node the change may still reach (everything lower has been brought up to
   * date, and heights order readers above what they read). Otherwise it is marked dirty as of the
   * revision before this one (pending changes all land in this revision), so that verification
   * looks at it.
   */
  private boolean stillClean(AbstractNode<?> n) {
    int lowestUnsettled = flushing ? flushHeight : necessary.queue.lowestHeight();
    if (n.necessity().height < lowestUnsettled) {
      return true;
    }
    publishVerified(n, revision - 1);
    return false;
  }

  /**
   * Whether dependency {@code d}, whose {@code verifiedAt} is {@code v}, must be verified before
   * its {@code changedAt} can be trusted at revision {@code rev}: it is stale, or clean but
   * possibly reached by a pending change (in which case it is made dirty).
   */
  private boolean mustVerify(AbstractNode<?> d, long v, long rev) {
    return v < rev || (v == CLEAN && pending && !stillClean(d));
  }

  /** The revision at which a clean node is known current: now, or before the pending change. */
  final long cleanRevision() {
    return pending ? revision - 1 : revision;
  }

  /**
   * Notes that a change to necessary nodes is pending: until {@link #flush}, clean nodes are not
   * trusted on fast paths.
   */
  final void beginPending() {
    if (!pending) {
      pending = true;
      publishCleanMark(this, NOT_CLEAN);
    }
  }

  /**
   * Brings every queued necessary computed up to date, lowest height first, each verified as on a
   * read (it re-runs only if something it read changed); a changed value queues its necessary
   * readers. Failures are left for the reads that follow to report (observers read every observed
   * node after a write), as they would be without observers.
   */
  final void flush() {
    if (lockFreeReads) {
      ((ConcurrentEngine) this).beforeFlush();
    }
    revisionObserved = true;
    flushing = true;
    long previous = CrossEngineGuard.enter(this);
    try {
      ComputedNode<?> n;
      while ((n = necessary.queue.poll()) != null) {
        if (n.verifiedAt == revision) {
          continue;
        }
        flushHeight = n.necessity().height;
        if (!necessary.neededNow(n)) {
          necessary.leaveToReaders(n);
          continue;
        }
        try {
          verifyFromTop(n);
          settleProvisional();
        } catch (RuntimeException e) {
          settleProvisional();
          // Reported to whoever reads it next (its observers, right after this flush). The throw
          // may come from a dependency, so n never ran: its readers must look again as well.
          necessaryNodeChanged(n, n.necessity());
        }
      }
    } finally {
      flushing = false;
      CrossEngineGuard.exit(this, previous);
      if (necessary.queue.isEmpty()) {
        pending = false;
        necessary.markVerifiedClean();
        publishCleanMark(this, CLEAN);
      }
    }
  }

  /** Throws if this thread is inside a computation of another engine. */
  final void checkNotForeignRead(AbstractNode<?> node) {
    DependencyRecorder foreign = CrossEngineGuard.foreignComputation(this);
    if (foreign != null) {
      throw new IllegalArgumentException("Node '" + node.label() + "' belongs to another engine"
          + " than " + foreign.describe() + ", which reads it; a computation may only read nodes"
          + " of its own engine.");
    }
  }

  private void refreshTopLevel(ComputedNode<?> node) {
    revisionObserved = true;
    topLevelVerifications++;
    long previous = CrossEngineGuard.enter(this);
    try {
      verifyFromTop(node);
    } finally {
      settleProvisional();
      CrossEngineGuard.exit(this, previous);
      if (recorders > RECORDERS_KEPT) {
        trimRecorders();
      }
      if (!pending && necessary.hasVerified()) {
        necessary.markVerifiedClean();
      }
    }
  }

  /**
   * The node a refusing recorder ({@link CollectionHooks.OperatorScope}) records for: one with no dependencies, so
   * that every read misses the recorder's fast path (one per engine; never run).
   */
  final ComputedNode<?> operatorStandIn() {
    ComputedNode<?> n = operatorStandIn;
    if (n == null) {
      n = new BoxedComputedNode<Object>(this, () -> {
        throw new IllegalStateException("never run");
      });
      operatorStandIn = n;
    }
    return n;
  }

  /** The number of reusable recorders held (for tests). */
  final int recordersHeld() {
    return recorders;
  }

  private void refreshNested(ComputedNode<?> node) {
    revisionObserved = true;
    if (recorder.depth > MAX_RUN_DEPTH) {
      // Unwind to the top-level read, which computes node first (see DeepUnwind).
      deepPending = node;
      unwinding = DeepUnwind.INSTANCE;
      throw DeepUnwind.INSTANCE;
    }
    verify(node, 0);
  }

  /**
   * Verifies {@code node} for a top-level read (or the flush), computing first, from this shallow
   * stack, every node that runs nesting too deeply reached ({@link DeepUnwind}): a stack of such
   * nodes, deepest on top, each verified in turn; the ones below are then verified again, finding
   * what they read computed.
   */
  private void verifyFromTop(ComputedNode<?> node) {
    ComputedNode<?>[] pending = null;
    int size = 0;
    ComputedNode<?> n = node;
    while (true) {
      try {
        if (!isCurrent(n)) {
          verify(n, 0);
        }
        if (size == 0) {
          return;
        }
        n = pending[--size];
        pending[size] = null;
      } catch (DeepUnwind unwind) {
        recorder = null;
        if (pending == null) {
          pending = new ComputedNode<?>[16];
        } else if (size == pending.length) {
          pending = Arrays.copyOf(pending, size * 2);
        }
        pending[size++] = n;
        n = deepPending;
        deepPending = null;
        unwinding = null;
      }
    }
  }

  /** How deep {@link #verify} recurses on the Java stack before handing over to {@link #refresh}. */
  static final int MAX_VERIFY_RECURSION = 1200;

  /** {@link #MAX_VERIFY_RECURSION}, or 0 in tests that drive every verification through refresh. */
  int verifyRecursionLimit = MAX_VERIFY_RECURSION;

  /**
   * Verifies {@code n} (stale and idle), recursing into stale dependencies while the recursion is
   * shallow (the JIT compiles this much tighter than the explicit stack) and handing deeper
   * subgraphs to {@link #refresh}, which walks an explicit stack.
   */
  private void verify(ComputedNode<?> n, int depth) {
    if (depth >= verifyRecursionLimit) {
      refresh(n);
      return;
    }
    long since = n.verifiedAt;
    DependencyRecorder r = recorder;
    // Plain: no value is published by it.
    n.verifiedAt = r == null ? ComputedNode.VERIFYING : ComputedNode.verifying(r.depth);
    try {
      long rev = revision;
      if (ComputedNode.mustRun(since)) {
        run(n, null, since);
        return;
      }
      if (verifiedByDurability(n, since, rev)) {
        return;
      }
      long base = since == ComputedNode.CYCLE_FAILED ? cycleFailures.verifiedAt(n) : since;
      Object deps = n.dependencies;
      boolean many = deps.getClass() == AbstractNode[].class;
      int count = many ? ((AbstractNode<?>[]) deps).length : 1;
      for (int i = 0; i < count; i++) {
        AbstractNode<?> d = many ? ((AbstractNode<?>[]) deps)[i] : (AbstractNode<?>) deps;
        if (ranBecauseOf(n, d, rev, base, since, depth)) {
          return;
        }
      }
      if (cycleWitnesses.tracking) {
        ComputedNode<?> reRan = cycleWitnesses.reRanMember(n, base);
        if (reRan != null) {
          run(n, reRan, since);
          return;
        }
      }
      unchanged(n, rev, since);
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
  private boolean ranBecauseOf(ComputedNode<?> n, AbstractNode<?> d, long rev, long base,
      long since, int depth) {
    long v = d.verifiedAt;
    if (mustVerify(d, v, rev)) {
      ComputedNode<?> c = (ComputedNode<?>) d;
      if (v == ComputedNode.COMPUTING) {
        if (lockFreeReads) {
          ((ConcurrentEngine) this).checkClaim(c);
        }
        // The old dependency is running: let the re-run meet it and report the cycle.
        run(n, c, since);
        return true;
      }
      if (ComputedNode.isVerifying(v)) {
        if (!belowUndecided(c, v)) {
          run(n, c, since);
          return true;
        }
      } else {
        verifyDependency(c, depth + 1);
      }
    }
    if (d.changedAt > base) {
      run(n, d, since);
      return true;
    }
    return false;
  }

  /**
   * Verifies dependency {@code c}; a {@link CycleException} that leaves it cycle-failed is its
   * new outcome (it changed, to a failure), which the reader's run will meet, not an error of the
   * verification.
   */
  private void verifyDependency(ComputedNode<?> c, int depth) {
    try {
      verify(c, depth);
    } catch (CycleException e) {
      if (c.verifiedAt != ComputedNode.CYCLE_FAILED) {
        throw e;
      }
    }
  }

  /**
   * The verification met dependency {@code c} ({@code verifiedAt} {@code v}) already being
   * verified further down the stack: the dependencies close a cycle, which computations that
   * caught a {@link CycleException} leave behind. If no run started in between, {@code c} is taken
   * as unchanged for now (its old value is what the cycle saw; if it does change, it re-runs), the
   * verification becomes {@link #provisional} and this returns true. If a run started in between,
   * {@code c}'s outcome depends on that run, which depends on this node: a real cycle, which the
   * caller reports by running the node (its run meets {@code c} in progress); this returns false.
   */
  private boolean belowUndecided(ComputedNode<?> c, long v) {
    DependencyRecorder r = recorder;
    if (v != (r == null ? ComputedNode.VERIFYING : ComputedNode.verifying(r.depth))) {
      return false;
    }
    provisional = true;
    return true;
  }

  /**
   * Nothing {@code n} read has changed since revision {@code since} (its state before this
   * verification): it is verified at {@code rev}, unless the verification is provisional (then it
   * stays as it was, and is verified again on its next read).
   */
  private void unchanged(ComputedNode<?> n, long rev, long since) {
    if (provisional) {
      return; // verify's finally puts back since
    }
    if (since == ComputedNode.CYCLE_FAILED) {
      cycleFailures.stillFailing(n, rev);
      n.verifiedAt = ComputedNode.CYCLE_FAILED;
      verifications++;
      return;
    }
    n.setDurability(DurabilityClock.lowestOf(n.dependencies));
    markVerified(n, rev);
  }

  /**
   * Verifies {@code n} (verified at {@code since}) in constant time if no input of its durability
   * or higher has changed since ({@link DurabilityClock}); returns whether it did.
   */
  private boolean verifiedByDurability(ComputedNode<?> n, long since, long rev) {
    if (since <= rev && durabilities.unchangedSince(n.durability(), since)) {
      markVerified(n, rev);
      return true;
    }
    return false;
  }

  /**
   * Ends a provisional verification ({@link #provisional}) at the end of a top-level read: the
   * nodes it left unverified are verified again on their next read.
   */
  private void settleProvisional() {
    provisional = false;
  }

  /** Marks {@code n} up to date at {@code rev} without running it: nothing it read has changed. */
  private void markVerified(ComputedNode<?> n, long rev) {
    publishVerified(n, rev);
    verifications++;
    if (n.necessity() != null) {
      necessary.noteVerified(n);
    }
    if (sink != null && sink.active()) {
      sink.verified(n, rev);
    }
  }

  /**
   * Verifies {@code root} like {@link #verify}, but walking an explicit stack instead of the Java
   * stack, for subgraphs deeper than {@link #MAX_VERIFY_RECURSION}.
   */
  private void refresh(ComputedNode<?> root) {
    final long rev = revision;
    final int base = activeSize;
    push(root);
    try {
      while (activeSize > base) {
        int top = activeSize - 1;
        ComputedNode<?> n = active[top];
        if (n.verifiedAt == rev) {
          pop();
          continue;
        }
        long since = activeSince[top];
        if (ComputedNode.mustRun(since)) {
          runOnStack(n, null, since, top > base);
          pop();
          continue;
        }
        if (verifiedByDurability(n, since, rev)) {
          pop();
          continue;
        }
        long sinceRevision =
            since == ComputedNode.CYCLE_FAILED ? cycleFailures.verifiedAt(n) : since;
        int count = n.dependencyCount();
        AbstractNode<?> changed = null;
        ComputedNode<?> stale = null;
        // A negative cursor -(i + 1): dependency i has just been verified (pushed and popped);
        // only its changedAt is left to look at.
        int i = cursor[top];
        boolean verifiedFirst = i < 0;
        if (verifiedFirst) {
          i = -i - 1;
        }
        for (; i < count; i++, verifiedFirst = false) {
          AbstractNode<?> d = n.dependency(i);
          long v = d.verifiedAt;
          if (!verifiedFirst && mustVerify(d, v, rev)) {
            ComputedNode<?> c = (ComputedNode<?>) d;
            if (v == ComputedNode.COMPUTING) {
              if (lockFreeReads) {
                ((ConcurrentEngine) this).checkClaim(c);
              }
              // The old dependency is running: let the re-run meet it and report the cycle.
              changed = c;
              break;
            } else if (ComputedNode.isVerifying(v)) {
              if (!belowUndecided(c, v)) {
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
          cursor[top] = -i - 1;
          push(stale);
          continue;
        }
        if (changed == null && cycleWitnesses.tracking) {
          changed = cycleWitnesses.reRanMember(n, sinceRevision);
        }
        if (changed != null) {
          runOnStack(n, changed, since, top > base);
        } else {
          unchanged(n, rev, since);
        }
        pop();
      }
    } catch (Throwable t) {
      while (activeSize > base) {
        pop();
      }
      throw t;
    }
  }

  /**
   * {@link #run} for {@link #refresh}: a {@link CycleException} that leaves a node verified for a
   * reader ({@code forReader}) cycle-failed is its new outcome, for that reader's run to meet (as
   * {@link #verifyDependency} does).
   */
  private void runOnStack(ComputedNode<?> n, AbstractNode<?> cause, long since,
      boolean forReader) {
    try {
      run(n, cause, since);
    } catch (CycleException e) {
      if (!forReader || n.verifiedAt != ComputedNode.CYCLE_FAILED) {
        throw e;
      }
    }
  }

  /**
   * Runs {@code n}'s function; {@code cause} is the changed dependency that called for it, {@code
   * since} the node's {@code verifiedAt} before this verification.
   */
  private void run(ComputedNode<?> n, AbstractNode<?> cause, long since) {
    TraceSink traceSink = sink;
    if (traceSink != null && traceSink.active()) {
      runTraced(n, cause, since, traceSink);
      return;
    }
    n.compute(this, since);
  }

  private void runTraced(ComputedNode<?> n, AbstractNode<?> cause, long since,
      TraceSink traceSink) {
    long start = System.nanoTime();
    boolean firstRun = since == ComputedNode.NEVER_RAN;
    boolean changed;
    try {
      changed = n.compute(this, since);
    } catch (Throwable t) {
      if (t != unwinding) {
        traceSink.ran(n, cause, firstRun, false, t, System.nanoTime() - start, revision);
      }
      throw t;
    }
    traceSink.ran(n, cause, firstRun, changed, null, System.nanoTime() - start, revision);
  }

  // A run is startRun, the function, then finishRun (or runThrew) and stored, called by the node's
  // own ComputedNode.compute, so that each kind of node keeps its result in its own (possibly
  // primitive) field without boxing it on the way.

  /**
   * Starts a run of {@code n}'s function: from here its reads are recorded. Returns the recorder of
   * the enclosing computation, for {@link #finishRun} or {@link #runThrew}.
   */
  final DependencyRecorder startRun(ComputedNode<?> n) {
    n.verifiedAt = ComputedNode.COMPUTING;
    DependencyRecorder parent = recorder;
    DependencyRecorder r = parent == null ? rootRecorder : childOf(parent);
    r.start(n);
    recorder = r;
    if (lockFreeReads) {
      ((ConcurrentEngine) this).mayLeave(n, parent);
    }
    return parent;
  }

  /**
   * The function of {@code n} threw: the node keeps its value, dependencies and revisions, and is
   * marked to re-run on the next read.
   */
  final void runThrew(ComputedNode<?> n, long since, DependencyRecorder parent, Throwable t) {
    if (lockFreeReads) {
      ((ConcurrentEngine) this).returning(n);
    }
    Throwable unwind = unwinding;
    if (unwind != null) {
      abandoned(n, since, parent);
      if (t != unwind) {
        // The function caught the unwinding and threw something else: abandoned all the same.
        throw sneaky(unwind);
      }
      return;
    }
    if (cycleWitnesses.tracking) {
      cycleWitnesses.ran(n, recorder, revision,
          t instanceof CycleException && n.necessity() == null, this);
    }
    if (t instanceof CycleException && n.necessity() == null) {
      // Kept like a value: the node re-runs only when something this run read changes.
      Object dependencies = recorder.finish();
      recorder.clear();
      recorder = parent;
      n.dependencies = dependencies;
      n.setDurability(DurabilityClock.LOW);
      n.changedAt = revision;
      n.verifiedAt = ComputedNode.CYCLE_FAILED;
      cycleFailures.failed(n, (CycleException) t, revision);
      failures++;
      return;
    }
    recorder.clear();
    recorder = parent;
    failedAfterRun(n, since);
  }

  /** Throws {@code t} (an Error or a RuntimeException) without wrapping it. */
  static RuntimeException sneaky(Throwable t) {
    if (t instanceof Error) {
      throw (Error) t;
    }
    throw (RuntimeException) t;
  }

  /**
   * A run of {@code n} is abandoned by a {@link DeepUnwind} or a cancellation: the node stays as it
   * was.
   */
  private void abandoned(ComputedNode<?> n, long since, DependencyRecorder parent) {
    if (recorder.cycleSeen != null) {
      cycleWitnesses.ran(n, recorder, revision, false, this);
    }
    recorder.clear();
    recorder = parent;
    n.verifiedAt = since;
  }

  /**
   * The function of {@code n} returned: what it read becomes its dependencies. Throws (leaving the
   * node as {@link #runThrew} would) if the new dependencies close a cycle among observed nodes.
   */
  final void finishRun(ComputedNode<?> n, long since, DependencyRecorder parent) {
    if (lockFreeReads) {
      ((ConcurrentEngine) this).returning(n);
    }
    Throwable unwind = unwinding;
    if (unwind != null) {
      // The function caught the unwinding thrown through it: the run is abandoned all the same.
      abandoned(n, since, parent);
      throw sneaky(unwind);
    }
    if (cycleWitnesses.tracking) {
      cycleWitnesses.ran(n, recorder, revision, true, this);
    }
    Object dependencies = recorder.finish();
    recorder = parent;
    Object before = n.dependencies;
    if (dependencies != before) {
      if (n.necessity() != null) {
        try {
          necessary.rewire(n, ComputedNode.asArray(before), ComputedNode.asArray(dependencies));
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
      cycleFailures.forget(n);
    }
    n.verifiedAt = since == ComputedNode.NEVER_RAN
        ? ComputedNode.NEVER_RAN : ComputedNode.LAST_RUN_FAILED;
    failures++;
    Necessity necessity = n.necessity();
    if (necessity != null) {
      // Its clean readers hold values computed from what it had; they must look again, and its
      // observers' read reports the failure to the writer.
      necessaryNodeChanged(n, necessity);
    }
  }

  /**
   * Completes a run once the node has stored its result: if the value changed (the node has
   * published the new one), stamps it with the current revision; either way the node is verified
   * now (a run with an equal result is an early cutoff). Returns {@code changed}.
   */
  final boolean stored(ComputedNode<?> n, boolean changed, long since) {
    long rev = revision;
    if (since == ComputedNode.CYCLE_FAILED) {
      cycleFailures.forget(n);
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
    publishVerified(n, rev);
    Necessity necessity = n.necessity();
    if (necessity != null) {
      if (changed) {
        necessaryNodeChanged(n, necessity);
      }
      necessary.noteVerified(n);
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
  private void trimRecorders() {
    DependencyRecorder r = rootRecorder;
    for (int i = 1; i < RECORDERS_KEPT && r.child != null; i++) {
      r = r.child;
    }
    r.child = null;
    recorders = RECORDERS_KEPT;
  }

  private void push(ComputedNode<?> n) {
    int size = activeSize;
    if (size == active.length) {
      active = Arrays.copyOf(active, size * 2);
      cursor = Arrays.copyOf(cursor, size * 2);
      activeSince = Arrays.copyOf(activeSince, size * 2);
    }
    active[size] = n;
    cursor[size] = 0;
    activeSince[size] = n.verifiedAt;
    DependencyRecorder r = recorder;
    // Plain: no value is published by it.
    n.verifiedAt = r == null ? ComputedNode.VERIFYING : ComputedNode.verifying(r.depth);
    activeSize = size + 1;
  }

  private void pop() {
    int size = --activeSize;
    ComputedNode<?> n = active[size];
    if (ComputedNode.isVerifying(n.verifiedAt)) {
      // A dependency threw, or n is unchanged provisionally: n stays as it was.
      n.verifiedAt = activeSince[size];
    }
    active[size] = null;
  }

  private CycleException cycleThrough(ComputedNode<?> repeated) {
    List<ComputedNode<?>> onCycle = new ArrayList<>();
    return cycleWitnesses.named(CyclePath.through(repeated, recorder, onCycle), onCycle);
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  /** Throws if a write to {@code node} would happen inside a computation (of any engine). */
  final void checkWriteAllowed(AbstractNode<?> node) {
    DependencyRecorder r = computationOnThisThread();
    if (r != null) {
      throw new IllegalStateException("Cannot set '" + node.label() + "' inside " + r.describe()
          + ": computations must not change inputs. Make the change outside, after get() returns.");
    }
  }

  /** Throws if a batch would start inside a computation (of any engine). */
  final void checkBatchAllowed() {
    DependencyRecorder r = computationOnThisThread();
    if (r != null) {
      throw new IllegalStateException("Cannot start a batch inside " + r.describe()
          + ": computations must not change inputs.");
    }
  }

  /**
   * The recorder of the innermost computation of this engine running on the calling thread, or
   * null (asked by {@link CrossEngineGuard} on behalf of another engine).
   */
  DependencyRecorder recorderOnThisThread() {
    return recorder;
  }

  /** The recorder of a computation running on this thread, in this engine or another, or null. */
  private DependencyRecorder computationOnThisThread() {
    DependencyRecorder r = recorder;
    return r != null ? r : CrossEngineGuard.foreignComputation(this);
  }

  /**
   * Stores a var's new value and returns the revision the write lands in: a new one, unless it
   * joins an open batch that no read has seen yet.
   */
  final <T> void write(BoxedVarNode<T> node, T newValue) {
    long rev = openWrite(node);
    node.publishValue(newValue);
    closeWrite(node, rev);
  }

  /**
   * The part of a write before the var publishes its new value: returns the revision the write
   * lands in (see {@link #write}).
   */
  final long openWrite(VarNode<?> node) {
    if (batchDepth > 0 && node.changedAt <= batchStartRevision) {
      // Its first write in this batch: every write in the batch lands in a later revision.
      batchWrites.firstWrite(node, topLevelVerifications);
    }
    long rev = revision;
    boolean newRevision = batchDepth == 0 || !batchRevisionOpen || revisionObserved;
    if (node.necessity() != null) {
      // Before the new revision is visible, so that lock-free readers stop trusting clean nodes.
      beginPending();
    }
    if (newRevision) {
      if (batchDepth > 0) {
        batchRevisionOpen = true;
      }
      revisionObserved = false;
      rev++;
      publishRevision(this, rev);
    }
    return rev;
  }

  /** The part of a write after the var has published its new value. */
  final void closeWrite(VarNode<?> node, long rev) {
    node.changedAt = rev;
    durabilities.changed(node.durability(), rev);
    Necessity necessity = node.necessity();
    if (necessity != null) {
      necessaryNodeChanged(node, necessity);
    }
  }

  final void beginBatch() {
    if (batchDepth++ == 0) {
      batchStartRevision = revision;
    }
  }

  /**
   * Ends a batch level; returns whether it was the outermost one. The vars the batch wrote back to
   * the value they had before it are unchanged, if nothing was computed since their first write.
   */
  final boolean endBatch() {
    if (--batchDepth == 0) {
      batchRevisionOpen = false;
      batchWrites.settle(topLevelVerifications);
      return true;
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Observers

  /**
   * Returns {@code node} as this engine's own, or throws naming it and {@code operation} (such as
   * {@code "observe"}), the engine method it was passed to.
   */
  final <T> AbstractNode<T> ownNode(Node<T> node, String operation) {
    Objects.requireNonNull(node, operation + "(null): pass a node of this engine");
    if (!(node instanceof AbstractNode) || ((AbstractNode<T>) node).engine != this) {
      throw new IllegalArgumentException("Node '" + node.label() + "' belongs to another engine;"
          + " call " + operation + "(...) on the engine that created it.");
    }
    return (AbstractNode<T>) node;
  }

  final <T> ObservationImpl<T> register(Node<T> node, Consumer<? super T> listener) {
    Objects.requireNonNull(listener, "observe(node, null): pass the listener to call with new values");
    ObservationImpl<T> observation =
        new ObservationImpl<>(this, ownNode(node, "observe"), listener);
    necessary.addObserver(observation);
    return observation;
  }

  abstract void remove(ObservationImpl<?> observation);

  /** Forgets {@code observation}; its node may stop being necessary. */
  final void unregister(ObservationImpl<?> observation) {
    necessary.removeObserver(observation);
  }

  /**
   * Queues a delivery for each observer of a node that changed since it was last told (the flush
   * has brought observed nodes up to date). Failures of observed computations are returned, not
   * thrown, so every changed observer is looked at.
   */
  final RuntimeException collectChanges(DeliveryRing queue) {
    RuntimeException failure = null;
    // Indexed: reading a failed node re-runs it, which may note further changes (each node once).
    for (int i = 0; i < observedChanges.size(); i++) {
      Necessity necessity = observedChanges.get(i).necessity();
      if (necessity == null || !necessity.isObserved()) {
        continue;
      }
      List<ObservationImpl<?>> observers = necessity.observations;
      for (int j = 0; j < observers.size(); j++) {
        try {
          observers.get(j).queueChange(queue);
        } catch (RuntimeException e) {
          failure = withSuppressed(failure, e);
        }
      }
    }
    forgetObservedChanges();
    return failure;
  }

  /**
   * Clears the list of observed changes, once they have been read: not before, because reading a
   * failed node re-runs it, and a failure noted again then would stay behind for the next write.
   */
  private void forgetObservedChanges() {
    for (int i = 0; i < observedChanges.size(); i++) {
      Necessity necessity = observedChanges.get(i).necessity();
      if (necessity != null) {
        necessity.changeNoted = false;
      }
    }
    observedChanges.clear();
  }

  /**
   * If the last write changed one observed node with one observer, returns that observer, whose
   * change the caller then takes with {@link #takeLoneChange} instead of {@link #collectChanges};
   * otherwise null.
   */
  final ObservationImpl<?> soleObservationToTell() {
    if (observedChanges.size() != 1) {
      return null;
    }
    Necessity necessity = observedChanges.get(0).necessity();
    if (necessity == null || !necessity.isObserved() || necessity.observations.size() != 1) {
      return null;
    }
    return necessity.observations.get(0);
  }

  /**
   * {@link #collectChanges} for the lone observer found by {@link #soleObservationToTell}: returns
   * its node's new value, or {@link ObservationImpl#NO_CHANGE}, for the caller to deliver.
   */
  final Object takeLoneChange(ObservationImpl<?> only) {
    try {
      return only.changeOrNone();
    } finally {
      forgetObservedChanges();
    }
  }

  /** {@code failure} with {@code e} added as suppressed, or {@code e} if there was none. */
  static RuntimeException withSuppressed(RuntimeException failure, RuntimeException e) {
    if (failure == null) {
      return e;
    }
    failure.addSuppressed(e);
    return failure;
  }

  /**
   * Necessary node {@code n} changed value, or failed, at this revision: its necessary readers are
   * queued, and if it is observed it is noted (once) for {@link #collectChanges}.
   */
  private void necessaryNodeChanged(AbstractNode<?> n, Necessity necessity) {
    necessary.markReadersDirty(n);
    if (necessity.isObserved() && !necessity.changeNoted) {
      necessity.changeNoted = true;
      observedChanges.add(n);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Tracing and introspection (the concurrent engine calls these holding its lock)

  final <T> Traced<T> traceUnlocked(Supplier<T> body) {
    Objects.requireNonNull(body, "trace(null): pass the evaluation to trace");
    TraceSink previous = sink;
    TraceCollector collector = new TraceCollector(previous);
    sink = collector;
    long start = System.nanoTime();
    T value;
    try {
      value = body.get();
    } finally {
      sink = previous;
    }
    return new Traced<>(value, new Trace(collector.events, System.nanoTime() - start));
  }

  final void setFlightRecording(boolean on) {
    TraceSink flight = on ? new FlightRecorderSink() : null;
    if (sink == baseSink) {
      sink = flight;
    }
    baseSink = flight;
  }

  final Why whyUnlocked(Node<?> node) {
    return GraphIntrospection.why(ownNode(node, "why"));
  }

  final GraphSnapshot graphUnlocked(Node<?>... roots) {
    AbstractNode<?>[] own = new AbstractNode<?>[roots.length];
    for (int i = 0; i < roots.length; i++) {
      own[i] = ownNode(roots[i], "graph");
    }
    return GraphIntrospection.snapshot(revision, own);
  }

  final EngineStats statsUnlocked() {
    return new EngineStats(varsCreated, computedsCreated, runs, reruns, cutoffs, verifications,
        failures);
  }

  /** The number of computeds being verified or run on the explicit stack (for invariants). */
  final int activeSize() {
    return activeSize;
  }
}
