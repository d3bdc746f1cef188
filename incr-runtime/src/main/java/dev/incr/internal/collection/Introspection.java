package dev.incr.internal.collection;

import dev.incr.IncrCollection;

/** Test hooks into collections. Not API. */
public final class Introspection {
  private Introspection() {}

  /**
   * The number of change-log entries queued for the readers of {@code collection} and not consumed
   * yet: what its logs retain.
   */
  public static long retainedLogEntries(IncrCollection<?> collection) {
    return stage(collection).out.retainedEntries();
  }

  /**
   * The number of readers (derived collections, aggregates) {@code collection} queues changes for:
   * readers that were garbage-collected are not counted.
   */
  public static int readerCount(IncrCollection<?> collection) {
    return stage(collection).out.readerCount();
  }

  /** The number of changes {@code collection} has emitted so far (its output deltas). */
  public static long emittedChanges(IncrCollection<?> collection) {
    return stage(collection).out.emitted();
  }

  /**
   * Checks the internal invariants of {@code collection}: materialized counts, and for a sorted
   * collection its order-statistic tree. Throws {@link AssertionError} on a breach. Call it outside
   * computations.
   */
  public static void checkInvariants(IncrCollection<?> collection) {
    stage(collection).checkInvariants();
  }

  private static Stage<?> stage(IncrCollection<?> collection) {
    if (!(collection instanceof Stage)) {
      throw new IllegalArgumentException(collection + " is not an incr collection");
    }
    return (Stage<?>) collection;
  }
}
