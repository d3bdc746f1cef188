package dev.incr.internal.collection;

import dev.incr.Pair;
import dev.incr.internal.CollectionHooks.OperatorScope;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code join}: the inner equi-join of two stages. Both sides are indexed by key as multisets; a
 * change on the left emits one pair per matching right occurrence (against the right side as it
 * was), then the right side's changes are matched against the updated left side, which is the
 * product rule for bilinear operators: d(L x R) = dL x R + L' x dR. O(matching rows) per change.
 *
 * <p>The output is not materialized: its contents are the products of the two indexes key by key,
 * and its size is kept as a running sum of those products, so a change costs no hashing of pairs.
 */
final class JoinStage<T, U, K> extends DerivedStage<Pair<T, U>> {
  private final Stage<T> left;
  private final Stage<U> right;
  private final Function<? super T, ? extends K> leftKey;
  /** Runs the user's function so that a node read inside it is an error. */
  private final OperatorScope scope;
  private final Function<? super U, ? extends K> rightKey;
  private final Map<K, Multiset<T>> leftIndex = new HashMap<>();
  private final Map<K, Multiset<U>> rightIndex = new HashMap<>();
  /** The number of pairs: the sum over keys of left occurrences times right occurrences. */
  private long size;

  private Inbox<T> leftIn;
  private Inbox<U> rightIn;

  JoinStage(
      Stage<T> left,
      Stage<U> right,
      Function<? super T, ? extends K> leftKey,
      Function<? super U, ? extends K> rightKey) {
    super(left, "join", false);
    this.left = left;
    this.right = right;
    this.leftKey = leftKey;
    this.rightKey = rightKey;
    this.scope = new OperatorScope(left.engine, this::label);
  }

  @Override
  void refresh() {
    left.pull();
    right.pull();
    if (leftIn == null) {
      leftIn = left.subscribe();
    }
    if (rightIn == null) {
      rightIn = right.subscribe();
    }
    Inbox<T> lin = leftIn;
    lin.consolidateBeforeReading();
    while (!lin.isEmpty()) {
      T x = lin.peekElement();
      int w = lin.peekWeight();
      K k = key(leftKey, x);
      if (w < 0) {
        checkIndexed(leftIndex, k, x);
      }
      Multiset<U> matches = rightIndex.get(k);
      if (matches != null) {
        matches.forEachOccurrence(u -> out.emit(new Pair<>(x, u), w));
        size += w * matches.size();
      }
      index(leftIndex, k, x, w);
      lin.pop();
    }
    Inbox<U> rin = rightIn;
    rin.consolidateBeforeReading();
    while (!rin.isEmpty()) {
      U u = rin.peekElement();
      int w = rin.peekWeight();
      K k = key(rightKey, u);
      if (w < 0) {
        checkIndexed(rightIndex, k, u);
      }
      Multiset<T> matches = leftIndex.get(k);
      if (matches != null) {
        matches.forEachOccurrence(x -> out.emit(new Pair<>(x, u), w));
        size += w * matches.size();
      }
      index(rightIndex, k, u, w);
      rin.pop();
    }
  }

  @Override
  long liveSize() {
    return size;
  }

  @Override
  void forEachLive(Consumer<? super Pair<T, U>> action) {
    for (Map.Entry<K, Multiset<T>> e : leftIndex.entrySet()) {
      Multiset<U> matches = rightIndex.get(e.getKey());
      if (matches != null) {
        e.getValue()
            .forEachOccurrence(
                x -> matches.forEachOccurrence(u -> action.accept(new Pair<>(x, u))));
      }
    }
  }

  @Override
  void checkInvariants() {
    long total = 0;
    for (Map.Entry<K, Multiset<T>> e : leftIndex.entrySet()) {
      e.getValue().checkInvariants(label());
      Multiset<U> matches = rightIndex.get(e.getKey());
      if (matches != null) {
        total += e.getValue().size() * matches.size();
      }
    }
    for (Multiset<U> m : rightIndex.values()) {
      m.checkInvariants(label());
    }
    if (total != size) {
      throw new AssertionError(label() + ": size " + size + " but the indexes give " + total);
    }
  }

  private <E> K key(Function<? super E, ? extends K> key, E element) {
    K k = scope.apply(key, element);
    if (k == null) {
      throw new NullPointerException(
          "A key function of '"
              + label()
              + "' returned null for "
              + element
              + "; return a non-null key.");
    }
    return k;
  }

  private <E> void checkIndexed(Map<K, Multiset<E>> index, K key, E element) {
    Multiset<E> m = index.get(key);
    if (m == null || m.count(element) == 0) {
      throw Impure.key(label(), element, key);
    }
  }

  private static <K, E> void index(Map<K, Multiset<E>> index, K key, E element, int weight) {
    Multiset<E> m = index.computeIfAbsent(key, k -> new Multiset<>());
    m.add(element, weight);
    if (m.size() == 0) {
      index.remove(key);
    }
  }
}
