package dev.incr.internal.collection;

import dev.incr.Computed;
import dev.incr.IncrCollection;
import dev.incr.Pair;
import dev.incr.SortedCollection;
import dev.incr.internal.CollectionHooks.OperatorScope;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code sortBy}: keeps its input's elements in an {@link OrderTree} ordered by (key, arrival
 * sequence). O(log n) per change. Its output changes are its input's; the {@link
 * NeighbourhoodStage}s built on it ({@code pairwise}, {@code window}) are told about each insertion
 * and removal at its position, while the tree is in the state that change sees.
 */
final class SortedStage<T, K extends Comparable<? super K>> extends DerivedStage<T>
    implements SortedCollection<T> {
  private final Function<? super T, ? extends K> key;
  /** Runs the user's function so that a node read inside it is an error. */
  private final OperatorScope scope;
  private final OrderTree<K, T> tree = new OrderTree<>(Comparator.naturalOrder());

  /**
   * The newest tree node of each live element (older ones chained through {@code older}) and its
   * number of occurrences; a deletion removes the newest.
   */
  private final CountTable<T, OrderTree.Node<K, T>> nodes = new CountTable<>();

  private final WeakList<NeighbourhoodStage<T, ?>> neighbourhoods = new WeakList<>();
  private long nextSequence;
  private final InputReader<T> changes;

  SortedStage(Stage<T> input, Function<? super T, ? extends K> key) {
    super(input, "sortBy", false);
    this.changes = new InputReader<>(input);
    this.key = key;
    this.scope = new OperatorScope(input.engine, this::label);
  }

  /** O(pending changes x log n) with one input: readers refresh it inline. */
  @Override
  void pull() {
    refresh();
  }

  @Override
  void refresh() {
    Inbox<T> in = changes.catchUp();
    while (!in.isEmpty()) {
      T x = in.peekElement();
      if (in.peekWeight() > 0) {
        place(x);
      } else {
        unplace(x);
      }
      in.pop();
    }
  }

  private void place(T x) {
    K k = scope.apply(key, x);
    if (k == null) {
      throw new NullPointerException(
          "The key function of '"
              + label()
              + "' returned null for "
              + x
              + "; return a non-null Comparable key.");
    }
    OrderTree.Node<K, T> n = tree.insert(k, nextSequence, x);
    nextSequence++;
    int slot = nodes.slotFor(x);
    n.older = nodes.value(slot);
    nodes.setValue(slot, n);
    nodes.incrementAt(slot);
    if (!neighbourhoods.isEmpty()) {
      tellNeighbourhoods(tree.rank(n), true);
    }
    out.emit(x, 1);
  }

  private void unplace(T x) {
    int slot = nodes.find(x);
    OrderTree.Node<K, T> n = nodes.value(slot);
    if (!neighbourhoods.isEmpty()) {
      tellNeighbourhoods(tree.rank(n), false);
    }
    tree.remove(n);
    nodes.setValue(slot, n.older);
    nodes.decrement(slot);
    out.emit(x, -1);
  }
  /**
   * Tells each neighbourhood stage that the element at {@code rank} was inserted, or is about to be
   * removed; drops the ones collected. Iterates by index: a change allocates no list.
   */
  private void tellNeighbourhoods(int rank, boolean inserted) {
    for (int i = 0; i < neighbourhoods.size(); ) {
      NeighbourhoodStage<T, ?> nb = neighbourhoods.get(i);
      if (nb == null) {
        neighbourhoods.removeAt(i);
        continue;
      }
      if (inserted) {
        nb.inserted(rank);
      } else {
        nb.removing(rank);
      }
      i++;
    }
  }


  /**
   * Registers a neighbourhood stage; call inside its computation after reading {@link #version()}.
   */
  void addNeighbourhood(NeighbourhoodStage<T, ?> stage) {
    neighbourhoods.add(stage);
  }

  OrderTree<K, T> tree() {
    return tree;
  }

  @Override
  long liveSize() {
    return tree.size();
  }

  @Override
  void forEachLive(Consumer<? super T> action) {
    tree.range(0, tree.size()).forEach(action);
  }

  @Override
  List<T> liveList() {
    return tree.range(0, tree.size());
  }

  @Override
  void checkInvariants() {
    tree.checkInvariants();
    long total = 0;
    nodes.checkInvariants(label());
    for (int s = nodes.first(); s >= 0; s = nodes.next(s)) {
      int chained = 0;
      for (OrderTree.Node<K, T> n = nodes.value(s); n != null; n = n.older) {
        chained++;
      }
      if (chained != nodes.count(s)) {
        throw new AssertionError(
            label() + ": " + chained + " nodes chained for " + nodes.key(s) + ", counted "
                + nodes.count(s));
      }
      total += chained;
    }
    if (total != tree.size()) {
      throw new AssertionError(
          label() + ": " + total + " indexed nodes, tree holds " + tree.size());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // SortedCollection

  @Override
  public List<T> entries() {
    return toList();
  }

  @Override
  public T get(int index) {
    // A small node per call: outside a computation it brings the tree up to date under the
    // engine's rules; inside one, the reader depends on this position only (cutoff if unchanged).
    Computed<T> at =
        engine.computed(
            () -> {
              readVersion();
              return tree.get(index);
            });
    return at.label(label() + ".get(" + index + ")").get();
  }

  @Override
  public IncrCollection<Pair<T, T>> pairwise() {
    return new NeighbourhoodStage<T, Pair<T, T>>(
        this, 2, w -> new Pair<>(w.get(0), w.get(1)), "pairwise");
  }

  @Override
  public IncrCollection<List<T>> window(int n) {
    if (n < 1) {
      throw new IllegalArgumentException(
          "window("
              + n
              + ") on '"
              + label()
              + "': a window holds at"
              + " least one element; pass n >= 1.");
    }
    return new NeighbourhoodStage<T, List<T>>(this, n, List::copyOf, "window" + n);
  }

  @Override
  public SortedCollection<T> label(String label) {
    super.label(label);
    return this;
  }
}
