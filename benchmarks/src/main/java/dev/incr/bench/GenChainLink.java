package dev.incr.bench;

import dev.incr.annotations.Query;

/** One link of a generated chain: its predecessor's value plus one. */
public abstract class GenChainLink implements IntValue {
  final IntValue previous;

  /** Creates a link reading {@code previous}. */
  protected GenChainLink(IntValue previous) {
    this.previous = previous;
  }

  @Query
  @Override
  public int value() {
    return previous.value() + 1;
  }
}
