package dev.incr.internal.collection;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.GroupedCollection;
import dev.incr.IncrCollection;
import dev.incr.Node;
import dev.incr.Pair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * {@code groupBy}: routes each change of its input to the {@link GroupCollection} of the element's
 * key, O(1) per change. Routing is one computed node ({@link #routing}); each group's version node
 * reads it and returns the number of changes routed to that group, so readers of one group are cut
 * off when other groups change.
 *
 * <p>A group exists while it has elements or after {@link #group(Object)} handed it out (then it
 * stays, so it is the same object for its key forever). The map of groups is concurrent because
 * {@code group(key)} may be called outside computations.
 */
final class GroupByStage<K, T> implements GroupedCollection<K, T> {
  private static final AtomicLong IDS = new AtomicLong();

  private final Stage<T> input;
  private final Function<? super T, ? extends K> key;
  private final ConcurrentHashMap<K, GroupCollection<K, T>> groups = new ConcurrentHashMap<>();
  private final Computed<Long> routing;
  private final WeakList<GroupAggregateStage<K, T, ?>> aggregates = new WeakList<>();
  private volatile String label;
  private final InputReader<T> changes;
  private long routed;

  GroupByStage(Stage<T> input, Function<? super T, ? extends K> key) {
    this.input = input;
    this.changes = new InputReader<>(input);
    this.key = key;
    this.label = "groupBy#" + IDS.incrementAndGet();
    this.routing = input.engine.computed(this::route);
    routing.label(label + ".routing");
  }

  Engine engine() {
    return input.engine;
  }

  /** The node whose value changes whenever any group changes; reading it routes pending changes. */
  Node<Long> routing() {
    return routing;
  }

  private Long route() {
    Inbox<T> in = changes.catchUp();
    while (!in.isEmpty()) {
      T x = in.peekElement();
      int w = in.peekWeight();
      K k = key.apply(x);
      if (k == null) {
        throw new NullPointerException(
            "The key function of '"
                + label
                + "' returned null for "
                + x
                + "; return a non-null key (an Optional or a sentinel) instead.");
      }
      GroupCollection<K, T> g;
      if (w > 0) {
        g = groups.computeIfAbsent(k, kk -> new GroupCollection<>(this, kk));
      } else {
        g = groups.get(k);
        if (g == null || g.out.live.count(x) == 0) {
          throw Impure.key(label, x, k);
        }
      }
      g.out.emit(x, w);
      if (g.out.live.size() == 0) {
        groups.computeIfPresent(k, (kk, gg) -> gg.handedOut || gg.out.live.size() > 0 ? gg : null);
      }
      if (!aggregates.isEmpty()) {
        for (GroupAggregateStage<K, T, ?> a : aggregates.live()) {
          a.touched(k);
        }
      }
      routed++;
      in.pop();
    }
    return routed;
  }

  /** The group of {@code key} if it exists, without handing it out. */
  GroupCollection<K, T> existingGroup(K key) {
    return groups.get(key);
  }

  /** The keys whose groups have elements (call inside a computation, after reading routing). */
  List<K> liveKeys() {
    List<K> keys = new ArrayList<>();
    groups.forEach(
        (k, g) -> {
          if (g.out.live.size() > 0) {
            keys.add(k);
          }
        });
    return keys;
  }

  /** Registers an aggregate stage; call inside its computation after reading {@link #routing()}. */
  void addAggregate(GroupAggregateStage<K, T, ?> stage) {
    aggregates.add(stage);
  }

  @Override
  public IncrCollection<T> group(K key) {
    if (key == null) {
      throw new NullPointerException(
          "group(null) on '"
              + label
              + "': groups have non-null keys (the key function may not return null either).");
    }
    return groups.compute(
        key,
        (k, g) -> {
          GroupCollection<K, T> group = g != null ? g : new GroupCollection<>(this, k);
          group.handedOut = true;
          return group;
        });
  }

  @Override
  public <A> IncrCollection<Pair<K, A>> aggregate(
      Function<? super IncrCollection<T>, ? extends Node<A>> perGroup) {
    return new GroupAggregateStage<>(this, Objects.requireNonNull(perGroup, "perGroup"));
  }

  @Override
  public IncrCollection<Pair<K, Long>> count() {
    return aggregate(IncrCollection::count).label(label + ".count");
  }

  @Override
  public IncrCollection<Pair<K, Double>> sum(ToDoubleFunction<? super T> value) {
    Objects.requireNonNull(value, "value");
    return aggregate(g -> g.sum(value)).label(label + ".sum");
  }

  @Override
  public IncrCollection<Pair<K, T>> min(Comparator<? super T> comparator) {
    Objects.requireNonNull(comparator, "comparator");
    return aggregate(g -> g.min(comparator)).map(GroupByStage::present).label(label + ".min");
  }

  @Override
  public IncrCollection<Pair<K, T>> max(Comparator<? super T> comparator) {
    Objects.requireNonNull(comparator, "comparator");
    return aggregate(g -> g.max(comparator)).map(GroupByStage::present).label(label + ".max");
  }

  /** A group with elements always has a least and a greatest one. */
  private static <K, T> Pair<K, T> present(Pair<K, Optional<T>> pair) {
    return new Pair<>(pair.first(), pair.second().orElseThrow());
  }

  @Override
  public <A> IncrCollection<Pair<K, A>> reduce(
      A identity,
      BiFunction<? super A, ? super T, ? extends A> add,
      BiFunction<? super A, ? super T, ? extends A> remove) {
    Objects.requireNonNull(add, "add");
    Objects.requireNonNull(remove, "remove");
    return aggregate(g -> g.reduce(identity, add, remove)).label(label + ".reduce");
  }

  @Override
  public IncrCollection<Pair<K, T>> reduce(T identity, BinaryOperator<T> accumulator) {
    Objects.requireNonNull(accumulator, "accumulator");
    return aggregate(g -> g.reduce(identity, accumulator)).label(label + ".reduce");
  }

  @Override
  public <A> IncrCollection<Pair<K, A>> reduce(Function<? super List<T>, ? extends A> function) {
    Objects.requireNonNull(function, "function");
    return aggregate(g -> g.<A>reduce(function)).label(label + ".reduce");
  }

  @Override
  public GroupedCollection<K, T> label(String label) {
    this.label = Objects.requireNonNull(label, "label");
    routing.label(label + ".routing");
    return this;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
