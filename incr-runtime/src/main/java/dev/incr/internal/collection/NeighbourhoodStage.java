package dev.incr.internal.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code pairwise} and {@code window(n)}: every run of {@code n} consecutive elements of a sorted
 * stage, shaped by a function (a {@code Pair} for pairwise, a list for windows).
 *
 * <p>The sorted stage calls {@link #inserted(int)} after it inserts an element at a position and
 * {@link #removing(int)} before it removes one, so this stage sees the tree exactly as that change
 * does. An insertion destroys the windows that spanned the gap it fills and creates the windows
 * that contain it; a removal does the reverse: at most {@code 2n} window changes, from the {@code
 * 2n - 1} elements around the position (O(n + log size)). The changes are queued in this stage's
 * inbox and passed on when it is read, after consolidation (a window created and destroyed within
 * one batch is never emitted).
 *
 * <p>Once its inbox is drained, this stage's contents are exactly the windows of the sorted stage's
 * tree, so it keeps no multiset of its own: a snapshot or a list is read off the tree.
 */
final class NeighbourhoodStage<T, R> extends DerivedStage<R> {
  private final SortedStage<T, ?> sorted;
  private final int n;
  private final Function<List<T>, R> shape;
  private Inbox<R> in;

  NeighbourhoodStage(SortedStage<T, ?> sorted, int n, Function<List<T>, R> shape, String kind) {
    super(sorted, kind, false);
    this.sorted = sorted;
    this.n = n;
    this.shape = shape;
  }

  @Override
  void refresh() {
    sorted.readVersion();
    Inbox<R> in = this.in;
    if (in == null) {
      Inbox<R> fresh = new Inbox<>(this::liveSize);
      forEachLive(w -> fresh.push(w, 1));
      in = this.in = fresh;
      sorted.addNeighbourhood(this);
    }
    in.consolidateBeforeReading();
    while (!in.isEmpty()) {
      out.emit(in.peekElement(), in.peekWeight());
      in.pop();
    }
  }

  /** The sorted stage inserted an element at {@code rank}. */
  void inserted(int rank) {
    change(rank, 1);
  }

  /** The sorted stage is about to remove the element at {@code rank}. */
  void removing(int rank) {
    change(rank, -1);
  }

  /**
   * Queues the window changes of the element at {@code rank} arriving ({@code weight 1}) or leaving
   * ({@code -1}): windows that contain it appear or disappear, and windows over its neighbours that
   * span its position disappear or appear.
   */
  private void change(int rank, int weight) {
    OrderTree<?, T> tree = sorted.tree();
    int lo = Math.max(0, rank - n + 1);
    // In long arithmetic: n may be as large as Integer.MAX_VALUE.
    int hi = (int) Math.min(tree.size(), (long) rank + n);
    List<T> with = tree.range(lo, hi);
    int p = rank - lo;
    List<T> without = new ArrayList<>(with);
    without.remove(p);
    // Windows of the neighbours spanning the position: they hold local indices p - 1 and p.
    for (int s = Math.max(0, p - n + 1); s <= p - 1 && s + (long) n <= without.size(); s++) {
      in.push(shape.apply(without.subList(s, s + n)), -weight);
    }
    // Windows containing the element.
    for (int s = Math.max(0, p - n + 1); s <= p && s + (long) n <= with.size(); s++) {
      in.push(shape.apply(with.subList(s, s + n)), weight);
    }
  }

  @Override
  long liveSize() {
    return Math.max(0, sorted.tree().size() - n + 1);
  }

  @Override
  void forEachLive(Consumer<? super R> action) {
    List<T> all = sorted.tree().range(0, sorted.tree().size());
    for (int s = 0; s + (long) n <= all.size(); s++) {
      action.accept(shape.apply(all.subList(s, s + n)));
    }
  }

}
