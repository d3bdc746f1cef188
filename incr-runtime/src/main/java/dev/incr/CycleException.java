package dev.incr;

import java.util.List;

/**
 * Thrown when a computation reads, directly or through other computations, the node it is
 * computing. The engine stays usable: no node on the cycle keeps a half-computed value. A node whose
 * run failed with this exception, or caught it, keeps that outcome like a value: it re-runs when
 * something it read changes or when a node of the cycle has run again (the only way a cycle can be
 * broken), and not after writes that touch neither.
 */
public final class CycleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> cycle;

  /**
   * Creates the exception for the given cycle.
   *
   * @param cycle the labels of the nodes on the cycle, in reading order, starting and ending with
   *     the node that was read twice
   */
  public CycleException(List<String> cycle) {
    super("Cycle detected: " + String.join(" -> ", cycle)
        + ". A computation may not read its own value, directly or through other nodes;"
        + " break the cycle by reading an input instead.");
    this.cycle = List.copyOf(cycle);
  }

  /** Returns the labels of the nodes on the cycle, starting and ending with the same node. */
  public List<String> cycle() {
    return cycle;
  }
}
