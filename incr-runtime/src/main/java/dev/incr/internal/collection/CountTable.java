package dev.incr.internal.collection;

import java.util.Arrays;

/**
 * A hash table from distinct elements to an occurrence count and one value, iterated in the order
 * the elements first arrived, that allocates nothing per insertion (amortized). Not thread-safe.
 *
 * <p>Layout: each entry lives in a <em>slot</em>: four ints (hash, count, links) in {@code meta}
 * and two references (key, value) in {@code objs}, so a cold entry costs two cache misses; the
 * slots of live entries are chained in arrival order by {@code prev}/{@code next} (a linked hash
 * map without node objects), and the slots of removed entries are chained into a free list (through
 * {@code next}) and reused, newest first. An open-addressing index (linear probing, load at most
 * one half) maps a hash to a slot; each index cell holds the hash and the slot, so probing compares
 * hashes without touching the slot arrays, and removal shifts the following cells back (no
 * tombstones). Slots never move except when the table grows, so an insertion followed by a deletion
 * touches the same few cache lines whatever the size.
 *
 * @param <K> the element type
 * @param <V> the value type
 */
final class CountTable<K, V> {
  private static final int MIN_CAPACITY = 4;
  private static final int NONE = -1;

  /** hash << 32 | (slot + 1); 0 is an empty cell. Length: a power of two, 2 * capacity. */
  private long[] index;

  private int mask;
  /** 32 - log2(index.length): {@link #home} takes the top bits of a multiplicative hash. */
  private int shift;

  /** Per slot, at {@code 4 * slot}: hash, count, previous slot, next slot. */
  private int[] meta;
  /** Per slot, at {@code 2 * slot}: key (null while free), value. */
  private Object[] objs;
  private int capacity;
  private int first = NONE;
  private int last = NONE;
  /** The most recently freed slot, or NONE; freed slots chain through {@code next}. */
  private int free = NONE;
  /** Slots handed out so far (live or free); slots beyond are untouched. */
  private int used;
  /** Live entries. */
  private int distinct;

  private long size;

  CountTable() {
    allocate(MIN_CAPACITY);
  }

  private void allocate(int capacity) {
    this.capacity = capacity;
    meta = new int[capacity * 4];
    objs = new Object[capacity * 2];
    index = new long[capacity * 2];
    mask = index.length - 1;
    shift = Integer.numberOfLeadingZeros(index.length) + 1;
  }

  private static int hash(Object key) {
    int h = key.hashCode();
    return h ^ (h >>> 16);
  }

  private int home(int hash) {
    return (hash * 0x9E3779B9) >>> shift;
  }

  /** Returns the slot of {@code key}, or -1 if it has no entry. */
  int find(Object key) {
    int i = cellOf(key);
    return i == NONE ? NONE : (int) index[i] - 1;
  }

  /**
   * Removes one occurrence of {@code key} if it has an entry (the entry goes when its count reaches
   * zero); returns its slot, or -1 if it had none. One probe: the index cell found is the one
   * removed.
   */
  int removeOne(Object key) {
    int i = cellOf(key);
    if (i == NONE) {
      return NONE;
    }
    int slot = (int) index[i] - 1;
    size--;
    if (--meta[4 * slot + 1] == 0) {
      unlinkAndFree(slot, i);
    }
    return slot;
  }

  /** The position in {@link #index} of {@code key}'s cell, or -1 if it has no entry. */
  private int cellOf(Object key) {
    int h = hash(key);
    long[] idx = index;
    int m = mask;
    for (int i = home(h); ; i = (i + 1) & m) {
      long cell = idx[i];
      if (cell == 0) {
        return NONE;
      }
      if ((int) (cell >>> 32) == h) {
        Object k = objs[2 * ((int) cell - 1)];
        if (k == key || k.equals(key)) {
          return i;
        }
      }
    }
  }

  /**
   * Returns the slot of {@code key}, adding an entry with count 0 and a null value (last in
   * arrival order) if it has none.
   */
  int slotFor(K key) {
    int h = hash(key);
    long[] idx = index;
    int m = mask;
    int i = home(h);
    for (; ; i = (i + 1) & m) {
      long cell = idx[i];
      if (cell == 0) {
        break;
      }
      if ((int) (cell >>> 32) == h) {
        int slot = (int) cell - 1;
        Object k = objs[2 * slot];
        if (k == key || k.equals(key)) {
          return slot;
        }
      }
    }
    int slot;
    if (free != NONE) {
      slot = free;
      free = meta[4 * slot + 3];
    } else {
      if (used == capacity) {
        grow();
        return slotFor(key);
      }
      slot = used++;
    }
    int[] md = meta;
    objs[2 * slot] = key;
    int at = 4 * slot;
    md[at] = h;
    md[at + 1] = 0;
    md[at + 2] = last;
    md[at + 3] = NONE;
    if (last == NONE) {
      first = slot;
    } else {
      md[4 * last + 3] = slot;
    }
    last = slot;
    idx[i] = ((long) h << 32) | (slot + 1L);
    distinct++;
    return slot;
  }

  /** Adds one occurrence of {@code key}; returns its slot. */
  int increment(K key) {
    int slot = slotFor(key);
    meta[4 * slot + 1]++;
    size++;
    return slot;
  }

