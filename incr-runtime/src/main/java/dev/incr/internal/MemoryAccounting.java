package dev.incr.internal;

import dev.incr.Engine;
import dev.incr.ValueLru;
import dev.incr.support.QueryMemo;

/**
 * The entry points {@code dev.incr.support} uses to tell an engine about the memory it holds for
 * generated code: memo tables (counted in {@link Engine#stats()}) and the value budgets of
 * argument-less queries, one per query per engine. Engines that are not incr's own (a proxy, a
 * decorator) are left alone or refused.
 */
public final class MemoryAccounting {

  private MemoryAccounting() {}

  /** Counts {@code memo} in the stats of {@code engine} (while the memo is reachable). */
  public static void registerMemo(Engine engine, QueryMemo<?> memo) {
    if (engine instanceof EngineCore) {
      ((EngineCore) engine).memos.add(memo);
    }
  }

  /**
   * Returns the value budget {@code key} of {@code engine}, creating it with {@code maxValues} on
   * first use: every object of one class shares its query's budget.
   *
   * @throws IllegalArgumentException if {@code engine} is not an engine made by {@link
   *     Engine#singleThreaded()} or {@link Engine#concurrent()}, or if {@code maxValues} is less
   *     than 1
   */
  public static ValueLru sharedValueLru(Engine engine, String key, int maxValues) {
    if (!(engine instanceof EngineCore)) {
      throw new IllegalArgumentException("The values of " + key + " are bounded by a budget of"
          + " the engine, but " + engine + " is not an engine made by Engine.singleThreaded() or"
          + " Engine.concurrent(); pass one of those.");
    }
    return ((EngineCore) engine).budgets.shared(key, maxValues);
  }
}
