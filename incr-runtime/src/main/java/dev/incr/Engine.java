package dev.incr;

import dev.incr.internal.ConcurrentEngine;
import dev.incr.internal.SingleThreadedEngine;
import dev.incr.internal.collection.SourceCollection;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The dependency graph that owns {@link Var}s and {@link Computed}s and keeps them consistent.
 *
 * <p>The engine keeps a global revision counter. Each change to a {@link Var} starts a new revision;
 * a {@link Computed} is brought up to date lazily when read, re-running only if a node it read on
 * its last run has changed value since (red-green verification with early cutoff).
 *
 * <pre>{@code
 * Engine engine = Engine.singleThreaded();
 * Var<Integer> a = engine.var(1);
 * Var<Integer> b = engine.var(2);
 * Computed<Integer> sum = engine.computed(() -> a.get() + b.get());
 * sum.get();                                    // 3
 * a.set(5);                                     // marks, does not compute
 * sum.get();                                    // 7
 * engine.batch(() -> { a.set(1); b.set(1); });  // one revision
 * }</pre>
 *
 * <p>For numbers, {@link #intVar}, {@link #longVar}, {@link #doubleVar} and {@link #computedInt},
 * {@link #computedLong}, {@link #computedDouble} create nodes that store and compare their values
 * unboxed; in a graph of numbers they re-run at about two thirds of the cost of boxed nodes, and
 * mix freely with them.
 *
 * <p>Computations run on the thread that called {@code get}, {@code set} or {@code batch} (or on
 * the thread delivering to an observer), however deep the graph: a read that would nest runs too
 * deeply for the thread's stack computes the deepest pending node first and starts over, so
 * monitors and {@link ThreadLocal}s behave as in plain code. A computation may therefore run more
 * than once during the first read of a very deep graph; computations must be free of side effects.
 */
public interface Engine {

  /**
   * Returns a new engine for use from one thread at a time. It pays for no synchronization: no
   * locks, atomics or volatile accesses on its paths.
   */
  static Engine singleThreaded() {
    return new SingleThreadedEngine();
  }

  /**
   * Returns a new thread-safe engine with the same API and semantics. Reads of up-to-date nodes take
   * no lock. A batch is atomic for every other thread: none sees any of its writes, or any value
   * computed from some of them, until it ends, and a {@code get()} returns a value computed
   * entirely on one revision's inputs. A write does not wait for a computation of an older
   * revision beyond that computation's next read of a node: there it is abandoned ({@link
   * Cancelled}) and the {@code get()} that asked for it starts over at the new revision.
   */
  static Engine concurrent() {
    return new ConcurrentEngine();
  }

  /** Creates an input holding {@code initial}. */
  <T> Var<T> var(T initial);

  /**
   * Creates an input holding {@code initial}, whose {@link Var#set} compares values as {@code
   * equality} says: {@link Equality#EQUALS} is {@link #var(Object)}; {@link Equality#IDENTITY} makes
   * any other object a change, for mutable values (a copy of a list changed in place is a change,
   * though it equals the held list).
   *
   * @throws NullPointerException if {@code equality} is null
   */
  <T> Var<T> var(T initial, Equality equality);

  /**
   * Creates an input holding {@code initial} with the given {@link Durability}: how rarely it
   * changes. {@link Durability#LOW} is {@link #var(Object)}. A computed that read only inputs of
   * {@code durability} or higher is verified in constant time while only lower-durability inputs
   * change.
   *
   * <pre>{@code
   * Var<Config> config = engine.var(loadConfig(), Durability.HIGH);
   * Var<String> text = engine.var("");                       // LOW
   * Computed<Rules> rules = engine.computed(() -> compile(config.get()));
   * text.set("x");
   * rules.get();   // constant time: no HIGH input changed since rules was verified
   * }</pre>
   *
   * @throws NullPointerException if {@code durability} is null
   */
  <T> Var<T> var(T initial, Durability durability);

  /**
   * Creates an input with both an {@link Equality} (see {@link #var(Object, Equality)}) and a
   * {@link Durability} (see {@link #var(Object, Durability)}).
   *
   * @throws NullPointerException if {@code equality} or {@code durability} is null
   */
  <T> Var<T> var(T initial, Equality equality, Durability durability);

  /**
   * Creates a derived node. The function runs on the first {@link Node#get()}, not here, and again
   * whenever a node it read on its previous run changes value. It should be a pure function of the
   * nodes it reads.
   */
  <T> Computed<T> computed(Supplier<T> function);

  /**
   * Creates a budget of memoized values: the computeds created with it ({@link
   * #computed(Supplier, ValueLru)}) hold at most {@code maxValues} values at a time, evicting the
   * least recently read. Use it for values that are large and read now and then (a rendered page,
   * a parsed file), so that memory follows what is in use rather than everything ever computed.
   * See {@link ValueLru} for what eviction keeps and what a read of an evicted value costs.
   *
   * @throws IllegalArgumentException if {@code maxValues} is less than 1
   */
  ValueLru valueLru(int maxValues);

  /**
   * Creates a derived node like {@link #computed(Supplier)} whose value {@code lru} may evict when
   * more of its computeds than it allows hold values. An evicted node keeps its dependencies: a
   * later read verifies them first and runs the function again; if nothing it read had changed,
   * the value counts as unchanged, so nothing above it re-runs. Observed nodes, and what they read,
   * are not evicted while observed.
   *
   * <pre>{@code
   * ValueLru pages = engine.valueLru(100);
   * Computed<Html> page = engine.computed(() -> render(article.get()), pages);
   * }</pre>
   *
   * @throws NullPointerException if {@code function} or {@code lru} is null
   * @throws IllegalArgumentException if {@code lru} belongs to another engine
   */
  <T> Computed<T> computed(Supplier<T> function, ValueLru lru);

  /** Creates an input holding the primitive {@code initial}, stored unboxed. See {@link IntVar}. */
  IntVar intVar(int initial);

  /**
   * Creates an unboxed input like {@link #intVar(int)} with the given {@link Durability} (see
   * {@link #var(Object, Durability)}).
   *
   * @throws NullPointerException if {@code durability} is null
   */
  IntVar intVar(int initial, Durability durability);

  /** Creates an input holding the primitive {@code initial}, stored unboxed. See {@link LongVar}. */
  LongVar longVar(long initial);

  /**
   * Creates an unboxed input like {@link #longVar(long)} with the given {@link Durability} (see
   * {@link #var(Object, Durability)}).
   *
   * @throws NullPointerException if {@code durability} is null
   */
  LongVar longVar(long initial, Durability durability);

  /** Creates an input holding the primitive {@code initial}, stored unboxed. See {@link DoubleVar}. */
  DoubleVar doubleVar(double initial);

  /**
   * Creates an unboxed input like {@link #doubleVar(double)} with the given {@link Durability} (see
   * {@link #var(Object, Durability)}).
   *
   * @throws NullPointerException if {@code durability} is null
   */
  DoubleVar doubleVar(double initial, Durability durability);

  /**
   * Creates a derived node whose function returns an {@code int}, stored and compared unboxed: the
   * fast kind of node for numbers. Runs like {@link #computed(Supplier)}. See {@link IntComputed}.
   */
  IntComputed computedInt(IntSupplier function);

  /**
   * Creates a derived node whose function returns a {@code long}, stored and compared unboxed. See
   * {@link LongComputed}.
   */
  LongComputed computedLong(LongSupplier function);

  /**
   * Creates a derived node whose function returns a {@code double}, stored and compared unboxed
   * ({@link Double#compare}: NaN equals NaN). See {@link DoubleComputed}.
   */
  DoubleComputed computedDouble(DoubleSupplier function);

  /**
   * Creates an empty incremental collection (a multiset) whose changes flow through the operators
   * derived from it. See {@link IncrCollection}.
   *
   * <pre>{@code
   * IncrCollection<Visit> visits = engine.collection();
   * Computed<Long> late = visits.filter(v -> v.hour() > 18).count();
   * visits.insert(v);   // marks, does not compute
   * late.get();         // consumes the one change
   * }</pre>
   *
   * <p>Collections are built on this interface's public operations only, so every engine gets them
   * as they are; on a concurrent engine they are as thread-safe as its nodes.
   */
  default <T> IncrCollection<T> collection() {
    return new SourceCollection<>(this);
  }

  /**
   * Runs {@code changes} as one revision: every {@link Var#set} inside it lands together, and
   * observers are notified once, after it returns. Batches nest; the outermost one ends the
   * revision. If {@code changes} throws, the sets already made stay made and observers are still
   * notified before the exception propagates.
   *
   * @throws IllegalStateException if called from inside a computation
   */
  void batch(Runnable changes);

  /**
   * Calls {@code listener} with the node's new value after each {@link Var#set} or {@link #batch}
   * that changed it. The node is brought up to date now (so later notifications compare against its
   * current value) and after each change. Listeners never run inside a computation.
   *
   * <p>An observed node, and everything it reads, is kept up to date by pushing each change upward
   * from what was written, lowest node first, stopping wherever a recomputed value comes out equal
   * (as Jane Street's Incremental does). So a write costs work only where values change, and reading
   * an observed node is constant time however far below it a change was absorbed. Unobserved nodes
   * stay lazy: they are verified when read. Closing the last observer of a node returns it, and what
   * only it needed, to being verified on demand.
   *
   * @return a handle whose {@link Observation#close()} stops the notifications
   * @throws IllegalArgumentException if {@code node} belongs to another engine
   */
  <T> Observation observe(Node<T> node, Consumer<? super T> listener);

  /** Returns the current revision: it starts at 1 and grows by one per change or batch. */
  long revision();

  /**
   * Offers a long computation that reads no node for a while the point where a {@link
   * #concurrent() concurrent engine} may cancel it, as each node read does: if a write has made the
   * running computation obsolete, this throws {@link Cancelled}, which unwinds to the {@code get()}
   * that started the work; that {@code get()} starts over at the new revision, so its caller never
   * sees the exception. Call it every few milliseconds in such a loop, and do not catch what it
   * throws.
   *
   * <p>Outside a computation, and always on a {@link #singleThreaded() single-threaded engine}
   * (where no write can happen while a computation runs), it does nothing.
   *
   * @throws Cancelled on a concurrent engine, inside a computation that a write made obsolete
   */
  void checkCancelled();

  /**
   * Runs {@code body} (typically a few {@link Node#get()} calls) and records what the engine did
   * meanwhile: each node verified, run, re-run or cut off, in order, with the dependency that
   * caused each re-run and the time spent. When no trace is active the engine records nothing and
   * pays only a null check per recomputed node. In the concurrent engine, {@code body} runs holding
   * the engine lock, so the trace shows exactly its own work.
   */
  <T> Traced<T> trace(java.util.function.Supplier<T> body);

  /**
   * Explains the node's last change: the chain of dependencies, with the revisions they changed
   * at, down to the input whose change reached it. Looks at the graph as last computed; computes
   * nothing.
   */
  Why why(Node<?> node);

  /**
   * Takes a snapshot of the graph reachable from {@code roots} through their dependencies (as
   * recorded on their last runs), for export as DOT or JSON. Computes nothing.
   *
   * @throws IllegalArgumentException if a root belongs to another engine
   */
  GraphSnapshot graph(Node<?>... roots);

  /**
   * Reports the memory the engine holds for the graph reachable from {@code roots} through their
   * dependencies (as recorded on their last runs): live nodes by kind, observed and necessary
   * nodes, values held and evicted by {@link ValueLru} budgets, dependency edges, and the bytes the
   * engine's own structures take for them. Memo tables of parameterized queries are reported
   * engine-wide, with the nodes of their entries and what those read. Values, functions and
   * labels are the program's and are not counted; see {@link MemoryFootprint}.
   *
   * <pre>{@code
   * MemoryFootprint f = engine.footprint(total);
   * f.nodes();    // vars and computeds total reads, transitively, and every memo entry
   * f.bytes();    // what the engine's objects for them take, under this JVM's settings
   * }</pre>
   *
   * <p>Computes nothing, and costs time proportional to the nodes it reaches; nothing else pays
   * for it. The concurrent engine walks the graph holding its lock, so the report is consistent
   * with one revision; memo tables, which may gain entries on other threads, are read as they are
   * during the walk.
   *
   * @throws NullPointerException if {@code roots} or one of them is null
   * @throws IllegalArgumentException if a root belongs to another engine
   */
  MemoryFootprint footprint(Node<?>... roots);

  /**
   * Returns the engine's counters (nodes created by kind, runs, re-runs, cutoffs, verifications,
   * including those that {@link Durability} made constant-time) and what it holds now: observed
   * and necessary nodes, memo tables and their entries, values held and evicted by {@link
   * ValueLru} budgets. See {@link EngineStats} for what each figure counts.
   */
  EngineStats stats();

  /**
   * Turns JDK Flight Recorder events on or off: with it on, every run, re-run, cutoff and failure
   * of a computed, and every run that brings back a value a {@link ValueLru} evicted, is committed
   * as a {@code dev.incr.Recomputation} event (when a recording that enables it is active). Off by
   * default.
   */
  void recordFlightEvents(boolean on);
}
