package dev.incr.internal.collection;

import dev.incr.Computed;
import dev.incr.DoubleComputed;
import dev.incr.Engine;
import dev.incr.GroupedCollection;
import dev.incr.IncrCollection;
import dev.incr.LongComputed;
import dev.incr.Node;
import dev.incr.Pair;
import dev.incr.SortedCollection;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The base of every collection: its output ({@link Outlet}), its version node, the operators that
 * derive new stages from it, and the nodes for reading it.
 *
 * @param <T> the element type
 */
public abstract class Stage<T> implements IncrCollection<T> {
  private static final AtomicLong IDS = new AtomicLong();
  private static final VarHandle LIST;
  private static final VarHandle COUNT;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      LIST = lookup.findVarHandle(Stage.class, "list", Computed.class);
      COUNT = lookup.findVarHandle(Stage.class, "count", LongComputed.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final Engine engine;
  final Outlet<T> out;
  private volatile String label;
  // Created on first use (many stages, such as most groups, are never listed or counted).
  private volatile Computed<List<T>> list;
  private volatile LongComputed count;

  Stage(Engine engine, String kind, boolean materialize) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.out = new Outlet<>(materialize);
    this.label = kind + "#" + IDS.incrementAndGet();
  }

  @SuppressWarnings("unchecked")
  private Computed<List<T>> listNode() {
    Computed<List<T>> node = list;
    if (node == null) {
      Computed<List<T>> fresh =
          engine.computed(
              () -> {
                readVersion();
                return List.copyOf(liveList());
              });
      fresh.label(label + ".toList");
      // Racing first calls agree on one node.
      node = LIST.compareAndSet(this, null, fresh) ? fresh : (Computed<List<T>>) LIST.get(this);
    }
    return node;
  }

  // ---------------------------------------------------------------------------------------------
  // The protocol between stages (all called inside computations or write paths)

  /**
   * The node whose value changes whenever this stage emits; reading it brings the stage up to date.
   * It is a {@code LongVar} or a {@code LongComputed}: read it with {@link #readVersion()}, which
   * does not box.
   */
  abstract Node<Long> version();

  /** A tracked read of {@link #version()}'s value, unboxed: brings this stage up to date. */
  abstract long readVersion();

  /**
   * Brings this stage up to date from inside the calling computation, which thereby depends on
   * whatever this stage depends on. By default a tracked read of {@link #version()}; stages whose
   * refresh costs O(pending changes), such as filter and map, instead refresh inline, so a chain of
   * them costs the engine one node run per read, not one per stage. Only readers whose own re-run
   * costs O(pending changes) should pull (a reader that re-reads the whole contents should read
   * {@link #version()}, whose early cutoff spares it).
   */
  void pull() {
    readVersion();
  }

  /**
   * Brings this stage up to date like {@link #pull()}, but hands each change it emits straight to
   * {@code sink} instead of queueing it, if {@code inbox} (the inbox {@code sink}'s stage reads
   * this stage through) is this stage's only reader and this stage can: the changes then count as
   * emitted and consumed at once. Returns false, having done nothing, otherwise. Call only from
   * {@code sink}'s own refresh, and only while {@code inbox} is empty (so order is kept, pending
   * changes wait in one queue where they are consolidated, and an exception thrown by {@code sink}
   * reaches the computation that asked for it). By default false.
   */
  boolean refreshInto(Inbox<T> inbox, Sink<? super T> sink) {
    return false;
  }

  /**
   * Whether every change this stage emits carries a <em>slot</em>: a small number naming the
   * element's equality class for as long as it is live here (equal elements share it; it is
   * reused only after the element is gone). Element-wise readers ({@link FilterStage}, {@link
   * MapStage}) then keep their per-element state in arrays indexed by the slot ({@link SlotTable})
   * instead of hashing each element again. Materialized stages number their elements in their
   * multiset; filters pass their input's slots on; groups use their grouping's members table.
   */
  boolean slotted() {
    return out.live != null;
  }

  /** Calls {@code action} once per live occurrence with its slot (-1 unless {@link #slotted()}). */
  void forEachLiveSlotted(ObjIntConsumer<? super T> action) {
    if (out.live != null) {
      out.live.forEachOccurrenceSlotted(action);
    } else {
      forEachLive(x -> action.accept(x, -1));
    }
  }

  /** The number of live elements, with multiplicity. */
  long liveSize() {
    return out.live.size();
  }

  /** Calls {@code action} once per live occurrence. */
  void forEachLive(Consumer<? super T> action) {
    out.live.forEachOccurrence(action);
  }

  /** The live occurrences as a new mutable list. */
  List<T> liveList() {
    List<T> list = new ArrayList<>((int) Math.min(liveSize(), Integer.MAX_VALUE - 8));
    forEachLive(list::add);
    return list;
  }

  /**
   * Registers a new reader and queues the current contents for it as insertions. Call it inside a
   * computation, after reading {@link #version()}.
   */
  Inbox<T> subscribe() {
    Inbox<T> inbox = new Inbox<>(this::liveSize);
    forEachLiveSlotted((x, slot) -> inbox.push(x, 1, slot));
    out.addReader(inbox);
    return inbox;
  }

  /** Checks this stage's internal invariants (for tests). */
  void checkInvariants() {
    if (out.live != null) {
      out.live.checkInvariants(label());
    }
  }

  /** Returns {@code value}, or throws naming {@code call} on this collection and {@code what}. */
  final <A> A argument(A value, String call, String what) {
    return Arguments.require(value, call, label(), what);
  }

