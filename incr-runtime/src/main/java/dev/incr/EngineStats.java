package dev.incr;

/**
 * Counters of an engine since it was created, and what it holds now.
 *
 * <p>The engine keeps no reference to a node it does not need (so that a node nothing refers to
 * any more is garbage collected), so it counts the nodes it created, not those still alive:
 * tracking each node's collection would cost a reference object per node, as much again as a var.
 * What it does hold is reported exactly: observed nodes and what they read ({@link
 * #necessaryNodes()}), the memo tables of parameterized queries and their entries (each entry is
 * a computed the table keeps alive), and the values held by {@link ValueLru} budgets. For the
 * nodes alive in part of the graph, and the bytes the engine's structures take for them, walk it
 * with {@link Engine#footprint(Node[])}.
 *
 * @param vars vars created
 * @param computeds computeds created (memo entries included)
 * @param runs first runs of computeds
 * @param reruns re-runs that produced a new value (re-runs of an evicted value whose dependencies
 *     changed included: with no old value to compare, they count as a change)
 * @param cutoffs re-runs that produced an equal value (early cutoff)
 * @param verifications computeds found up to date by checking their dependencies, without running
 * @param failures runs whose function threw
 * @param observedNodes nodes with at least one open observer, now
 * @param observers open observers ({@link Observation}s not closed), now
 * @param necessaryNodes nodes kept up to date by pushing changes, now: the observed ones and
 *     everything they read, transitively (each carries a small record of its readers)
 * @param memos memo tables of parameterized queries still reachable (one per query per object)
 * @param memoEntries entries in those tables, now: one computed per argument list kept
 * @param valuesHeld values held, now, by the computeds of every {@link ValueLru} budget
 * @param evictions values evicted by {@link ValueLru} budgets since the engine was created
 * @param restores runs that only brought back an evicted value (nothing the node read had
 *     changed; counted in none of {@code runs}, {@code reruns} and {@code cutoffs})
 */
public record EngineStats(
    long vars, long computeds, long runs, long reruns, long cutoffs, long verifications,
    long failures, long observedNodes, long observers, long necessaryNodes, long memos,
    long memoEntries, long valuesHeld, long evictions, long restores) {

  /**
   * The counters alone, with nothing held: every figure of what the engine holds now is 0.
   *
   * @param vars vars created
   * @param computeds computeds created
   * @param runs first runs of computeds
   * @param reruns re-runs that produced a new value
   * @param cutoffs re-runs that produced an equal value (early cutoff)
   * @param verifications computeds found up to date without running
   * @param failures runs whose function threw
   */
  public EngineStats(long vars, long computeds, long runs, long reruns, long cutoffs,
      long verifications, long failures) {
    this(vars, computeds, runs, reruns, cutoffs, verifications, failures, 0, 0, 0, 0, 0, 0, 0, 0);
  }
}
