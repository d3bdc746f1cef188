package dev.incr.support;

import dev.incr.Engine;
import dev.incr.ValueLru;
import dev.incr.internal.MemoryAccounting;

/**
 * The value budget of an argument-less query declared with {@code @Query(lru = n)}: one {@link
 * ValueLru} per query per engine, shared by every object of the class, so that at most {@code n}
 * of those objects hold the query's value at a time. For generated code; not for direct use.
 */
public final class QueryValueLru {

  private QueryValueLru() {}

  /**
   * Returns the budget of {@code query} on {@code engine}, created with {@code maxValues} on its
   * first use.
   *
   * @param engine the engine that owns the query's nodes
   * @param query the query's class and method, such as {@code com.example.Rect.area()}: unique
   *     per query
   * @param maxValues the most values held, at least 1
   * @return the budget to pass to {@link Engine#computed(java.util.function.Supplier, ValueLru)}
   * @throws IllegalArgumentException if {@code maxValues} is less than 1, or {@code engine} is not
   *     one made by {@link Engine#singleThreaded()} or {@link Engine#concurrent()}
   */
  public static ValueLru shared(Engine engine, String query, int maxValues) {
    return MemoryAccounting.sharedValueLru(engine, query, maxValues);
  }
}
