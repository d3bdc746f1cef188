package dev.incr.bench;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;

/** An annotated input {@code x} and the query {@code min(x, LIMIT)}, for the cutoff workload. */
public abstract class GenClamp implements IntValue {
  @Input int x = CutoffBenchmark.LIMIT;

  @Query
  @Override
  public int value() {
    return Math.min(x, CutoffBenchmark.LIMIT);
  }
}
