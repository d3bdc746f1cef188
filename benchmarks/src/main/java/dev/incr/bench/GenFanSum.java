package dev.incr.bench;

import dev.incr.annotations.Query;

/** The sum over all its nodes, at the bottom of the generated fan-out and diamond. */
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
