package dev.incr;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * An incremental multiset: a source created by {@link Engine#collection()}, or a collection derived
 * from one by an operator ({@link #filter}, {@link #map}, {@link #sortBy}, {@link #groupBy}, {@link
 * #join}, ...).
 *
 * <p>Changes travel as weighted deltas (+1 for an inserted occurrence, -1 for a deleted one). Each
 * derived collection and aggregate keeps its own log of the changes of its input not yet consumed,
 * and consumes it when something downstream is read: nothing is computed at {@code insert} time,
 * and the work per change is proportional to what the change affects, not to the size of the
 * collection. Consumed changes are released, so memory follows the live elements, not the history.
 *
 * <p>Aggregates ({@link #count()}, {@link #sum}, {@link #min}, {@link #max}, {@link #reduce}) are
 * {@link Computed} nodes of the engine: queries that read them are re-run only when their value
 * changes (early cutoff), and {@link #toList()} inside a computation is a tracked read like any
 * other. {@link #count()} and {@link #sum} are primitive nodes ({@link LongComputed}, {@link
 * DoubleComputed}) that store their number unboxed.
 *
 * <p>Elements must not be null and must have consistent {@code equals}/{@code hashCode}: a multiset
 * identifies occurrences by equality. Functions given to operators must be pure (the same input
 * always gives the same result) and must not read or write other engine nodes; they run inside the
 * engine's computations, once per changed element, so a node they read would never make them run
 * again: such a read throws {@link IllegalStateException} naming the operator and the node (to
 * filter by a changing threshold, say, read it in a computed over {@link #toList()}).
 *
 * <p>Deleting an element removes its most recently inserted occurrence; this matters only for the
 * order of ties in {@link #sortBy}.
 *
 * <p>Each call of an operator or aggregate (other than {@link #count()}) builds a new stage or node
 * that keeps its own state, filled from the current contents when first read: build pipelines once
 * and keep them, rather than calling {@code filter(...)} or {@code sum(...)} inside a query on
 * every run. A stage nothing refers to any more is garbage-collected and stops receiving changes.
 *
 * @param <T> the element type
 */
public interface IncrCollection<T> {

  // ---------------------------------------------------------------------------------------------
  // Changes (source collections only)

  /**
   * Adds one occurrence of {@code element}. Like {@link Var#set}, this computes nothing and starts
   * a new revision (inside {@link Engine#batch} all changes share one).
   *
   * @return true (a multiset always accepts another occurrence), as {@link
   *     java.util.Collection#add} does
   * @throws NullPointerException if {@code element} is null
   * @throws IllegalStateException if called inside a computation
   * @throws UnsupportedOperationException if this collection is derived from another one
   */
  boolean insert(T element);

  /**
   * Removes one occurrence of {@code element} (its most recently inserted one).
   *
   * @return false, changing nothing, if the collection holds no occurrence of {@code element}
   * @throws IllegalStateException if called inside a computation
   * @throws UnsupportedOperationException if this collection is derived from another one
   */
  boolean delete(T element);

  /**
   * Adds one occurrence of each of {@code elements}, in order, as one revision.
   *
   * @throws NullPointerException if an element is null (nothing is inserted then)
   * @throws IllegalStateException if called inside a computation
   * @throws UnsupportedOperationException if this collection is derived from another one
   */
  void insertAll(Iterable<? extends T> elements);

  /**
   * Removes one occurrence of each of {@code elements}, in order, as one revision; elements without
   * an occurrence left are skipped.
   *
   * @return how many occurrences were removed
   * @throws IllegalStateException if called inside a computation
   * @throws UnsupportedOperationException if this collection is derived from another one
   */
  int deleteAll(Iterable<? extends T> elements);

  // ---------------------------------------------------------------------------------------------
  // Reading

  /**
   * Returns the current elements, each as often as it occurs, as an immutable list. The order is
   * unspecified except for a {@link SortedCollection}, which lists its elements in sort order.
   * Inside a computation this is a tracked read; outside one it first brings the collection up to
   * date, so the list is consistent with the latest changes.
   */
  List<T> toList();

  /**
   * Returns the number of elements, with multiplicity, as a node. Costs O(1) per change; the same
   * node is returned on every call.
   *
   * <p>The node is a {@link LongComputed}, which is a {@code Computed<Long>}: it stores the count
   * unboxed, and {@link LongComputed#getAsLong()} reads it without allocating a {@code Long} (as
   * {@link Computed#get()} may, for counts above 127). Prefer {@code getAsLong()} on hot paths.
   */
  LongComputed count();

  /**
   * Returns the sum of {@code value} over the elements (with multiplicity), as a node. Costs O(1)
   * per change. The sum is exact: it is accumulated without rounding and rounded once, so deleting
   * an element restores exactly the sum without it. NaN and infinities follow IEEE rules (any NaN,
   * or both infinities, give NaN). The empty sum is 0.0.
   *
   * <p>The node is a {@link DoubleComputed}, which is a {@code Computed<Double>}: it stores the sum
   * unboxed (a NaN sum that stays NaN is an early cutoff), and {@link
   * DoubleComputed#getAsDouble()} reads it without allocating a {@code Double} (as {@link
   * Computed#get()} may). Prefer {@code getAsDouble()} on hot paths.
   */
  DoubleComputed sum(ToDoubleFunction<? super T> value);

  /**
   * Returns the least element by {@code comparator} (the earliest inserted among equals), or empty
   * while the collection is empty. Costs O(log n) per change.
   */
  Computed<Optional<T>> min(Comparator<? super T> comparator);

  /**
   * Returns the greatest element by {@code comparator} (the earliest inserted among equals), or
   * empty while the collection is empty. Costs O(log n) per change.
   */
  Computed<Optional<T>> max(Comparator<? super T> comparator);

  /**
   * Returns an invertible aggregate: it starts at {@code identity}, applies {@code add} for each
   * inserted occurrence and {@code remove} for each deleted one. Costs O(1) per change. {@code
   * remove} must undo {@code add} ({@code remove(add(a, x), x)} equals {@code a}) and the result
   * must not depend on the order of additions; count and sum are such aggregates.
   */
  <A> Computed<A> reduce(
      A identity,
      BiFunction<? super A, ? super T, ? extends A> add,
      BiFunction<? super A, ? super T, ? extends A> remove);

  /**
   * Returns the fold of the elements with {@code accumulator}, as {@link
   * java.util.stream.Stream#reduce(Object, BinaryOperator)} computes it: {@code identity} while the
   * collection is empty. The accumulator must be associative and commutative (a multiset has no
   * order), but it need not be invertible: max, gcd, bitwise or, set union. Costs O(log n) per
   * change: the elements sit in a segment tree of partial folds.
   */
  Computed<T> reduce(T identity, BinaryOperator<T> accumulator);

  /**
   * Returns {@code function} applied to the current elements (as by {@link #toList()}). This
   * general form is <em>not</em> incremental: after any change of the collection it re-reads the
   * whole input and re-runs {@code function}, costing O(n) per read after a change. Prefer {@link
   * #count()}, {@link #sum}, {@link #min}, {@link #max} or the invertible {@link #reduce(Object,
   * BiFunction, BiFunction)} where they fit.
   */
  <A> Computed<A> reduce(Function<? super List<T>, ? extends A> function);

  // ---------------------------------------------------------------------------------------------
  // Operators

  /** Returns the elements that satisfy {@code predicate}. Costs O(1) per change. */
  IncrCollection<T> filter(Predicate<? super T> predicate);

  /**
   * Returns {@code function} applied to each element; equal results are kept as separate
   * occurrences. Costs O(1) per change: the function runs once per newly inserted distinct element
   * and never for deletions (results are remembered).
   *
   * @throws NullPointerException (on reading) if {@code function} returns null
   */
  <R> IncrCollection<R> map(Function<? super T, ? extends R> function);

  /**
   * Returns the elements ordered by {@code key}; elements with equal keys keep the order in which
   * they reached the sorted collection (their insertion order). Costs O(log n) per change.
   */
  <K extends Comparable<? super K>> SortedCollection<T> sortBy(
      Function<? super T, ? extends K> key);

  /**
   * Groups the elements by {@code key}: {@link GroupedCollection#group(Object)} is one key's
   * collection. Costs O(1) per change to route it to its group.
   */
  <K> GroupedCollection<K, T> groupBy(Function<? super T, ? extends K> key);

  /**
   * Returns the inner equi-join of this collection with {@code other}: a pair {@code (t, u)} for
   * each occurrence of {@code t} here and each occurrence of {@code u} in {@code other} with equal
   * keys ({@code equals}). Costs O(matching rows) per change.
   *
   * @throws IllegalArgumentException if {@code other} belongs to another engine
   */
  <U, K> IncrCollection<Pair<T, U>> join(
      IncrCollection<U> other,
      Function<? super T, ? extends K> leftKey,
      Function<? super U, ? extends K> rightKey);

  // ---------------------------------------------------------------------------------------------
  // Identity

  /**
   * Names this collection (and its nodes) for error messages and traces.
   *
   * @return this collection
   */
  IncrCollection<T> label(String label);

  /**
   * Returns this collection's label: the one given to {@link #label(String)}, or a generated one.
   */
  String label();

  /** Returns the engine this collection belongs to. */
  Engine engine();
}