  /** Adds one occurrence at {@code slot} (a slot of a live entry, or one {@link #slotFor} made). */
  void incrementAt(int slot) {
    meta[4 * slot + 1]++;
    size++;
  }

  /** Removes one occurrence at {@code slot}; the entry goes when its count reaches zero. */
  void decrement(int slot) {
    size--;
    if (--meta[4 * slot + 1] == 0) {
      remove(slot);
    }
  }

  /** Removes the entry at {@code slot} with all its occurrences. */
  void remove(int slot) {
    size -= meta[4 * slot + 1];
    meta[4 * slot + 1] = 0;
    unlinkAndFree(slot, cellOf(slot));
  }

  /** Takes the entry at {@code slot}, whose index cell is at {@code position}, out of the table. */
  private void unlinkAndFree(int slot, int position) {
    int[] md = meta;
    int at = 4 * slot;
    unindex(position);
    objs[2 * slot] = null;
    objs[2 * slot + 1] = null;
    int p = md[at + 2];
    int n = md[at + 3];
    if (p == NONE) {
      first = n;
    } else {
      md[4 * p + 3] = n;
    }
    if (n == NONE) {
      last = p;
    } else {
      md[4 * n + 2] = p;
    }
    md[at + 3] = free;
    free = slot;
    distinct--;
  }

  /** The position in the index of the cell of the entry at {@code slot}. */
  private int cellOf(int slot) {
    int h = meta[4 * slot];
    long[] idx = index;
    int m = mask;
    int i = home(h);
    long target = ((long) h << 32) | (slot + 1L);
    while (idx[i] != target) {
      i = (i + 1) & m;
    }
    return i;
  }

  /** Empties the index cell at position {@code position}. */
  private void unindex(int position) {
    long[] idx = index;
    int m = mask;
    // Backward-shift deletion: move later cells of the probe run into the gap where allowed.
    int gap = position;
    for (int j = (gap + 1) & m; ; j = (j + 1) & m) {
      long cell = idx[j];
      if (cell == 0) {
        break;
      }
      int want = home((int) (cell >>> 32));
      // The cell may move to the gap unless its home lies cyclically in (gap, j].
      if (((j - want) & m) >= ((j - gap) & m)) {
        idx[gap] = cell;
        gap = j;
      }
    }
    idx[gap] = 0;
  }

  /** Doubles the capacity (every slot is in use): slots keep their numbers; rebuilds the index. */
  private void grow() {
    capacity *= 2;
    meta = Arrays.copyOf(meta, capacity * 4);
    objs = Arrays.copyOf(objs, capacity * 2);
    index = new long[capacity * 2];
    mask = index.length - 1;
    shift = Integer.numberOfLeadingZeros(index.length) + 1;
    long[] idx = index;
    int m = mask;
    for (int s = 0; s < used; s++) {
      if (objs[2 * s] != null) {
        int h = meta[4 * s];
        int i = home(h);
        while (idx[i] != 0) {
          i = (i + 1) & m;
        }
        idx[i] = ((long) h << 32) | (s + 1L);
      }
    }
  }

  @SuppressWarnings("unchecked")
  K key(int slot) {
    return (K) objs[2 * slot];
  }

  int count(int slot) {
    return meta[4 * slot + 1];
  }

  @SuppressWarnings("unchecked")
  V value(int slot) {
    return (V) objs[2 * slot + 1];
  }

  void setValue(int slot, V value) {
    objs[2 * slot + 1] = value;
  }

  /** The number of occurrences. */
  long size() {
    return size;
  }

  /** The number of distinct elements. */
  int distinct() {
    return distinct;
  }

  /** The slot of the earliest arrived entry, or -1 if empty. */
  int first() {
    return first;
  }

  /** The slot of the entry that arrived after the one at {@code slot}, or -1. */
  int next(int slot) {
    return meta[4 * slot + 3];
  }

  /** Checks counts, sizes, the arrival chain, and that every live entry is found by its key. */
  void checkInvariants(String owner) {
    long total = 0;
    int live = 0;
    int before = NONE;
    for (int s = first; s != NONE; s = next(s)) {
      live++;
      if (live > used) {
        throw new AssertionError(owner + ": the arrival chain loops");
      }
      if (meta[4 * s + 2] != before) {
        throw new AssertionError(owner + ": broken back link at slot " + s);
      }
      if (key(s) == null || count(s) <= 0) {
        throw new AssertionError(owner + ": count " + count(s) + " for " + key(s));
      }
      if (find(key(s)) != s) {
        throw new AssertionError(owner + ": " + key(s) + " not indexed at its slot " + s);
      }
      total += count(s);
      before = s;
    }
    if (before != last) {
      throw new AssertionError(owner + ": last is " + last + ", the chain ends at " + before);
    }
    if (total != size) {
      throw new AssertionError(owner + ": size " + size + " but counts add up to " + total);
    }
    if (live != distinct) {
      throw new AssertionError(owner + ": " + distinct + " distinct but " + live + " chained");
    }
    int freeSlots = 0;
    for (int s = free; s != NONE; s = next(s)) {
      if (key(s) != null || ++freeSlots > used) {
        throw new AssertionError(owner + ": broken free list at slot " + s);
      }
    }
    if (live + freeSlots != used) {
      throw new AssertionError(owner + ": " + live + " live + " + freeSlots + " free != " + used);
    }
  }
}
