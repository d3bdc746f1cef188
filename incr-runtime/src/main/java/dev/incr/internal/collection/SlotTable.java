package dev.incr.internal.collection;

import java.util.Arrays;
import java.util.function.ObjIntConsumer;

/**
 * Per-slot state of an element-wise stage whose input numbers its distinct live elements with
 * <em>slots</em> ({@link Stage#slotted()}): an occurrence count and one value per slot, the slots
 * with a positive count chained in the order they became live. Indexed by the input's slot, it
 * needs no hashing: a change that arrives with its slot costs a few array accesses, on the lines
 * the input itself has just touched. Not thread-safe.
 *
 * <p>The arrays grow to the highest slot seen (the input reuses freed slots, so that is about the
 * input's peak number of distinct elements).
 *
 * @param <V> the value type
 */
final class SlotTable<V> {
  private static final int NONE = -1;

  /** Per slot, at {@code 4 * slot}: count, previous live slot, next live slot, unused. */
  private int[] meta = new int[32];

  private Object[] values = new Object[8];
  private int first = NONE;
  private int last = NONE;
  private long size;
  private int distinct;

  private void ensure(int slot) {
    if (slot < 0) {
      throw new IllegalStateException(
          "internal error: a change without a slot from a slotted input");
    }
    if (slot >= values.length) {
      int capacity = Math.max(slot + 1, values.length * 2);
      values = Arrays.copyOf(values, capacity);
      meta = Arrays.copyOf(meta, capacity * 4);
    }
  }

  /** The occurrences at {@code slot} (0 for a slot never seen). */
  int count(int slot) {
    return slot < values.length ? meta[4 * slot] : 0;
  }

  @SuppressWarnings("unchecked")
  V value(int slot) {
    return (V) values[slot];
  }

  /**
   * Adds one occurrence at {@code slot}; if the slot had none, it takes {@code value} and goes last
   * in arrival order.
   */
  void increment(int slot, V value) {
    ensure(slot);
    int at = 4 * slot;
    int[] md = meta;
    if (md[at]++ == 0) {
      values[slot] = value;
      md[at + 1] = last;
      md[at + 2] = NONE;
      if (last == NONE) {
        first = slot;
      } else {
        md[4 * last + 2] = slot;
      }
      last = slot;
      distinct++;
    }
    size++;
  }

  /** Removes one occurrence at {@code slot}, which must have one. */
  void decrement(int slot) {
    int at = 4 * slot;
    int[] md = meta;
    size--;
    if (--md[at] == 0) {
      values[slot] = null;
      int p = md[at + 1];
      int n = md[at + 2];
      if (p == NONE) {
        first = n;
      } else {
        md[4 * p + 2] = n;
      }
      if (n == NONE) {
        last = p;
      } else {
        md[4 * n + 1] = p;
      }
      distinct--;
    }
  }

  long size() {
    return size;
  }

  /** The live slot that became live first, or -1. */
  int first() {
    return first;
  }

  /** The live slot after {@code slot} in arrival order, or -1. */
  int next(int slot) {
    return meta[4 * slot + 2];
  }

  /** Calls {@code action} once per occurrence with its value and slot, in arrival order. */
  void forEachOccurrence(ObjIntConsumer<? super V> action) {
    for (int s = first; s >= 0; s = next(s)) {
      V v = value(s);
      for (int i = count(s); i > 0; i--) {
        action.accept(v, s);
      }
    }
  }

  /** Checks counts, the chain and the size (for tests). */
  void checkInvariants(String owner) {
    long total = 0;
    int chained = 0;
    int before = NONE;
    for (int s = first; s != NONE; s = next(s)) {
      if (++chained > values.length || meta[4 * s + 1] != before) {
        throw new AssertionError(owner + ": broken slot chain at " + s);
      }
      if (meta[4 * s] <= 0 || values[s] == null) {
        throw new AssertionError(owner + ": slot " + s + " chained with count " + meta[4 * s]);
      }
      total += meta[4 * s];
      before = s;
    }
    if (before != last || total != size || chained != distinct) {
      throw new AssertionError(owner + ": size " + size + ", chained counts add up to " + total);
    }
    int live = 0;
    for (int s = 0; s < values.length; s++) {
      if (meta[4 * s] > 0) {
        live++;
      }
    }
    if (live != distinct) {
      throw new AssertionError(
          owner + ": " + live + " slots with occurrences, " + distinct + " chained");
    }
  }
}
