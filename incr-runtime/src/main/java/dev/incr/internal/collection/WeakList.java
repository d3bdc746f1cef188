package dev.incr.internal.collection;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The readers of a stage, held weakly: a reader (a derived stage, an aggregate) that nothing
 * references any more is garbage-collected, and the producer stops queueing changes for it. The
 * engine keeps no references from a node to its readers, so a dropped pipeline is unreachable
 * except from here. Cleared entries are pruned while iterating. Not thread-safe.
 */
final class WeakList<E> {
  private final ArrayList<WeakReference<E>> refs = new ArrayList<>(2);

  /** Adds {@code element}; returns the weak reference that holds it here. */
  WeakReference<E> add(E element) {
    WeakReference<E> ref = new WeakReference<>(element);
    refs.add(ref);
    return ref;
  }

  /** Returns the live elements, pruning cleared references. */
  List<E> live() {
    List<E> live = new ArrayList<>(refs.size());
    for (int i = 0; i < refs.size(); ) {
      E e = refs.get(i).get();
      if (e == null) {
        removeAt(i);
      } else {
        live.add(e);
        i++;
      }
    }
    return live;
  }

  boolean isEmpty() {
    return refs.isEmpty();
  }

  /** The reference at {@code i}, whose referent may have been collected. */
  WeakReference<E> reference(int i) {
    return refs.get(i);
  }

  int size() {
    return refs.size();
  }

  /**
   * Returns the element at {@code i}, or null if it was collected (then call {@link #removeAt}).
   */
  E get(int i) {
    return refs.get(i).get();
  }

  /** Removes the entry at {@code i} by moving the last entry there (order does not matter). */
  void removeAt(int i) {
    int last = refs.size() - 1;
    refs.set(i, refs.get(last));
    refs.remove(last);
  }
}
