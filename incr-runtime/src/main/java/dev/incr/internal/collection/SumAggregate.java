package dev.incr.internal.collection;

import dev.incr.DoubleComputed;
import java.math.BigInteger;
import java.util.function.ToDoubleFunction;

/**
 * {@code sum}: an exact running sum. Every finite double is an integer multiple of 2^-1074 (the
 * least subnormal), so finite values are accumulated exactly as a {@link BigInteger} count of
 * 2^-1074 units: additions and removals cancel exactly, and the result is the correctly rounded sum
 * of the live values. NaNs and infinities are counted apart. O(1) per change (an addition of at
 * most 2,100 bits).
 *
 * <p>A fixed binary point rather than {@code BigDecimal}: adding decimals of different scales
 * multiplies by powers of ten, and {@code BigDecimal.doubleValue} goes through a decimal string.
 *
 * <p>The node is a {@link DoubleComputed} (so not an {@link Aggregate}, whose node is boxed): its
 * value is stored and compared unboxed ({@link Double#compare}, so a NaN sum is an early cutoff
 * for a NaN sum).
 */
final class SumAggregate<T> {
  private static final int UNIT_EXPONENT = -1074;
  private static final long MANTISSA_MASK = (1L << 52) - 1;

  private final ToDoubleFunction<? super T> value;
  private final InputReader<T> changes;
  private final DoubleComputed node;
  /** The sum of the finite values, in units of 2^-1074. */
  private BigInteger finite = BigInteger.ZERO;

  private long nans;
  private long positiveInfinities;
  private long negativeInfinities;

  SumAggregate(Stage<T> input, ToDoubleFunction<? super T> value) {
    this.value = value;
    this.changes = new InputReader<>(input);
    this.node = input.engine.computedDouble(this::run);
    node.label("sum(" + input.label() + ")");
  }

  DoubleComputed node() {
    return node;
  }

  private double run() {
    Inbox<T> in = changes.catchUp();
    while (!in.isEmpty()) {
      apply(in.peekElement(), in.peekWeight());
      in.pop();
    }
    return value();
  }

  /** Applies one change atomically: {@code value} runs before anything is changed. */
  private void apply(T element, int weight) {
    double v = value.applyAsDouble(element);
    if (Double.isNaN(v)) {
      nans += weight;
    } else if (v == Double.POSITIVE_INFINITY) {
      positiveInfinities += weight;
    } else if (v == Double.NEGATIVE_INFINITY) {
      negativeInfinities += weight;
    } else if (v != 0) {
      BigInteger units = units(v);
      finite = (v > 0) == (weight > 0) ? finite.add(units) : finite.subtract(units);
    }
  }

  /** |v| in units of 2^-1074, exactly. */
  static BigInteger units(double v) {
    long bits = Double.doubleToRawLongBits(v);
    int biased = (int) ((bits >>> 52) & 0x7ff);
    long mantissa = bits & MANTISSA_MASK;
    if (biased == 0) {
      return BigInteger.valueOf(mantissa); // subnormal: mantissa * 2^-1074
    }
    // Normal: (2^52 + mantissa) * 2^(biased - 1075) = (2^52 + mantissa) << (biased - 1) units.
    return BigInteger.valueOf(mantissa | (1L << 52)).shiftLeft(biased - 1);
  }

  /** {@code units} * 2^-1074, correctly rounded to the nearest double (ties to even). */
  static double toDouble(BigInteger units) {
    int sign = units.signum();
    if (sign == 0) {
      return 0.0;
    }
    BigInteger x = units.abs();
    int bits = x.bitLength();
    double magnitude;
    if (bits <= 53) {
      // Below 2^53 units every value is a double (subnormals and the lowest normals): exact.
      magnitude = Math.scalb((double) x.longValue(), UNIT_EXPONENT);
    } else {
      // Keep 55 bits (53 + a rounding bit + a sticky bit), let the conversion round once, then
      // scale by a power of two: exact, since the result is normal (or overflows to infinity).
      int shift = bits - 55;
      long top = x.shiftRight(shift).longValue();
      if (shift > 0 && x.getLowestSetBit() < shift) {
        top |= 1;
      }
      magnitude = Math.scalb((double) top, shift + UNIT_EXPONENT);
    }
    return sign < 0 ? -magnitude : magnitude;
  }

  /** The current sum. */
  private double value() {
    if (nans > 0 || (positiveInfinities > 0 && negativeInfinities > 0)) {
      return Double.NaN;
    }
    if (positiveInfinities > 0) {
      return Double.POSITIVE_INFINITY;
    }
    if (negativeInfinities > 0) {
      return Double.NEGATIVE_INFINITY;
    }
    return toDouble(finite);
  }
}
