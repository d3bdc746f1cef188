package dev.incr.internal.collection;

import java.lang.ref.WeakReference;

/**
 * The output side of a stage: the materialized multiset of what it has emitted (unless the stage
 * keeps its contents in another structure) and the inboxes of its readers, each of which receives
 * every delta emitted.
 */
final class Outlet<T> {
  /** The emitted elements, or null when the owning stage keeps them itself. */
  final Multiset<T> live;

  private final WeakList<Inbox<T>> readers = new WeakList<>();
  /**
   * {@code readers.size()}, kept here so that a stage without readers (most groups, a stage read
   * only through its count) decides on this object's own cache line. Updated where readers are
   * added and where {@link #forward} prunes them (inside computations and writes); the
   * introspection methods may prune outside them and leave it too high, which only sends the next
   * {@link #forward} through its loop, which corrects it. It is never below the number of entries
   * (and while it is 1, the one entry there is, or was, is {@link #only}).
   */
  private int readerEntries;

  /**
   * The reference to the only reader while {@link #readerEntries} is 1, else null: the common
   * case of one reader skips the list.
   */
  private WeakReference<Inbox<T>> only;

  private long emitted;

  Outlet(boolean materialize) {
    this.live = materialize ? new Multiset<>() : null;
  }

  /** Records a delta and queues it for every reader. */
  void emit(T element, int weight) {
    forward(element, weight, live != null ? live.add(element, weight) : -1);
  }

  /**
   * Queues a delta for every reader without recording it in {@link #live}: for a stage that has
   * already updated {@link #live} itself or keeps its contents elsewhere. {@code slot} is the
   * element's slot if the stage is {@link Stage#slotted()}, else -1.
   */
  void forward(T element, int weight, int slot) {
    if (readerEntries == 0) {
      emitted++;
      return;
    }
    if (readerEntries == 1) {
      Inbox<T> in = only.get();
      if (in != null) {
        in.push(element, weight, slot);
        emitted++;
        return;
      }
    }
    for (int i = 0; i < readers.size(); ) {
      Inbox<T> in = readers.get(i);
      if (in == null) {
        readers.removeAt(i);
      } else {
        in.push(element, weight, slot);
        i++;
      }
    }
    if (readers.size() != readerEntries) {
      readersChanged();
    }
    emitted++;
  }

  /**
   * Counts a delta that was handed directly to this outlet's only reader (see {@link
   * Stage#refreshInto}) instead of being queued.
   */
  void countDelivered() {
    emitted++;
  }

  /** Whether {@code inbox} is this outlet's only reader. */
  boolean onlyReaderIs(Inbox<T> inbox) {
    // The caller holds inbox strongly, so its reference cannot have been cleared.
    return readerEntries == 1 && only == inbox.registration;
  }

  /** The number of deltas emitted so far: the value of a derived stage's version node. */
  long emitted() {
    return emitted;
  }

  void addReader(Inbox<T> inbox) {
    inbox.registration = readers.add(inbox);
    readersChanged();
  }

  private void readersChanged() {
    readerEntries = readers.size();
    only = readerEntries == 1 ? readers.reference(0) : null;
  }

  /** The number of readers not garbage-collected yet. */
  int readerCount() {
    return readers.live().size();
  }

  /** The number of entries queued for readers and not consumed yet. */
  long retainedEntries() {
    long total = 0;
    for (Inbox<T> in : readers.live()) {
      total += in.size();
    }
    return total;
  }
}
