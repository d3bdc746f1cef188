package dev.incr.internal.collection;

import dev.incr.Engine;
import dev.incr.GroupedCollection;
import dev.incr.IncrCollection;
import dev.incr.LongComputed;
import dev.incr.Node;
import dev.incr.Pair;
import dev.incr.internal.CollectionHooks.OperatorScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.ObjIntConsumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * {@code groupBy}: routes each change of its input to the {@link GroupCollection} of the element's
 * key, O(1) per change. The members of all groups share one table (element to count and group):
 * arrays indexed by the input's slots when the input is slotted, else a {@link CountTable}; each
 * group chains its members' slots, so a group keeps no table of its own and a change touches the
 * shared table and the group's chain ends only.
 *
 * <p>Routing consumes the input's changes in order; it is idempotent, so whoever needs the groups
 * up to date runs it: a group's readers inline ({@link #pullRouting()}, one node run per read of a
 * group's count), per-key aggregates through the {@link #routing} node, whose value is the number
 * of changes routed so far. A group's version node returns the number of changes routed to that
 * group, so readers of its contents are cut off when other groups change.
 *
 * <p>A group exists while it has elements or after {@link #group(Object)} handed it out (then it
 * stays, so it is the same object for its key forever). The map of groups is concurrent because
 * {@code group(key)} may be called outside computations.
 */
final class GroupByStage<K, T> implements GroupedCollection<K, T> {
  private static final AtomicLong IDS = new AtomicLong();

  private final Stage<T> input;
  private final Function<? super T, ? extends K> key;
  /** Runs the user's function so that a node read inside it is an error. */
  private final OperatorScope scope;
  private final ConcurrentHashMap<K, GroupCollection<K, T>> groups = new ConcurrentHashMap<>();
  private final LongComputed routing;
  private final WeakList<GroupAggregateStage<K, T, ?>> aggregates = new WeakList<>();
  private volatile String label;
  private final InputReader<T> changes;
  private long routed;

  private static final int NONE = -1;

  /** The size of {@link #recent}: a power of two. */
  private static final int RECENT = 1024;

  /**
   * Groups routed to lately, each at its key's hash: spares the concurrent map a lookup (and its
   * entry's cache lines) when a new member joins a group. Holds only groups that are in {@link
   * #groups}; touched only while routing. Created on the first new member.
   */
  private Object[] recent;

  /**
   * Each distinct live element: its occurrences and its group, keyed by the element; null when the
   * input is slotted: then a member's slot is its input slot (no hashing on the way), and {@link
   * #links} and {@link #memberObjs} hold its occurrences, element and group.
   */
  private final CountTable<T, GroupCollection<K, T>> members;

  /** Whether members are kept by input slot (the input is slotted). */
  private final boolean bySlot;

  /**
   * Per member slot, at {@code 4 * slot}: the previous and next member slot of the same group,
   * and (by input slot only) the occurrences; one cache line per change.
   */
  private int[] links = new int[16];

  /** By input slot only: per member slot, at {@code 2 * slot}, its element and its group. */
  private Object[] memberObjs;

  GroupByStage(Stage<T> input, Function<? super T, ? extends K> key) {
    this.input = input;
    this.changes = new InputReader<>(input);
    this.key = key;
    this.scope = new OperatorScope(input.engine, () -> this.label);
    this.bySlot = input.slotted();
    this.members = bySlot ? null : new CountTable<>();
    this.memberObjs = bySlot ? new Object[8] : null;
    this.label = "groupBy#" + IDS.incrementAndGet();
    this.routing = input.engine.computedLong(this::route);
    routing.label(label + ".routing");
  }

  Engine engine() {
    return input.engine;
  }

  /**
   * A tracked read of the node whose value (the number of changes routed so far) changes whenever
   * any group changes: routes pending changes.
   */
  void readRouting() {
    routing.getAsLong();
  }

  /**
   * Routes the pending changes inside the calling computation, which thereby depends on the
   * grouping's input: for readers of one group, whose own work is O(pending changes).
   */
  void pullRouting() {
    route();
  }

