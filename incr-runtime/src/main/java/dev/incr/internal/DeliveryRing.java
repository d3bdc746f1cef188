package dev.incr.internal;

/**
 * The queue of changes waiting for their observers: (observation, value) pairs in a growable
 * ring, so a write that changes an observed node queues its delivery without allocating. Values
 * may be null. Not thread-safe: {@link ObserverDelivery} guards it with the engine's lock.
 */
final class DeliveryRing {
  /** Observation at even indexes, its value at the next odd one. */
  private Object[] slots = new Object[16];
  private int head;
  private int size;

  void add(ObservationImpl<?> observation, Object value) {
    if (size * 2 == slots.length) {
      grow();
    }
    int tail = (head + size * 2) & (slots.length - 1);
    slots[tail] = observation;
    slots[tail + 1] = value;
    size++;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /**
   * Delivers every queued change in order, including those that listeners queue meanwhile, even if
   * some listeners throw; returns {@code failure} with their exceptions added (the first becomes it
   * if it was null).
   */
  RuntimeException deliverAll(RuntimeException failure) {
    while (size > 0) {
      int h = head;
      ObservationImpl<?> observation = (ObservationImpl<?>) slots[h];
      Object value = slots[h + 1];
      slots[h] = null;
      slots[h + 1] = null;
      head = (h + 2) & (slots.length - 1);
      size--;
      try {
        observation.deliverUnchecked(value);
      } catch (RuntimeException e) {
        failure = ObserverDelivery.withSuppressed(failure, e);
      }
    }
    return failure;
  }

  /** Moves every change queued in {@code other} to the end of this ring, in order. */
  void addAll(DeliveryRing other) {
    while (other.size > 0) {
      int h = other.head;
      add((ObservationImpl<?>) other.slots[h], other.slots[h + 1]);
      other.slots[h] = null;
      other.slots[h + 1] = null;
      other.head = (h + 2) & (other.slots.length - 1);
      other.size--;
    }
  }

  private void grow() {
    Object[] bigger = new Object[slots.length * 2];
    int firstPart = Math.min(size * 2, slots.length - head);
    System.arraycopy(slots, head, bigger, 0, firstPart);
    System.arraycopy(slots, 0, bigger, firstPart, size * 2 - firstPart);
    slots = bigger;
    head = 0;
  }
}
