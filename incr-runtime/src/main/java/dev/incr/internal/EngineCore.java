package dev.incr.internal;

import dev.incr.Computed;
import dev.incr.CycleException;
import dev.incr.DoubleComputed;
import dev.incr.DoubleVar;
import dev.incr.Durability;
import dev.incr.Engine;
import dev.incr.EngineStats;
import dev.incr.MemoryFootprint;
import dev.incr.Equality;
import dev.incr.GraphSnapshot;
import dev.incr.IntComputed;
import dev.incr.IntVar;
import dev.incr.LongComputed;
import dev.incr.LongVar;
import dev.incr.Node;
import dev.incr.Trace;
import dev.incr.Traced;
import dev.incr.ValueLru;
import dev.incr.Var;
import dev.incr.Why;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
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
 * <h2>Where things are</h2>
 *
 * <p>This class holds the engine's state, creates nodes, and does writes and batches. Each
 * operation of the algorithm has its own file, as static methods over this state (so that the JIT
 * compiles a read, its verification and the runs it calls for as one piece):
 *
 * <ul>
 *   <li>{@link Verification}: reading and verification, recursive and on an explicit stack;
 *   <li>{@link Execution}: running a computed, recording its reads, early cutoff, publishing,
 *       failures; the run itself is each node's {@link ComputedNode#compute}, and a var's set
 *       follows the sequence in {@link VarNode};
 *   <li>{@link Push}: the push for observed nodes (marking, the flush), over {@link
 *       NecessaryGraph};
 *   <li>{@link ObserverDelivery}: telling observers, once for both engines;
 *   <li>{@link InvariantChecker}: the invariants, checked by the tests after every step.
 * </ul>
 *
 * <h2>Design</h2>
 *
 * <p>The engine keeps one global {@link #revision}. A {@code set} that changes a value starts a new
 * revision and stamps the var's {@code changedAt} with it; nothing else happens (no marking, no
 * propagation). Each computed remembers the revision it was last verified at and the revision its
 * value last changed at. Reading a computed whose {@code verifiedAt} is the current revision is the
 * fast path: three loads and a compare, no allocation. Otherwise the computed is verified: it runs
 * only if something it read changed ({@link Verification}); a run whose result equals the old value
 * keeps the old {@code changedAt}, so the nodes that read it verify without re-running (early
 * cutoff, {@link Execution}). Observed nodes are kept up to date by pushing changes after each
 * write instead ({@link Push}). When runs nest deeper than {@link #MAX_RUN_DEPTH}, the read unwinds
 * to the top ({@link DeepUnwind}), computes the deepest pending node first from there and starts
 * over, so user code always runs on the caller's thread.
 *
 * <h2>Publication</h2>
 *
 * <p>Fields that lock-free readers of the concurrent engine look at (a node's value, held by each
 * kind of node in its own field, boxed or primitive; {@code verifiedAt}; {@link #revision}) are
 * written with release stores, value before {@code verifiedAt}; on the concurrent engine, nodes
 * read them with acquire loads. The single-threaded engine writes and reads the same fields plainly
 * (the node classes are shared and branch on {@link #lockFreeReads}): on x86 a release store is an
 * ordinary store, but it still keeps the compiler from reordering or merging stores around it. The in-progress and failed states a verification writes into {@code
 * verifiedAt} are plain stores: they replace one value that is not current with another, so a
 * reader that misses them takes the slow path all the same.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>One thread at a time runs the algorithm (the caller's, or the lock holder's): the state
 *       below is plain, except what lock-free readers look at, published as above.
 *   <li>A write lands in a new revision, unless it joins an open batch that no read has seen yet;
 *       the var's {@code changedAt} is that revision and its value is published before it.
 *   <li>Outside a read, {@link #recorder} is null, the explicit stack is empty, and no node is
 *       being verified or run; outside a write, nothing is pending for the push.
 *   <li>A var that a batch wrote back to its value from before the batch, with no top-level read
 *       since its first write, keeps its old {@code changedAt} when the outermost batch ends.
 * </ul>
 *
 * <p>The invariants of the algorithm as a whole are checked in {@link InvariantChecker}.
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

  // The publishing stores are plain on the single-threaded engine: nobody reads without it, and a
  // release store, though an ordinary store on x86, still keeps the compiler from reordering or
  // merging the stores around it.

  static void publishVerified(AbstractNode<?> node, long revision) {
    if (node.engine.lockFreeReads) {
      VERIFIED_AT.setRelease(node, revision);
    } else {
      node.verifiedAt = revision;
    }
  }

  static long acquireVerified(AbstractNode<?> node) {
    return (long) VERIFIED_AT.getAcquire(node);
  }

  static void publishRevision(EngineCore engine, long revision) {
    if (engine.lockFreeReads) {
      REVISION.setRelease(engine, revision);
    } else {
      engine.revision = revision;
    }
  }

  static long acquireRevision(EngineCore engine) {
    return (long) REVISION.getAcquire(engine);
  }

  static void publishCleanMark(EngineCore engine, long mark) {
    if (engine.lockFreeReads) {
      CLEAN_MARK.setRelease(engine, mark);
    } else {
      engine.cleanMark = mark;
    }
  }

  static long acquireCleanMark(EngineCore engine) {
    return (long) CLEAN_MARK.getAcquire(engine);
  }

  // ---------------------------------------------------------------------------------------------
  // State. The operations live in their own files, as static methods over this state: reading and
  // verification (Verification), execution and cutoff (Execution), the push for observed nodes
  // (Push), observer delivery (ObserverDelivery); writes and batches are below.

  long revision = 1;
  /**
   * {@link #CLEAN} when clean necessary computeds may be read without a check, {@link #NOT_CLEAN}
   * while a change is pending. Fast paths accept a node whose {@code verifiedAt} equals the
   * revision or this.
   */
  long cleanMark = CLEAN;
  /** The recorder of the innermost running computation, or null outside computations. */
  DependencyRecorder recorder;
  /** Identifies this engine to {@link CrossEngineGuard} without keeping it reachable. */
  final Object token = new Object();
  /**
   * The id of the thread inside a top-level recomputation of this engine, or 0 (see
   * CrossEngineGuard). An id, not the Thread: storing a reference into this long-lived object on
   * every top-level read would cost a garbage-collector write barrier each time.
   */
  long topLevelThread;
  /**
   * On the concurrent engine, the id of the thread running the algorithm (holding the lock), or 0;
   * always 0 on the single-threaded engine. Verifications mark the nodes they hold with it ({@link
   * ComputedNode#verifying}). Read racily by the concurrent engine's fast paths: a thread can only
   * ever see its own id here if it wrote it here, so the comparison is exact. (An id rather than
   * the Thread, so that setting it costs no GC write barrier.)
   */
  long computingThread;
  /** See {@link #operatorStandIn()}. */
  private volatile ComputedNode<?> operatorStandIn;

  // Verification.

  /**
   * Whether the current verification met a dependency that is itself being verified further down
   * the stack (a cycle among dependencies, left by computations that caught a {@link
   * CycleException}). Until the top-level read ends, nodes found unchanged are left unverified:
   * the node below has not decided yet, and may still re-run and change.
   */
  boolean provisional;
  /** {@link Verification#MAX_VERIFY_RECURSION}, or 0 in tests that drive every verification
   * through the explicit stack. */
  int verifyRecursionLimit = Verification.MAX_VERIFY_RECURSION;
  // The explicit stack (Verification.refresh): computeds being verified or computed, with the index
  // of the next dependency to examine.
  ComputedNode<?>[] active = new ComputedNode<?>[64];
  int[] cursor = new int[64];
  /** The {@code verifiedAt} each node on the explicit stack had before it was pushed. */
  long[] activeSince = new long[64];
  int activeSize;
  /** The node a {@link DeepUnwind} in flight is to compute first, or null. */
  ComputedNode<?> deepPending;
  /**
   * How many top-level verifications (reads that computed or verified something) have started:
   * a var written back within a batch is unchanged only if none started since its first write.
   */
  long topLevelVerifications;
  /** Whether any verification happened at the current revision (so a batch must not reuse it). */
  boolean revisionObserved;
  /** Per durability level, the last revision an input of that level or higher changed. */
  final DurabilityClock durabilities = new DurabilityClock();
  /**
   * Whether any node of this engine may be above LOW: a var was given a higher durability, or a
   * computed read nothing (it is HIGH). Until then every node is LOW, and runs and verifications
   * skip working out the lowest durability of what a node read.
   */
  boolean durable;
  /** The value budgets made on this engine ({@link #valueLru}, {@link MemoryAccounting}). */
  final ValueBudgets budgets = new ValueBudgets(this);
  /** The memo tables of parameterized queries made on this engine. */
  final MemoRegistry memos = new MemoRegistry();
  /**
   * What is unwinding the computations on the stack, or null: {@link DeepUnwind#INSTANCE}, or the
   * {@link dev.incr.Cancelled} the concurrent engine threw. While it is set, every run that ends,
   * however it ends, is abandoned (its node stays as it was) and the unwinding goes on, so user
   * code that swallows it changes nothing.
   */
  Throwable unwinding;

  // Execution.

  /** The recorder of top-level runs; nested runs use its chain of children. */
  DependencyRecorder rootRecorder = new DependencyRecorder(null);
  /** Recorders in the chain from {@link #rootRecorder}. */
  int recorders = 1;
  /** The kept failures of computeds in state {@link ComputedNode#CYCLE_FAILED}. */
  final CycleFailures cycleFailures = new CycleFailures();
  /** The computeds whose last run met a cycle, re-run when a node of that cycle has run. */
  final CycleWitnesses cycleWitnesses = new CycleWitnesses();

  // The push for observed nodes.

  /** Observed nodes and what they read, kept up to date by pushing changes. */
  final NecessaryGraph necessary = new NecessaryGraph(this);
  /** Whether necessary computeds wait in the recompute queue (a write has not been flushed). */
  boolean pending;
  /** Whether {@link Push#flush} is running, and the height of the node it is bringing up to date.
   */
  boolean flushing;
  int flushHeight;
  /**
   * Observed nodes whose value changed (or whose run failed) since observers were last told: the
   * only ones {@link ObserverDelivery} looks at, so a write costs nothing per unaffected observer.
   */
  final List<AbstractNode<?>> observedChanges = new ArrayList<>();

  // Writes and batches.

  int batchDepth;
  boolean batchRevisionOpen;
  /** The vars written in the open batch, as they were before it. */
  final BatchWrites batchWrites = new BatchWrites();
  /** The revision when the outermost open batch began. */
  long batchStartRevision;

  // Tracing and statistics. Plain counters: the algorithm runs on one thread at a time.

  /** Where recomputation events go: null unless a trace or flight recording is on. */
  TraceSink sink;
  /** The sink outside any trace: flight recording, or null. */
  private TraceSink baseSink;
  long varsCreated;
  long computedsCreated;
  long runs;
  long reruns;
  long cutoffs;
  long verifications;
  long failures;

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

  private <V extends Var<?>> V withLevel(V var, byte level) {
    if (level != DurabilityClock.LOW) {
      durable = true;
    }
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

  @Override
  public final ValueLru valueLru(int maxValues) {
    return budgets.create(maxValues, "valueLru(" + maxValues + ")");
  }

  @Override
  public final <T> Computed<T> computed(Supplier<T> function, ValueLru lru) {
    Objects.requireNonNull(function,
        "computed(null, lru): pass the function that computes the value");
    Objects.requireNonNull(lru, "computed(function, null): pass a budget made by valueLru(n), or"
        + " call computed(function) for a node that always keeps its value");
    if (!(lru instanceof ValueLruRing) || ((ValueLruRing) lru).engine() != this) {
      throw new IllegalArgumentException("The budget " + lru + " passed to computed(function, lru)"
          + " belongs to another engine; make it with valueLru(n) on the engine that creates the"
          + " node.");
    }
    countComputed();
    return new LruComputedNode<>(this, function, (ValueLruRing) lru);
  }

  /**
   * {@link LruComputedNode#get()} found the value evicted after {@link
   * ComputedNode#prepareRead()} had recorded the read and brought the node up to date: brings the
   * value back and returns it. The concurrent engine overrides this to take its lock.
   */
  Object valueOfEvicted(LruComputedNode<?> node) {
    return bringBack(node);
  }

  /** {@link Verification#bringBack}: the concurrent engine calls this holding its lock. */
  final Object bringBack(LruComputedNode<?> node) {
    return Verification.bringBack(this, node);
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
  // Setting a var (the sequence every kind of var follows, see VarNode): beginSet, the node compares
  // and publishes its value between Writes.open and Writes.close, then endSet (in a finally).

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
  // Reading (the slow path is Verification's)

  /**
   * {@link ComputedNode#prepareRead()} when its inline fast path could not decide: the
   * single-threaded engine refreshes the node (and the caller reads its value plainly); the
   * concurrent engine overrides this with its lock-free and locked paths.
   */
  boolean prepareReadSlowPath(ComputedNode<?> node) {
    Verification.refreshForRead(this, node);
    return true;
  }

  /** Throws {@code t} (an Error or a RuntimeException) without wrapping it. */
  static RuntimeException sneaky(Throwable t) {
    if (t instanceof Error) {
      throw (Error) t;
    }
    throw (RuntimeException) t;
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

  // ---------------------------------------------------------------------------------------------
  // Writing (the operations are Writes')

  /**
   * The recorder of the innermost computation of this engine running on the calling thread, or
   * null (asked by {@link CrossEngineGuard} on behalf of another engine).
   */
  DependencyRecorder recorderOnThisThread() {
    return recorder;
  }

  /** The recorder of a computation running on this thread, in this engine or another, or null. */
  final DependencyRecorder computationOnThisThread() {
    DependencyRecorder r = recorder;
    return r != null ? r : CrossEngineGuard.foreignComputation(this);
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
    if (budgets.overBudget != null) {
      budgets.trim(null); // nodes it needed may be evicted now
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

  final MemoryFootprint footprintUnlocked(Node<?>... roots) {
    Objects.requireNonNull(roots, "footprint(null): pass the nodes to start from");
    AbstractNode<?>[] own = new AbstractNode<?>[roots.length];
    for (int i = 0; i < roots.length; i++) {
      if (roots[i] == null) {
        throw new NullPointerException("footprint(...): root " + i + " of " + roots.length
            + " is null; pass nodes of this engine");
      }
      own[i] = ownNode(roots[i], "footprint");
    }
    return FootprintWalk.of(this, own);
  }

  final EngineStats statsUnlocked() {
    long[] memoCounts = memos.count();
    return new EngineStats(varsCreated, computedsCreated, runs, reruns, cutoffs, verifications,
        failures, necessary.observedNodes, necessary.observers, necessary.necessaryNodes,
        memoCounts[0], memoCounts[1], budgets.held(), budgets.evictions, budgets.restores);
  }

  /** The number of computeds being verified or run on the explicit stack (for invariants). */
  final int activeSize() {
    return activeSize;
  }
}