  private long route() {
    Inbox<T> in = changes.catchUp();
    while (!in.isEmpty()) {
      T x = in.peekElement();
      int w = in.peekWeight();
      K k = scope.apply(key, x);
      if (k == null) {
        throw new NullPointerException(
            "The key function of '"
                + label
                + "' returned null for "
                + x
                + "; return a non-null key (an Optional or a sentinel) instead.");
      }
      int inSlot = in.peekSlot();
      int slot = bySlot ? (slotCount(inSlot) > 0 ? inSlot : NONE) : members.find(x);
      GroupCollection<K, T> g;
      if (w > 0) {
        if (slot >= 0) {
          g = groupAt(slot);
          if (!g.key.equals(k)) {
            throw Impure.keyOfEqualElement(label, x, k, g.key);
          }
          if (bySlot) {
            links[4 * slot + 2]++;
          } else {
            members.incrementAt(slot);
          }
        } else {
          g = groupFor(k);
          slot = addMember(x, inSlot, g);
          link(g, slot);
        }
        g.size++;
      } else {
        if (slot < 0 || !(g = groupAt(slot)).key.equals(k)) {
          throw Impure.key(label, x, k);
        }
        if (memberCount(slot) == 1) {
          unlink(g, slot);
        }
        if (bySlot) {
          if (--links[4 * slot + 2] == 0) {
            memberObjs[2 * slot] = null;
            memberObjs[2 * slot + 1] = null;
          }
        } else {
          members.decrement(slot);
        }
        g.size--;
      }
      g.out.forward(x, w, slot);
      if (g.size == 0) {
        forget(g);
        groups.computeIfPresent(k, (kk, gg) -> gg.handedOut || gg.size > 0 ? gg : null);
      }
      if (!aggregates.isEmpty()) {
        for (int i = 0; i < aggregates.size(); ) {
          GroupAggregateStage<K, T, ?> a = aggregates.get(i);
          if (a == null) {
            aggregates.removeAt(i);
          } else {
            a.touched(k);
            i++;
          }
        }
      }
      routed++;
      in.pop();
    }
    return routed;
  }

  private static int recentIndex(Object k) {
    int h = k.hashCode();
    return (h ^ (h >>> 16)) & (RECENT - 1);
  }

  /** The group of key {@code k}, created if it has none (call while routing). */
  @SuppressWarnings("unchecked")
  private GroupCollection<K, T> groupFor(K k) {
    Object[] r = recent;
    if (r == null) {
      r = recent = new Object[RECENT];
    }
    int i = recentIndex(k);
    GroupCollection<K, T> g = (GroupCollection<K, T>) r[i];
    if (g != null && (g.key == k || g.key.equals(k))) {
      return g;
    }
    g = groups.get(k);
    if (g == null) {
      g = groups.computeIfAbsent(k, kk -> new GroupCollection<>(this, kk));
    }
    r[i] = g;
    return g;
  }

  /** Drops {@code g} from {@link #recent}: it is about to leave the map (call while routing). */
  private void forget(GroupCollection<K, T> g) {
    Object[] r = recent;
    if (r != null) {
      int i = recentIndex(g.key);
      if (r[i] == g) {
        r[i] = null;
      }
    }
  }

  /** Adds a new member with one occurrence; returns its slot. */
  private int addMember(T x, int inSlot, GroupCollection<K, T> g) {
    if (bySlot) {
      if (inSlot < 0) {
        throw new IllegalStateException(
            "internal error: a change without a slot from a slotted input");
      }
      ensureLinks(inSlot);
      if (2 * inSlot + 1 >= memberObjs.length) {
        memberObjs = Arrays.copyOf(memberObjs, Math.max(2 * (inSlot + 1), 2 * memberObjs.length));
      }
      links[4 * inSlot + 2] = 1;
      memberObjs[2 * inSlot] = x;
      memberObjs[2 * inSlot + 1] = g;
      return inSlot;
    }
    int slot = members.slotFor(x);
    members.setValue(slot, g);
    members.incrementAt(slot);
    return slot;
  }

  @SuppressWarnings("unchecked")
  private GroupCollection<K, T> groupAt(int slot) {
    return bySlot ? (GroupCollection<K, T>) memberObjs[2 * slot + 1] : members.value(slot);
  }

  private int memberCount(int slot) {
    return bySlot ? links[4 * slot + 2] : members.count(slot);
  }

  @SuppressWarnings("unchecked")
  private T memberAt(int slot) {
    return bySlot ? (T) memberObjs[2 * slot] : members.key(slot);
  }

  /** The occurrences of the member at input slot {@code slot} (0 for a slot never seen). */
  private int slotCount(int slot) {
    int at = 4 * slot + 2;
    return at < links.length ? links[at] : 0;
  }

  private void ensureLinks(int slot) {
    if (links.length < 4 * (slot + 1)) {
      links = Arrays.copyOf(links, Math.max(4 * (slot + 1), 2 * links.length));
    }
  }

  /** Checks that every slot with occurrences has an element and a group, and no other has. */
  private void checkSlotMembers() {
    for (int s = 0; 4 * s + 2 < links.length; s++) {
      int count = links[4 * s + 2];
      boolean held = 2 * s < memberObjs.length && memberObjs[2 * s] != null;
      if (count < 0 || (count > 0) != held
          || held && !(memberObjs[2 * s + 1] instanceof GroupCollection)) {
        throw new AssertionError(label + ": member slot " + s + " has count " + count);
      }
    }
  }

