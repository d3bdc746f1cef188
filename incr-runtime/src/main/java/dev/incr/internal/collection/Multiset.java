package dev.incr.internal.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

/**
 * A multiset that remembers the order in which its distinct elements first arrived (an element that
 * drops to zero occurrences and comes back counts as new). Backed by a {@link CountTable}, so an
 * insertion or removal allocates nothing (amortized). Not thread-safe.
 */
final class Multiset<T> {
  private final CountTable<T, Object> table = new CountTable<>();

  /**
   * Adds one occurrence ({@code weight == 1}) or removes one ({@code weight == -1}); returns the
   * element's slot (see {@link Stage#slotted()}).
   */
  int add(T element, int weight) {
    if (weight > 0) {
      return table.increment(element);
    }
    int slot = table.find(element);
    if (slot < 0) {
      throw new IllegalStateException("internal error: removing absent element " + element);
    }
    table.decrement(slot);
    return slot;
  }

  /**
   * Removes one occurrence of {@code element} if there is one; returns its slot, or -1 if there
   * was none. One lookup instead of {@link #count} followed by {@link #add}.
   */
  int removeIfPresent(Object element) {
    return table.removeOne(element);
  }

  /** Returns how many occurrences of {@code element} there are. */
  int count(Object element) {
    int slot = table.find(element);
    return slot < 0 ? 0 : table.count(slot);
  }

  /** Returns the number of occurrences. */
  long size() {
    return table.size();
  }

  /** Returns the number of distinct elements. */
  int distinct() {
    return table.distinct();
  }

  /** Calls {@code action} once per occurrence, distinct elements in arrival order. */
  void forEachOccurrence(Consumer<? super T> action) {
    forEachOccurrenceSlotted((x, slot) -> action.accept(x));
  }

  /** Calls {@code action} once per occurrence with the element's slot, in arrival order. */
  void forEachOccurrenceSlotted(ObjIntConsumer<? super T> action) {
    CountTable<T, Object> t = table;
    for (int s = t.first(); s >= 0; s = t.next(s)) {
      T x = t.key(s);
      for (int i = t.count(s); i > 0; i--) {
        action.accept(x, s);
      }
    }
  }

  /** Checks that every count is positive and the sizes add up. */
  void checkInvariants(String owner) {
    table.checkInvariants(owner);
  }
}
