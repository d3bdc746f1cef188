package dev.incr.bench;

import dev.incr.annotations.Query;

/** One middle node of the generated diamond: {@code a * times + plus} over the diamond's input. */
public abstract class GenDiamondMiddle implements IntValue {
  final GenFanSource source;
  final int times;
  final int plus;

  /** Creates the middle node {@code i} of {@link DiamondBenchmark}. */
  protected GenDiamondMiddle(GenFanSource source, int i) {
    this.source = source;
    this.times = DiamondBenchmark.times(i);
    this.plus = DiamondBenchmark.plus(i);
  }

  @Query
  @Override
  public int value() {
    return source.a() * times + plus;
  }
}