  /** Appends the member at {@code slot} to its group's chain. */
  private void link(GroupCollection<K, T> g, int slot) {
    ensureLinks(slot);
    int tail = g.tail;
    links[4 * slot] = tail;
    links[4 * slot + 1] = NONE;
    if (tail == NONE) {
      g.head = slot;
    } else {
      links[4 * tail + 1] = slot;
    }
    g.tail = slot;
  }

  /** Removes the member at {@code slot} from its group's chain. */
  private void unlink(GroupCollection<K, T> g, int slot) {
    int p = links[4 * slot];
    int n = links[4 * slot + 1];
    if (p == NONE) {
      g.head = n;
    } else {
      links[4 * p + 1] = n;
    }
    if (n == NONE) {
      g.tail = p;
    } else {
      links[4 * n] = p;
    }
  }

  /**
   * Calls {@code action} once per occurrence in group {@code g} with its slot in the members table,
   * distinct elements in the order they joined it (call inside a computation, after reading
   * routing).
   */
  void forEachMember(GroupCollection<K, T> g, ObjIntConsumer<? super T> action) {
    for (int s = g.head; s != NONE; s = links[4 * s + 1]) {
      T x = memberAt(s);
      for (int i = memberCount(s); i > 0; i--) {
        action.accept(x, s);
      }
    }
  }

  /** Checks the members and {@code g}'s chain against its size (for tests). */
  void checkGroup(GroupCollection<K, T> g) {
    if (bySlot) {
      checkSlotMembers();
    } else {
      members.checkInvariants(label);
    }
    long total = 0;
    int before = NONE;
    int steps = 0;
    for (int s = g.head; s != NONE; s = links[4 * s + 1]) {
      if (++steps > links.length || links[4 * s] != before) {
        throw new AssertionError(g.label() + ": broken member chain at slot " + s);
      }
      if (groupAt(s) != g || memberCount(s) <= 0) {
        throw new AssertionError(g.label() + ": " + memberAt(s) + " belongs to another group");
      }
      total += memberCount(s);
      before = s;
    }
    if (before != g.tail || total != g.size) {
      throw new AssertionError(g.label() + ": size " + g.size + ", members count " + total);
    }
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
          if (g.size > 0) {
            keys.add(k);
          }
        });
    return keys;
  }

  /** Registers an aggregate stage; call inside its computation after {@link #readRouting()}. */
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
    return new GroupAggregateStage<>(this,
        Arguments.require(perGroup, "aggregate(null)", label, "the aggregate of one group"));
  }

  @Override
  public IncrCollection<Pair<K, Long>> count() {
    return aggregate(IncrCollection::count).label(label + ".count");
  }

  @Override
  public IncrCollection<Pair<K, Double>> sum(ToDoubleFunction<? super T> value) {
    Arguments.require(value, "sum(null)", label, "the function giving each element's value");
    return aggregate(g -> g.sum(value)).label(label + ".sum");
  }

  @Override
  public IncrCollection<Pair<K, T>> min(Comparator<? super T> comparator) {
    Arguments.require(comparator, "min(null)", label, "the comparator that orders elements");
    return aggregate(g -> g.min(comparator)).map(GroupByStage::present).label(label + ".min");
  }

  @Override
  public IncrCollection<Pair<K, T>> max(Comparator<? super T> comparator) {
    Arguments.require(comparator, "max(null)", label, "the comparator that orders elements");
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
    Arguments.require(
        add, "reduce(identity, null, remove)", label, "the function that adds an element");
    Arguments.require(
        remove, "reduce(identity, add, null)", label, "the function that removes an element");
    return aggregate(g -> g.reduce(identity, add, remove)).label(label + ".reduce");
  }

  @Override
  public IncrCollection<Pair<K, T>> reduce(T identity, BinaryOperator<T> accumulator) {
    Arguments.require(
        accumulator, "reduce(identity, null)", label, "the function that combines elements");
    return aggregate(g -> g.reduce(identity, accumulator)).label(label + ".reduce");
  }

  @Override
  public <A> IncrCollection<Pair<K, A>> reduce(Function<? super List<T>, ? extends A> function) {
    Arguments.require(function, "reduce(null)", label, "the function of the whole list");
    return aggregate(g -> g.<A>reduce(function)).label(label + ".reduce");
  }

  @Override
  public GroupedCollection<K, T> label(String label) {
    this.label = Arguments.require(label, "label(null)", this.label, "a non-null name");
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
