package dev.incr;

import java.util.function.Function;

/**
 * A collection split by key, created by {@link IncrCollection#groupBy}. Each key's elements form an
 * {@link IncrCollection} of their own, and per-key aggregates form a collection of pairs.
 *
 * @param <K> the key type
 * @param <T> the element type
 */
public interface GroupedCollection<K, T> {

  /**
   * Returns the collection of the elements whose key equals {@code key}. It is empty while the key
   * has no elements, and it is the same object on every call for the same key, so nodes built on it
   * stay valid while the key's elements come and go. Reading a group re-runs only what depends on
   * that group when other groups change.
   *
   * @throws NullPointerException if {@code key} is null
   */
  IncrCollection<T> group(K key);

  /**
   * Returns one pair {@code (key, aggregate)} for each key that has elements, where the aggregate
   * is the value of the node {@code perGroup} builds on that key's group, for example {@code
   * grouped.aggregate(IncrCollection::count)}. A change re-reads only the aggregate of the group it
   * touched; {@code perGroup} runs once per group.
   *
   * <p>{@code perGroup} should build its node from the group alone (count, sum, min, max, reduce,
   * or operators on the group): the pair of a key is refreshed when that key's group changes, not
   * when other inputs the node might read change.
   */
  <A> IncrCollection<Pair<K, A>> aggregate(
      Function<? super IncrCollection<T>, ? extends Node<A>> perGroup);

  /** Returns one pair {@code (key, number of elements)} for each key that has elements. */
  IncrCollection<Pair<K, Long>> counts();

  /**
   * Names this grouping for error messages and traces.
   *
   * @return this grouping
   */
  GroupedCollection<K, T> label(String label);

  /** Returns this grouping's label. */
  String label();
}
