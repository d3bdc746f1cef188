package dev.incr;

import java.util.List;

/**
 * An {@link IncrCollection} kept in order by a key, created by {@link IncrCollection#sortBy}. Ties
 * keep the order in which the elements reached it, so the order is deterministic: for a sorted
 * collection read from the start, that is insertion order (a deletion removes the most recently
 * inserted occurrence). Elements already present when it is first read enter in their input's
 * order, in which the occurrences of one element are adjacent.
 *
 * <p>The order is kept in a balanced order-statistic tree: a change costs O(log n), and so does
 * positional access.
 *
 * @param <T> the element type
 */
public interface SortedCollection<T> extends IncrCollection<T> {

  /**
   * Returns the elements in sort order, with multiplicity, as an immutable list (the same as {@link
   * #toList()}). A tracked read inside a computation.
   */
  List<T> entries();

  /**
   * Returns the element at {@code index} in sort order, in O(log n). A tracked read inside a
   * computation: a query that reads it is re-run only when the element at that index changes.
   *
   * @throws IndexOutOfBoundsException if {@code index} is negative or not less than the size
   */
  T get(int index);

  /**
   * Returns the pairs of adjacent elements in sort order: {@code (e0, e1), (e1, e2), ...}. A change
   * creates or destroys at most three pairs, costing O(log n).
   */
  IncrCollection<Pair<T, T>> pairwise();

  /**
   * Returns every run of {@code n} consecutive elements in sort order, each as an immutable list. A
   * change creates or destroys at most {@code 2n} windows, costing O(n log n).
   *
   * @throws IllegalArgumentException if {@code n < 1}
   */
  IncrCollection<List<T>> window(int n);

  @Override
  SortedCollection<T> label(String label);
}
