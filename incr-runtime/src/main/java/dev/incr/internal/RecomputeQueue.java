package dev.incr.internal;

import java.util.Arrays;

/**
 * The necessary computeds waiting to be brought up to date after a write, by height: one bucket
 * per height, taken lowest first, so that a node runs after everything it reads (as in Jane Street's
 * Incremental), and first in first out within a height, so that the readers of a changed node are
 * taken in the order they were queued (the order of its list of readers). A node whose height was
 * raised while it waited is moved when it comes out.
 *
 * <p>A node queued while the queue is empty waits in a slot of its own ({@link #alone}) instead of
 * its bucket, and goes to its bucket only if another node comes in before it is taken. A change
 * that travels up a chain, where each node queues its one reader and is taken before the next is
 * queued, so never touches the buckets.
 */
final class RecomputeQueue {
  private ComputedNode<?>[][] buckets = new ComputedNode<?>[16][];
  /** Per height, the end of the bucket's nodes and the next one to take (both 0 when empty). */
  private int[] sizes = new int[16];
  private int[] heads = new int[16];
  /** The only node waiting, while it is not in a bucket; null otherwise. */
  private ComputedNode<?> alone;
  private int lowest = Integer.MAX_VALUE;
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  /** The lowest height waiting, or {@link Integer#MAX_VALUE} when empty. */
  int lowestHeight() {
    return size == 0 ? Integer.MAX_VALUE : lowest;
  }

  void add(ComputedNode<?> n) {
    Necessity necessity = n.necessity();
    necessity.queued = true;
    int h = necessity.height;
    ComputedNode<?> waiting = alone;
    if (waiting != null) {
      // It is the only one (size is 1): to its bucket, unless it is no longer waiting.
      alone = null;
      Necessity w = waiting.necessity();
      if (w == null || !w.queued) {
        size = 0;
      } else {
        putInBucket(waiting, w.height);
      }
    }
    if (size == 0) {
      alone = n;
      size = 1;
      lowest = h;
      return;
    }
    putInBucket(n, h);
    size++;
    if (h < lowest) {
      lowest = h;
    }
  }

  private void putInBucket(ComputedNode<?> n, int h) {
    if (h >= buckets.length) {
      int length = Math.max(h + 1, buckets.length * 2);
      buckets = Arrays.copyOf(buckets, length);
      sizes = Arrays.copyOf(sizes, length);
      heads = Arrays.copyOf(heads, length);
    }
    ComputedNode<?>[] bucket = buckets[h];
    if (bucket == null) {
      bucket = buckets[h] = new ComputedNode<?>[4];
    } else if (sizes[h] == bucket.length) {
      int head = heads[h];
      if (head > bucket.length / 2) {
        System.arraycopy(bucket, head, bucket, 0, sizes[h] - head);
        Arrays.fill(bucket, sizes[h] - head, sizes[h], null);
        sizes[h] -= head;
        heads[h] = 0;
      } else {
        bucket = buckets[h] = Arrays.copyOf(bucket, bucket.length * 2);
      }
    }
    bucket[sizes[h]++] = n;
  }

  /**
   * Takes a node of the lowest height, or returns null when empty. Nodes no longer necessary are
   * dropped; nodes whose height grew are put back at their new height.
   */
  ComputedNode<?> poll() {
    ComputedNode<?> only = alone;
    if (only != null) {
      alone = null;
      size = 0;
      lowest = Integer.MAX_VALUE;
      Necessity necessity = only.necessity();
      if (necessity == null || !necessity.queued) {
        return null;
      }
      necessity.queued = false;
      return only;
    }
    while (size > 0) {
      while (sizes[lowest] == 0) {
        lowest++;
      }
      int h = lowest;
      ComputedNode<?>[] bucket = buckets[h];
      int head = heads[h];
      ComputedNode<?> n = bucket[head];
      bucket[head] = null;
      if (++head == sizes[h]) {
        sizes[h] = 0;
        head = 0;
      }
      heads[h] = head;
      size--;
      Necessity necessity = n.necessity();
      if (necessity == null || !necessity.queued) {
        continue;
      }
      if (necessity.height != h) {
        size++;
        putInBucket(n, necessity.height);
        if (necessity.height < lowest) {
          lowest = necessity.height;
        }
        continue;
      }
      necessity.queued = false;
      if (size == 0) {
        lowest = Integer.MAX_VALUE;
      }
      return n;
    }
    lowest = Integer.MAX_VALUE;
    return null;
  }
}
