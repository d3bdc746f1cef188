package dev.incr.internal.collection;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The change log between one producer and one reader: the weighted deltas (+1/-1) the producer has
 * emitted and the reader has not consumed yet, oldest first. The reader's read offset is the head;
 * consumed entries are released at once.
 *
 * <p>When a reader falls behind (more pending entries than twice its producer's live elements, or
 * twice the size left by the previous consolidation), the pending entries are consolidated: an
 * insertion and a later deletion of the same element cancel. Consolidation keeps the meaning of the
 * log under "a deletion removes the most recently inserted occurrence": it emits the deletions of
 * occurrences the reader already had first, then the surviving insertions in their original order
 * (a log of at most {@link #SMALL} entries, the common case of a read after a few changes, just
 * drops the cancelled pairs in place and keeps its order, allocating nothing). So a log holds
 * O(live elements) entries whatever the history, and the amortized cost stays O(1) per entry.
 */
final class Inbox<T> {
  private static final int SLACK = 64;

  /**
   * Logs up to this size (at most 64: a bit mask) are consolidated by comparing entries directly,
   * in place, instead of with the maps {@link #consolidate()} builds.
   */
  private static final int SMALL = 16;

  private final LongSupplier producerSize;
  private Object[] items = new Object[8];
  private byte[] weights = new byte[8];
  /** Each entry's slot in its producer ({@link Stage#slotted()}), or -1. */
  private int[] slots = new int[8];
  private int head;
  private int tail;
  private int pendingDeletes;
  private int sizeAfterConsolidation;

  /**
   * The weak reference its producer holds it by, once registered ({@link Outlet#addReader}): a
   * reader, which holds this inbox strongly, can then ask whether it is the producer's only reader
   * by comparing references, without reading the weak one.
   */
  Object registration;

  /**
   * Creates an empty inbox.
   *
   * @param producerSize the producer's current number of live elements, for the consolidation
   *     threshold
   */
  Inbox(LongSupplier producerSize) {
    this.producerSize = producerSize;
  }

  /** Appends a delta of an element without a slot. */
  void push(T element, int weight) {
    push(element, weight, -1);
  }

  /** Appends a delta of the element at {@code slot} of the producer. */
  void push(T element, int weight, int slot) {
    if (tail == items.length) {
      makeRoom();
    }
    items[tail] = element;
    weights[tail] = (byte) weight;
    slots[tail] = slot;
    tail++;
    if (weight < 0) {
      pendingDeletes++;
      int size = tail - head;
      if (size > SLACK && size > 2L * Math.max(sizeAfterConsolidation, producerSize.getAsLong())) {
        consolidate();
      }
    }
  }

  boolean isEmpty() {
    return head == tail;
  }

  int size() {
    return tail - head;
  }

  /** The oldest pending element. */
  @SuppressWarnings("unchecked")
  T peekElement() {
    return (T) items[head];
  }

  /** The weight of the oldest pending element. */
  int peekWeight() {
    return weights[head];
  }

  /** The producer's slot of the oldest pending element, or -1. */
  int peekSlot() {
    return slots[head];
  }

  /** Consumes the oldest pending entry, once it has been fully applied. */
  void pop() {
    if (weights[head] < 0) {
      pendingDeletes--;
    }
    items[head] = null;
    head++;
    if (head == tail) {
      head = 0;
      tail = 0;
      if (items.length > 1024) {
        items = new Object[8];
        weights = new byte[8];
        slots = new int[8];
      }
    }
  }

  /**
   * Cancels insertions against later deletions of the same element before a reader consumes a
   * batch, so work done for elements that came and went within the batch is skipped.
   */
  void consolidateBeforeReading() {
    int size = tail - head;
    if (pendingDeletes == 0 || size < 2) {
      return;
    }
    if (size > SMALL) {
      consolidate();
      return;
    }
    // A small log: match each deletion with the latest uncancelled insertion of an equal element
    // before it, as consolidate() does, comparing entries directly; bit k stands for entry head+k.
    long cancelled = 0;
    for (int i = head + 1; i < tail; i++) {
      if (weights[i] < 0) {
        Object x = items[i];
        for (int j = i - 1; j >= head; j--) {
          long bit = 1L << (j - head);
          if (weights[j] > 0 && (cancelled & bit) == 0 && x.equals(items[j])) {
            cancelled |= bit | (1L << (i - head));
            break;
          }
        }
      }
    }
    if (cancelled != 0) {
      dropCancelled(cancelled);
    }
  }

  /**
   * Removes the entries of a small log whose bits are set in {@code cancelled}, keeping the others
   * in order, in place. The rest is still the log's history minus the elements that came and went:
   * a deletion left has no insertion of its element left before it (it would have cancelled it), so
   * it removes an occurrence the reader already had, as it did. Allocates nothing.
   */
  private void dropCancelled(long cancelled) {
    int n = head;
    int deletes = 0;
    for (int i = head; i < tail; i++) {
      if ((cancelled & (1L << (i - head))) == 0) {
        items[n] = items[i];
        weights[n] = weights[i];
        slots[n] = slots[i];
        if (weights[n] < 0) {
          deletes++;
        }
        n++;
      }
    }
    Arrays.fill(items, n, tail, null);
    tail = n;
    pendingDeletes = deletes;
    sizeAfterConsolidation = tail - head;
  }

  private void makeRoom() {
    int size = tail - head;
    if (head > 0 && size <= items.length / 2) {
      System.arraycopy(items, head, items, 0, size);
      System.arraycopy(weights, head, weights, 0, size);
      System.arraycopy(slots, head, slots, 0, size);
      Arrays.fill(items, size, tail, null);
    } else {
      Object[] grown = new Object[items.length * 2];
      byte[] grownWeights = new byte[items.length * 2];
      int[] grownSlots = new int[items.length * 2];
      System.arraycopy(items, head, grown, 0, size);
      System.arraycopy(weights, head, grownWeights, 0, size);
      System.arraycopy(slots, head, grownSlots, 0, size);
      items = grown;
      weights = grownWeights;
      slots = grownSlots;
    }
    head = 0;
    tail = size;
  }

  private void consolidate() {
    int size = tail - head;
    boolean[] keep = new boolean[size];
    Map<Object, ArrayDeque<Integer>> open = new HashMap<>();
    Map<Object, int[]> earlierDeletes = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      Object x = items[head + i];
      if (weights[head + i] > 0) {
        open.computeIfAbsent(x, k -> new ArrayDeque<>()).push(i);
        keep[i] = true;
      } else {
        ArrayDeque<Integer> pushes = open.get(x);
        if (pushes != null && !pushes.isEmpty()) {
          keep[pushes.pop()] = false;
        } else {
          // All earlier deletions of one element name the same slot: the one it had when the
          // reader last read (it cannot move while live, and cannot be freed while occurrences
          // the reader had are left).
          int[] deletes = earlierDeletes.get(x);
          if (deletes == null) {
            deletes = new int[] {0, slots[head + i]};
            earlierDeletes.put(x, deletes);
          }
          deletes[0]++;
        }
      }
    }
    Object[] out = new Object[Math.max(8, size)];
    byte[] outWeights = new byte[out.length];
    int[] outSlots = new int[out.length];
    int n = 0;
    for (Map.Entry<Object, int[]> e : earlierDeletes.entrySet()) {
      for (int c = e.getValue()[0]; c > 0; c--) {
        out[n] = e.getKey();
        outWeights[n] = -1;
        outSlots[n] = e.getValue()[1];
        n++;
      }
    }
    int deletes = n;
    for (int i = 0; i < size; i++) {
      if (keep[i]) {
        out[n] = items[head + i];
        outWeights[n] = 1;
        outSlots[n] = slots[head + i];
        n++;
      }
    }
    items = out;
    weights = outWeights;
    slots = outSlots;
    head = 0;
    tail = n;
    pendingDeletes = deletes;
    sizeAfterConsolidation = n;
  }
}
