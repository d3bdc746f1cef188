package dev.incr.bench;

import dev.incr.annotations.Query;

/** One of the fanout's nodes: the source's input plus a constant. */
public abstract class GenFanNode implements IntValue {
  final GenFanSource source;
  final int k;

  /** Creates the node {@code source.a() + k}. */
  protected GenFanNode(GenFanSource source, int k) {
    this.source = source;
    this.k = k;
  }

  @Query
  @Override
  public int value() {
    return source.a() + k;
  }
}
