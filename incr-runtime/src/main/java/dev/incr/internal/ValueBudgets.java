package dev.incr.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;

/**
 * The value budgets ({@link ValueLruRing}) of one engine: the ones made by {@code valueLru(n)}
 * (held weakly: a budget lives as long as a node or the program refers to it), the ones of
 * argument-less queries by query name, the budgets left over their maximum until the current read
 * ends, and the engine-wide counts of evictions and restores.
 *
 * <p>Creating a budget may happen on any thread (it holds this object's lock); everything else is
 * the engine's algorithm, under the concurrent engine's lock.
 */
final class ValueBudgets {

  private final EngineCore engine;
  private final ArrayList<WeakReference<ValueLruRing>> made = new ArrayList<>();
  /** The budgets of argument-less queries, by query; made on demand. */
  private HashMap<String, ValueLruRing> shared;
  /** Budgets holding more than they allow until the current read ends, or null. */
  ArrayList<ValueLruRing> overBudget;
  long evictions;
  long restores;

  ValueBudgets(EngineCore engine) {
    this.engine = engine;
  }

  /** A new budget; {@code call} names what asked for it, for the error on a bad maximum. */
  synchronized ValueLruRing create(int maxValues, String call) {
    if (maxValues < 1) {
      throw new IllegalArgumentException(call + ": a budget must hold at least one value; pass 1"
          + " or more.");
    }
    ValueLruRing ring = new ValueLruRing(engine, maxValues);
    if (made.size() >= 16 && Integer.bitCount(made.size()) == 1) {
      made.removeIf(r -> r.get() == null);
    }
    made.add(new WeakReference<>(ring));
    return ring;
  }

  /** The budget named {@code key}, made with {@code maxValues} on first use. */
  synchronized ValueLruRing shared(String key, int maxValues) {
    if (shared == null) {
      shared = new HashMap<>();
    }
    ValueLruRing ring = shared.get(key);
    if (ring == null) {
      ring = create(maxValues, "@Query(lru = " + maxValues + ") on " + key);
      shared.put(key, ring);
    }
    return ring;
  }

  /** The values held now by every live budget. */
  synchronized long held() {
    long held = 0;
    for (WeakReference<ValueLruRing> r : made) {
      ValueLruRing ring = r.get();
      if (ring != null) {
        held += ring.valuesHeld();
      }
    }
    return held;
  }

  /**
   * {@code ring} holds more values than it allows because the nodes it could evict were being
   * verified or run, or are necessary: it is trimmed when the read or the flush ends, or an
   * observer closes ({@link #trim}).
   */
  void overBudget(ValueLruRing ring) {
    if (overBudget == null) {
      overBudget = new ArrayList<>(2);
    }
    if (!overBudget.contains(ring)) {
      overBudget.add(ring);
    }
  }

  /** Trims the budgets left over their maximum, keeping the value of {@code keep} (may be null). */
  void trim(ComputedNode<?> keep) {
    LruComputedNode<?> kept = keep instanceof LruComputedNode ? (LruComputedNode<?>) keep : null;
    ArrayList<ValueLruRing> rings = overBudget;
    overBudget = null;
    for (ValueLruRing ring : rings) {
      if (!ring.trim(kept)) {
        overBudget(ring); // still in use (necessary nodes): trimmed again later
      }
    }
  }
}