  /** Returns {@code other} as a stage of this engine, or throws naming it. */
  <U> Stage<U> sameEngine(IncrCollection<U> other) {
    argument(other, "join(null, ...)", "the collection to join with");
    if (!(other instanceof Stage) || ((Stage<U>) other).engine != engine) {
      throw new IllegalArgumentException(
          "Collection '"
              + other.label()
              + "' belongs to another"
              + " engine than '"
              + label()
              + "'; combine only collections of the same engine.");
    }
    return (Stage<U>) other;
  }

  // ---------------------------------------------------------------------------------------------
  // Changes: only sources accept them

  @Override
  public boolean insert(T element) {
    throw derived("insert into");
  }

  @Override
  public boolean delete(T element) {
    throw derived("delete from");
  }

  @Override
  public void insertAll(Iterable<? extends T> elements) {
    throw derived("insert into");
  }

  @Override
  public int deleteAll(Iterable<? extends T> elements) {
    throw derived("delete from");
  }

  private UnsupportedOperationException derived(String operation) {
    return new UnsupportedOperationException(
        "Cannot "
            + operation
            + " '"
            + label()
            + "': it is derived from other collections and follows them. Change the source"
            + " collection (the one created by engine.collection()) instead.");
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  @Override
  public List<T> toList() {
    return listNode().get();
  }

  @Override
  public LongComputed count() {
    LongComputed node = count;
    if (node == null) {
      LongComputed fresh =
          engine.computedLong(
              () -> {
                pull();
                return liveSize();
              });
      fresh.label(label + ".count");
      // Racing first calls agree on one node.
      node = COUNT.compareAndSet(this, null, fresh) ? fresh : (LongComputed) COUNT.get(this);
    }
    return node;
  }

  @Override
  public DoubleComputed sum(ToDoubleFunction<? super T> value) {
    argument(value, "sum(null)", "the function giving each element's value");
    return new SumAggregate<>(this, value).node();
  }

  @Override
  public Computed<Optional<T>> min(Comparator<? super T> comparator) {
    argument(comparator, "min(null)", "the comparator that orders elements");
    return new ExtremumAggregate<>(this, comparator, "min").node();
  }

  @Override
  public Computed<Optional<T>> max(Comparator<? super T> comparator) {
    argument(comparator, "max(null)", "the comparator that orders elements");
    return new ExtremumAggregate<T>(this, comparator.reversed(), "max").node();
  }

  @Override
  public <A> Computed<A> reduce(
      A identity,
      BiFunction<? super A, ? super T, ? extends A> add,
      BiFunction<? super A, ? super T, ? extends A> remove) {
    return new InvertibleReduce<>(
            this,
            identity,
            argument(add, "reduce(identity, null, remove)", "the function that adds an element"),
            argument(remove, "reduce(identity, add, null)", "the function that removes an element"))
        .node();
  }

  @Override
  public Computed<T> reduce(T identity, BinaryOperator<T> accumulator) {
    argument(accumulator, "reduce(identity, null)", "the function that combines elements");
    return new FoldAggregate<>(this, identity, accumulator).node();
  }

  @Override
  public <A> Computed<A> reduce(Function<? super List<T>, ? extends A> function) {
    argument(function, "reduce(null)", "the function of the whole list");
    Computed<A> node = engine.computed(() -> function.apply(toList()));
    return node.label("reduce(" + label() + ")");
  }

  // ---------------------------------------------------------------------------------------------
  // Operators

  @Override
  public IncrCollection<T> filter(Predicate<? super T> predicate) {
    argument(predicate, "filter(null)", "the predicate of the elements to keep");
    return new FilterStage<>(this, predicate);
  }

  @Override
  public <R> IncrCollection<R> map(Function<? super T, ? extends R> function) {
    argument(function, "map(null)", "the function that maps each element");
    return new MapStage<>(this, function);
  }

  @Override
  public <K extends Comparable<? super K>> SortedCollection<T> sortBy(
      Function<? super T, ? extends K> key) {
    argument(key, "sortBy(null)", "the function giving each element's sort key");
    return new SortedStage<T, K>(this, key);
  }

  @Override
  public <K> GroupedCollection<K, T> groupBy(Function<? super T, ? extends K> key) {
    argument(key, "groupBy(null)", "the function giving each element's group key");
    return new GroupByStage<>(this, key);
  }

  @Override
  public <U, K> IncrCollection<Pair<T, U>> join(
      IncrCollection<U> other,
      Function<? super T, ? extends K> leftKey,
      Function<? super U, ? extends K> rightKey) {
    return new JoinStage<T, U, K>(
        this,
        sameEngine(other),
        argument(leftKey, "join(other, null, rightKey)", "the key function of this side"),
        argument(rightKey, "join(other, leftKey, null)", "the key function of the other side"));
  }

  // ---------------------------------------------------------------------------------------------
  // Identity

  @Override
  public IncrCollection<T> label(String label) {
    this.label = argument(label, "label(null)", "a non-null name");
    relabel(label);
    return this;
  }

  /** Names this stage's nodes after its label. */
  void relabel(String label) {
    version().label(label + ".version");
    Computed<List<T>> l = list;
    if (l != null) {
      l.label(label + ".toList");
    }
    LongComputed c = count;
    if (c != null) {
      c.label(label + ".count");
    }
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public Engine engine() {
    return engine;
  }

  @Override
  public String toString() {
    return label;
  }
}
