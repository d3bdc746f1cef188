package dev.incr.internal.collection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A multiset that remembers the order in which its distinct elements first arrived (an element that
 * drops to zero occurrences and comes back counts as new). Not thread-safe.
 */
final class Multiset<T> {
  private final LinkedHashMap<T, int[]> counts = new LinkedHashMap<>();
  private long size;

  /** Adds one occurrence ({@code weight == 1}) or removes one ({@code weight == -1}). */
  void add(T element, int weight) {
    if (weight > 0) {
      counts.computeIfAbsent(element, e -> new int[1])[0] += weight;
    } else {
      int[] c = counts.get(element);
      if (c == null || c[0] < -weight) {
        throw new IllegalStateException("internal error: removing absent element " + element);
      }
      c[0] += weight;
      if (c[0] == 0) {
        counts.remove(element);
      }
    }
    size += weight;
  }

  /** Returns how many occurrences of {@code element} there are. */
  int count(Object element) {
    int[] c = counts.get(element);
    return c == null ? 0 : c[0];
  }

  /** Returns the number of occurrences. */
  long size() {
    return size;
  }

  /** Returns the number of distinct elements. */
  int distinct() {
    return counts.size();
  }

  /** Calls {@code action} once per occurrence, distinct elements in arrival order. */
  void forEachOccurrence(Consumer<? super T> action) {
    for (Map.Entry<T, int[]> e : counts.entrySet()) {
      for (int i = e.getValue()[0]; i > 0; i--) {
        action.accept(e.getKey());
      }
    }
  }

  /** Returns the occurrences as a new list. */
  List<T> toList() {
    List<T> list = new ArrayList<>((int) Math.min(size, Integer.MAX_VALUE - 8));
    forEachOccurrence(list::add);
    return list;
  }

  /** Checks that every count is positive and the sizes add up. */
  void checkInvariants(String owner) {
    long total = 0;
    for (Map.Entry<T, int[]> e : counts.entrySet()) {
      if (e.getValue()[0] <= 0) {
        throw new AssertionError(owner + ": count " + e.getValue()[0] + " for " + e.getKey());
      }
      total += e.getValue()[0];
    }
    if (total != size) {
      throw new AssertionError(owner + ": size " + size + " but counts add up to " + total);
    }
  }
}
