package dev.incr;

/**
 * A budget of memoized values: at most {@link #maxValues()} of the computeds created with it
 * ({@link Engine#computed(java.util.function.Supplier, ValueLru)}) hold their value at a time.
 * Create one with {@link Engine#valueLru(int)}; every computed created with the same budget shares
 * it.
 *
 * <pre>{@code
 * ValueLru reports = engine.valueLru(1_000);       // at most 1,000 reports held
 * Computed<Report> report = engine.computed(() -> render(doc.get()), reports);
 * }</pre>
 *
 * <p><b>What eviction keeps.</b> When a computed of the budget stores a value and the budget is
 * full, the value of one that has not been read recently is dropped (the CLOCK approximation of
 * least-recently-used: a read only sets a flag). The evicted computed keeps its dependencies and
 * its revisions, so it still takes part in verification like any other node: readers above it are
 * verified against the revision its value last changed at, without needing the value. When its
 * value is read again:
 *
 * <ul>
 *   <li>if nothing it read has changed, it runs again to get its value back, and the value counts
 *       as unchanged (its change revision stays): nothing that read it re-runs because of this;
 *   <li>if something it read has changed, it runs again as any computed would, but with no old
 *       value to compare the result with, the result counts as a change: readers that would
 *       otherwise have been spared by early cutoff re-run.
 * </ul>
 *
 * <p>Functions must therefore be pure: a value brought back is taken to equal the one dropped.
 *
 * <p><b>What is not evicted.</b> Observed computeds, and the computeds an observed one reads
 * (transitively), keep their values while observed: pushing a change to observers compares and
 * reads them. (A value evicted before its node was observed comes back when the observation or the
 * push reads it.) A computed whose function is running or being verified keeps its value until
 * that is done. So while more nodes of the budget than {@link #maxValues()} are observed or in
 * use, more values are held; the budget evicts down to its maximum once they are no longer (when
 * the read that used them ends, or the observer closes).
 *
 * <p>The budget keeps a reference to each node whose value it holds, so a held node stays
 * reachable until it is evicted: at most {@link #maxValues()} nodes (plus the observed ones) are
 * kept alive that way. Only boxed computeds take a budget: an {@code int}, {@code long} or {@code
 * double} node holds no value on the heap to free. The counts of every budget of an engine are
 * summed in {@link Engine#stats()}.
 *
 * <p>On a concurrent engine the budget is thread-safe: reads of up-to-date values take no lock.
 * A read that finds the value evicted takes the engine's lock to bring it back: the function runs
 * again outside the lock when it is the node the read asked for, as any computation a read starts
 * does, and otherwise (a restore nested in another run under the lock, or in a batch, a push or a
 * trace) while holding the lock, so such a function may hold up other threads' writes and
 * recomputations for as long as it runs. A computation that reads an evicted value gets it as of
 * the revision it runs at, or is cancelled and started over like on any other read. The accessors
 * below read the figures without the lock, so from another thread they may lag a run in progress.
 */
public interface ValueLru {

  /** The engine the budget belongs to. */
  Engine engine();

  /** The most values held at a time, beyond those that cannot be evicted. */
  int maxValues();

  /** How many of the budget's computeds hold their value now. */
  int valuesHeld();

  /** How many values the budget has evicted since it was created. */
  long evictions();

  /**
   * How many times a computed of the budget ran again only to get back its evicted value (nothing
   * it read had changed), since the budget was created.
   */
  long restores();
}
