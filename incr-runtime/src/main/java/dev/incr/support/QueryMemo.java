package dev.incr.support;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.internal.MemoryAccounting;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The memo table of one parameterized query of one object: a {@link Computed} per distinct argument
 * list, created on first use. For generated code; not for direct use.
 *
 * <p>Thread-safe, so that generated getters may call it outside computations under any {@link
 * Engine}: the table is a {@link ConcurrentHashMap}, and creating a node runs nothing (the engine
 * runs the function on the node's first read, outside the map's locks).
 *
 * <p>Unbounded by default: the table grows with the number of distinct argument lists the object is
 * asked about. With a maximum ({@code @Query(maxEntries = n)}), creating an entry beyond it first
 * evicts one that has not been used since the eviction hand last passed it (the CLOCK
 * approximation of least-recently-used: a hit only sets a flag, so hits take no lock). Eviction
 * only forgets the memo: nodes that read the evicted one keep it and stay correct, and the next
 * call with its arguments creates and computes a new node.
 *
 * <p>The engine counts the table and its entries in {@link Engine#stats()} while the table is
 * reachable ({@code memos}, {@code memoEntries}).
 *
 * @param <R> the query's (boxed) result type
 */
public final class QueryMemo<R> {

  /** Stands for a {@code null} argument, since {@link ConcurrentHashMap} takes no null keys. */
  private static final Object NULL_KEY = new Object();

  private final Engine engine;
  private final String name;
  private final int maxEntries;
  private final boolean bounded;
  /**
   * Each argument list's node: the {@link Computed} itself in an unbounded table, its {@link Entry}
   * (the node and its eviction flag) in a bounded one, so that the default table pays for no entry
   * object and no extra load per hit.
   */
  private final ConcurrentHashMap<Object, Object> nodes = new ConcurrentHashMap<>();

  // The eviction clock of a bounded table (null if unbounded): its entries in creation slots,
  // growing up to maxEntries, and the hand. Guarded by the table's own lock (taken only to create
  // an entry).
  private Entry<R>[] clock;
  private int clockSize;
  private int hand;

  /** One memoized argument list. */
  private static final class Entry<R> {
    final Object key;
    final Computed<R> node;
    /**
     * Set by hits, cleared by the passing eviction hand. Written racily: it is a hint, and a lost
     * update only makes eviction slightly less fair.
     */
    boolean used;

    Entry(Object key, Computed<R> node) {
      this.key = key;
      this.node = node;
    }
  }

  /**
   * Creates an empty, unbounded table.
   *
   * @param engine the engine that owns the nodes
   * @param name the query's label prefix, such as {@code "Rect.describe"}; each node is labelled
   *     {@code name(arguments)}
   */
  public QueryMemo(Engine engine, String name) {
    this(engine, name, Integer.MAX_VALUE);
  }

  /**
   * Creates an empty table that keeps at most {@code maxEntries} argument lists.
   *
   * @param engine the engine that owns the nodes
   * @param name the query's label prefix, such as {@code "Rect.describe"}
   * @param maxEntries the most argument lists kept, at least 1; {@link Integer#MAX_VALUE} for no
   *     limit
   * @throws IllegalArgumentException if {@code maxEntries} is less than 1
   */
  @SuppressWarnings("unchecked")
  public QueryMemo(Engine engine, String name, int maxEntries) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.name = Objects.requireNonNull(name, "name");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("The memo of " + name + " must keep at least one"
          + " argument list (maxEntries = " + maxEntries + "); pass 1 or more.");
    }
    this.maxEntries = maxEntries;
    this.bounded = maxEntries != Integer.MAX_VALUE;
    this.clock = bounded ? (Entry<R>[]) new Entry<?>[Math.min(maxEntries, 16)] : null;
    MemoryAccounting.registerMemo(engine, this);
  }

  /**
   * Returns the query's value for {@code key}, reading (and on first use creating) its node.
   *
   * @param key the single argument, or the {@link QueryArgs} of several
   * @param function computes the value for this key; used only if the node is created now
   */
  @SuppressWarnings("unchecked")
  public R get(Object key, Supplier<R> function) {
    Object k = key == null ? NULL_KEY : key;
    Object found = nodes.get(k);
    Computed<R> node;
    if (!bounded) {
      node = (Computed<R>) (found != null
          ? found : nodes.computeIfAbsent(k, unused -> newNode(key, function)));
    } else if (found != null) {
      Entry<R> entry = (Entry<R>) found;
      if (!entry.used) {
        entry.used = true;
      }
      node = entry.node;
    } else {
      node = createBounded(k, key, function).node;
    }
    return node.get();
  }

  private Computed<R> newNode(Object key, Supplier<R> function) {
    return engine.computed(function).label(label(key));
  }

  @SuppressWarnings("unchecked")
  private synchronized Entry<R> createBounded(Object k, Object key, Supplier<R> function) {
    Entry<R> entry = (Entry<R>) nodes.get(k);
    if (entry != null) {
      return entry;
    }
    int slot;
    if (clockSize < maxEntries) {
      if (clockSize == clock.length) {
        clock = Arrays.copyOf(clock, (int) Math.min(maxEntries, 2L * clockSize));
      }
      slot = clockSize++;
    } else {
      while (clock[hand].used) {
        clock[hand].used = false;
        hand = hand + 1 == maxEntries ? 0 : hand + 1;
      }
      slot = hand;
      nodes.remove(clock[slot].key, clock[slot]);
      hand = hand + 1 == maxEntries ? 0 : hand + 1;
    }
    entry = new Entry<>(k, newNode(key, function));
    clock[slot] = entry;
    nodes.put(k, entry);
    return entry;
  }

  /** Returns how many argument lists have a node. */
  public int size() {
    return nodes.size();
  }

  /**
   * Calls {@code action} with the node of each argument list, as the table holds them while it
   * iterates (entries made or evicted meanwhile may be seen or not). For the engine's {@link
   * Engine#footprint footprint}.
   *
   * @param action called once per entry
   */
  @SuppressWarnings("unchecked")
  public void forEachNode(Consumer<? super Computed<R>> action) {
    for (Object found : nodes.values()) {
      action.accept(bounded ? ((Entry<R>) found).node : (Computed<R>) found);
    }
  }

  /**
   * Returns the length of a bounded table's eviction clock (the array of its entries), 0 for an
   * unbounded table, which has none. For the engine's {@link Engine#footprint footprint}.
   */
  public synchronized int clockLength() {
    return bounded ? clock.length : 0;
  }

  /** Returns the most argument lists kept ({@link Integer#MAX_VALUE}: no limit). */
  public int maxEntries() {
    return maxEntries;
  }

  private String label(Object key) {
    return name + "(" + key + ")";
  }
}
