package dev.incr;

import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

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

  /**
   * Returns one pair {@code (key, number of elements)} for each key that has elements: {@code
   * aggregate(IncrCollection::count)}. O(1) per change.
   */
  IncrCollection<Pair<K, Long>> count();

  /**
   * Returns one pair {@code (key, sum of value over the key's elements)} for each key that has
   * elements, summed exactly as {@link IncrCollection#sum} does. O(1) per change.
   */
  IncrCollection<Pair<K, Double>> sum(ToDoubleFunction<? super T> value);

  /**
   * Returns one pair {@code (key, least element of the key)} for each key that has elements, as
   * {@link IncrCollection#min} picks it. O(log n) per change.
   */
  IncrCollection<Pair<K, T>> min(Comparator<? super T> comparator);

  /**
   * Returns one pair {@code (key, greatest element of the key)} for each key that has elements, as
   * {@link IncrCollection#max} picks it. O(log n) per change.
   */
  IncrCollection<Pair<K, T>> max(Comparator<? super T> comparator);

  /**
   * Returns one pair {@code (key, invertible aggregate of the key's elements)} for each key that
   * has elements, as {@link IncrCollection#reduce(Object, java.util.function.BiFunction,
   * java.util.function.BiFunction)} computes it. O(1) per change.
   */
  <A> IncrCollection<Pair<K, A>> reduce(
      A identity,
      BiFunction<? super A, ? super T, ? extends A> add,
      BiFunction<? super A, ? super T, ? extends A> remove);

  /**
   * Returns one pair {@code (key, fold of the key's elements)} for each key that has elements, as
   * {@link IncrCollection#reduce(Object, BinaryOperator)} computes it. O(log n) per change.
   */
  IncrCollection<Pair<K, T>> reduce(T identity, BinaryOperator<T> accumulator);

  /**
   * Returns one pair {@code (key, function of the key's elements)} for each key that has elements.
   * Not incremental within a group: a change re-reads the whole group it touched (O(group size)),
   * as {@link IncrCollection#reduce(Function)} does.
   */
  <A> IncrCollection<Pair<K, A>> reduce(Function<? super List<T>, ? extends A> function);

  /**
   * Names this grouping for error messages and traces.
   *
   * @return this grouping
   */
  GroupedCollection<K, T> label(String label);

  /** Returns this grouping's label. */
  String label();
}
