package dev.incr.internal;

import dev.incr.Engine;
import dev.incr.ValueLru;
import java.util.Arrays;

/**
 * A {@link ValueLru}: the computeds of one budget that hold their value, in a CLOCK ring. A node
 * enters the ring when it stores a value ({@link LruComputedNode}) with a use count of 0; each
 * read raises the count, up to {@link #MAX_USES}, without a lock. When the ring holds more than
 * {@link #maxValues} nodes, the hand sweeps it: a node with uses left has one taken away and is
 * passed over, and the first one with none that may be evicted loses its value and leaves the
 * ring. Two levels rather than one flag keep a value read again and again ahead of values read
 * once (with one flag, the read that follows each run would make every value look as recent).
 *
 * <p>Everything but the flag is touched only by the engine's algorithm (under the concurrent
 * engine's lock): a node enters the ring at the end of a run and leaves it when evicted.
 *
 * <p>Not evicted: necessary nodes (observed, or read by an observed node: pushing changes reads
 * and compares their values), nodes being verified or run, and the node entering the ring. A ring
 * left over its maximum because its other nodes were being verified or run tells the engine,
 * which trims it when the read that verified them ends ({@link ValueBudgets#overBudget}).
 */
final class ValueLruRing implements ValueLru {

  /** The value of a node whose value was evicted. */
  static final Object EVICTED = new Object() {
    @Override
    public String toString() {
      return "(value evicted)";
    }
  };

  /** The most uses a node accumulates: the hand passes it over that many times. */
  static final byte MAX_USES = 2;

  private final EngineCore engine;
  private final int maxValues;
  private LruComputedNode<?>[] ring;
  private int size;
  private int hand;
  private long evictions;
  private long restores;

  ValueLruRing(EngineCore engine, int maxValues) {
    this.engine = engine;
    this.maxValues = maxValues;
    this.ring = new LruComputedNode<?>[Math.min(maxValues, 16) + 1];
  }

  @Override
  public Engine engine() {
    return engine;
  }

  @Override
  public int maxValues() {
    return maxValues;
  }

  @Override
  public int valuesHeld() {
    return size;
  }

  @Override
  public long evictions() {
    return evictions;
  }

  @Override
  public long restores() {
    return restores;
  }

  /** The length of the ring's array, for footprints. */
  int capacity() {
    return ring.length;
  }

  /** {@code node} ran again only to get back its evicted value. */
  void restored() {
    restores++;
  }

  /**
   * {@code node} has just stored a value: it joins the ring if it was not in it, and while the
   * ring is over its maximum, values of others are evicted (as far as they may be).
   */
  void held(LruComputedNode<?> node) {
    if (node.slot < 0) {
      if (size == ring.length) {
        ring = Arrays.copyOf(ring, size * 2);
      }
      node.slot = size;
      node.uses = 0;
      ring[size++] = node;
    }
    // Also when the node was in the ring already: while it ran, it could not be evicted.
    if (!trim(node)) {
      engine.budgets.overBudget(this);
    }
  }

  /**
   * Evicts values, but not that of {@code keep} (may be null), while the ring holds more than its
   * maximum; returns false if it still does (the others may not be evicted now).
   */
  boolean trim(LruComputedNode<?> keep) {
    while (size > maxValues) {
      LruComputedNode<?> victim = victim(keep);
      if (victim == null) {
        return false;
      }
      remove(victim);
      victim.evict();
      evictions++;
      engine.budgets.evictions++;
    }
    return true;
  }

  /**
   * The node the hand stops at: the first that may be evicted with no uses left; null if no node
   * may be evicted (the turns that take every use away find none).
   */
  private LruComputedNode<?> victim(LruComputedNode<?> keep) {
    for (int steps = (MAX_USES + 1) * size; steps > 0; steps--) {
      if (hand >= size) {
        hand = 0;
      }
      LruComputedNode<?> n = ring[hand];
      if (n != keep && n.necessity() == null && !ComputedNode.inProgress(n.verifiedAt)) {
        if (n.uses == 0) {
          return n;
        }
        n.uses--;
      }
      hand++;
    }
    return null;
  }

  /** The node at {@code slot} (for the invariant checks). */
  LruComputedNode<?> at(int slot) {
    return ring[slot];
  }

  /** How many nodes in the ring are necessary (for the invariant checks). */
  int necessaryHeld() {
    int count = 0;
    for (int i = 0; i < size; i++) {
      if (ring[i].necessity() != null) {
        count++;
      }
    }
    return count;
  }

  /** Takes {@code node} out of the ring; the last node takes its slot. */
  private void remove(LruComputedNode<?> node) {
    int slot = node.slot;
    LruComputedNode<?> last = ring[--size];
    ring[slot] = last;
    last.slot = slot;
    ring[size] = null;
    node.slot = -1;
  }

  @Override
  public String toString() {
    return "ValueLru(" + size + " of " + maxValues + " values held)";
  }
}
