package dev.incr;

/**
 * Counters of an engine since it was created.
 *
 * @param vars vars created
 * @param computeds computeds created
 * @param runs first runs of computeds
 * @param reruns re-runs that produced a new value
 * @param cutoffs re-runs that produced an equal value (early cutoff)
 * @param verifications computeds found up to date by checking their dependencies, without running
 * @param failures runs whose function threw
 */
public record EngineStats(
    long vars, long computeds, long runs, long reruns, long cutoffs, long verifications,
    long failures) {}
