package dev.incr.bench;

import dev.incr.annotations.Query;

/** The fanout's sum over all its nodes. */
public abstract class GenFanSum implements IntValue {
  final IntValue[] nodes;

  /** Creates the sum of {@code nodes}. */
  protected GenFanSum(IntValue[] nodes) {
    this.nodes = nodes.clone();
  }

  @Query
  @Override
  public int value() {
    int s = 0;
    for (IntValue node : nodes) {
      s += node.value();
    }
    return s;
  }
}
