package dev.incr.bench;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;

/** An annotated input plus one query ({@code input + 1}): the bottom of generated chains. */
public abstract class GenChainInput implements IntValue {
  @Input int input;

  @Query
  @Override
  public int value() {
    return input + 1;
  }
}
