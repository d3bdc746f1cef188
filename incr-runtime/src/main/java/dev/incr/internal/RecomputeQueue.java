package dev.incr.internal;

import java.util.Arrays;

/**
 * The necessary computeds waiting to be brought up to date after a write, by height: one bucket
 * per height, taken lowest first, so that a node runs after everything it reads (as in Jane Street's
 * Incremental). A node whose height was raised while it waited is moved when it comes out.
 */
final class RecomputeQueue {
  private ComputedNode<?>[][] buckets = new ComputedNode<?>[16][];
  private int[] sizes = new int[16];
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
    if (h >= buckets.length) {
      int length = Math.max(h + 1, buckets.length * 2);
      buckets = Arrays.copyOf(buckets, length);
      sizes = Arrays.copyOf(sizes, length);
    }
    ComputedNode<?>[] bucket = buckets[h];
    if (bucket == null) {
      bucket = buckets[h] = new ComputedNode<?>[4];
    } else if (sizes[h] == bucket.length) {
      bucket = buckets[h] = Arrays.copyOf(bucket, bucket.length * 2);
    }
    bucket[sizes[h]++] = n;
    size++;
    if (h < lowest) {
      lowest = h;
    }
  }

  /**
   * Takes a node of the lowest height, or returns null when empty. Nodes no longer necessary are
   * dropped; nodes whose height grew are put back at their new height.
   */
  ComputedNode<?> poll() {
    while (size > 0) {
      while (sizes[lowest] == 0) {
        lowest++;
      }
      int h = lowest;
      ComputedNode<?> n = buckets[h][--sizes[h]];
      buckets[h][sizes[h]] = null;
      size--;
      Necessity necessity = n.necessity();
      if (necessity == null || !necessity.queued) {
        continue;
      }
      if (necessity.height != h) {
        add(n);
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
