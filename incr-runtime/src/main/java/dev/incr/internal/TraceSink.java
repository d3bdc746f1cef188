package dev.incr.internal;

/** Receives the engine's recomputation events while a trace or a flight recording is on. */
interface TraceSink {

  /** Whether events are wanted right now; when not, the engine takes its untraced path. */
  boolean active();

  /** A computed was found up to date without running. */
  void verified(ComputedNode<?> node, long revision);

  /**
   * A computed's function ran.
   *
   * @param cause the dependency whose change made it re-run, or null (first run, or forced)
   * @param firstRun whether it had never completed before
   * @param changed whether the value changed (false: cut off)
   * @param failure what the function threw, or null
   */
  void ran(ComputedNode<?> node, AbstractNode<?> cause, boolean firstRun, boolean changed,
      Throwable failure, long nanos, long revision);

  /** A computed whose value was evicted ran again to get it back (nothing it read changed). */
  void restored(ComputedNode<?> node, long nanos, long revision);
}
