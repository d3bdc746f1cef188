package dev.incr.internal.collection;

import java.math.BigDecimal;
import java.util.function.ToDoubleFunction;

/**
 * {@code sum}: an exact running sum. Finite values are accumulated as {@link BigDecimal} (every
 * double converts exactly), so additions and removals cancel exactly and the result is the
 * correctly rounded sum of the live values; NaNs and infinities are counted apart. O(1) per change.
 */
final class SumAggregate<T> extends Aggregate<T, Double> {
  private final ToDoubleFunction<? super T> value;
  private BigDecimal finite = BigDecimal.ZERO;
  private long nans;
  private long positiveInfinities;
  private long negativeInfinities;

  SumAggregate(Stage<T> input, ToDoubleFunction<? super T> value) {
    super(input, "sum");
    this.value = value;
  }

  @Override
  void apply(T element, int weight) {
    double v = value.applyAsDouble(element);
    if (Double.isNaN(v)) {
      nans += weight;
    } else if (v == Double.POSITIVE_INFINITY) {
      positiveInfinities += weight;
    } else if (v == Double.NEGATIVE_INFINITY) {
      negativeInfinities += weight;
    } else if (v != 0) {
      BigDecimal d = new BigDecimal(v);
      finite = weight > 0 ? finite.add(d) : finite.subtract(d);
    }
  }

  @Override
  Double value() {
    if (nans > 0 || (positiveInfinities > 0 && negativeInfinities > 0)) {
      return Double.NaN;
    }
    if (positiveInfinities > 0) {
      return Double.POSITIVE_INFINITY;
    }
    if (negativeInfinities > 0) {
      return Double.NEGATIVE_INFINITY;
    }
    return finite.signum() == 0 ? 0.0 : finite.doubleValue();
  }
}
