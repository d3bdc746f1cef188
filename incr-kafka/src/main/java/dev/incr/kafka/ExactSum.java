package dev.incr.kafka;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * An exact sum of doubles, as an immutable value that can be stored and sent: the finite values are
 * added without rounding (every finite double is a decimal with finitely many digits), NaNs and
 * infinities are counted apart, and {@link #toDouble()} rounds the exact sum once, to the nearest
 * double. So subtracting a value restores exactly the sum without it, in any order, on any machine:
 * the sum a pipeline keeps per group on Kafka reads the same as {@link dev.incr.IncrCollection#sum}
 * computes in-process.
 *
 * <p>Usable on both sides: as the state of a distributed sum, and in-process as the accumulator of
 * an invertible reduce, {@code reduce(ExactSum.ZERO, (s, x) -> s.plus(x.amount()), (s, x) ->
 * s.minus(x.amount()))}. {@link #encode()} and {@link #decode(byte[])} give its bytes; {@link
 * Codec#records()} writes it too.
 */
public final class ExactSum {

  /** The empty sum: {@link #toDouble()} is 0.0. */
  public static final ExactSum ZERO = new ExactSum(BigDecimal.ZERO, 0, 0, 0);

  private final BigDecimal finite;
  private final long nans;
  private final long positiveInfinities;
  private final long negativeInfinities;

  private ExactSum(BigDecimal finite, long nans, long positiveInfinities, long negativeInfinities) {
    this.finite = finite.signum() == 0 ? BigDecimal.ZERO : finite.stripTrailingZeros();
    this.nans = nans;
    this.positiveInfinities = positiveInfinities;
    this.negativeInfinities = negativeInfinities;
  }

  /** Returns this sum with {@code value} added. */
  public ExactSum plus(double value) {
    return add(value, 1);
  }

  /**
   * Returns this sum with {@code value} taken away: the inverse of {@link #plus}, so {@code
   * s.plus(x).minus(x)} equals {@code s}.
   */
  public ExactSum minus(double value) {
    return add(value, -1);
  }

  /** Returns this sum with {@code value} added {@code times} times (taken away if negative). */
  public ExactSum plus(double value, long times) {
    return add(value, times);
  }

  private ExactSum add(double value, long times) {
    if (times == 0) {
      return this;
    }
    if (Double.isNaN(value)) {
      return new ExactSum(finite, nans + times, positiveInfinities, negativeInfinities);
    }
    if (value == Double.POSITIVE_INFINITY) {
      return new ExactSum(finite, nans, positiveInfinities + times, negativeInfinities);
    }
    if (value == Double.NEGATIVE_INFINITY) {
      return new ExactSum(finite, nans, positiveInfinities, negativeInfinities + times);
    }
    if (value == 0) {
      return this;
    }
    BigDecimal delta = new BigDecimal(value).multiply(BigDecimal.valueOf(times));
    return new ExactSum(finite.add(delta), nans, positiveInfinities, negativeInfinities);
  }

  /**
   * Returns the sum rounded once to the nearest double (ties to even), following IEEE rules for
   * NaN and infinities: any NaN, or both infinities, give NaN. The empty sum is 0.0.
   */
  public double toDouble() {
    if (nans > 0 || (positiveInfinities > 0 && negativeInfinities > 0)) {
      return Double.NaN;
    }
    if (positiveInfinities > 0) {
      return Double.POSITIVE_INFINITY;
    }
    if (negativeInfinities > 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (finite.signum() == 0) {
      return 0.0;
    }
    // The exact decimal, parsed: Double.parseDouble rounds correctly (ties to even) on every JDK,
    // which BigDecimal.doubleValue does not guarantee before JDK 19.
    return Double.parseDouble(finite.toString());
  }

  /** Returns the bytes of this sum; {@link #decode(byte[])} reads them back. */
  public byte[] encode() {
    byte[] unscaled = finite.unscaledValue().toByteArray();
    return ByteBuffer.allocate(28 + unscaled.length)
        .putLong(nans)
        .putLong(positiveInfinities)
        .putLong(negativeInfinities)
        .putInt(finite.scale())
        .put(unscaled)
        .array();
  }

  /**
   * Returns the sum {@link #encode()} wrote as {@code bytes}.
   *
   * @throws IllegalArgumentException if {@code bytes} are too short to be an encoded sum
   */
  public static ExactSum decode(byte[] bytes) {
    if (bytes.length < 29) {
      throw new IllegalArgumentException(
          "not an encoded ExactSum: " + bytes.length + " bytes, at least 29 expected");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    long nans = in.getLong();
    long positive = in.getLong();
    long negative = in.getLong();
    int scale = in.getInt();
    byte[] unscaled = new byte[in.remaining()];
    in.get(unscaled);
    return new ExactSum(new BigDecimal(new BigInteger(unscaled), scale), nans, positive, negative);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExactSum s
        && finite.equals(s.finite)
        && nans == s.nans
        && positiveInfinities == s.positiveInfinities
        && negativeInfinities == s.negativeInfinities;
  }

  @Override
  public int hashCode() {
    return finite.hashCode() * 31
        + Long.hashCode(nans * 961 + positiveInfinities * 31 + negativeInfinities);
  }

  /** Returns the exact sum and, if any, the counts of NaNs and infinities in it. */
  @Override
  public String toString() {
    String s = finite.toPlainString();
    if (nans != 0 || positiveInfinities != 0 || negativeInfinities != 0) {
      s += " (NaN x" + nans + ", +Inf x" + positiveInfinities + ", -Inf x" + negativeInfinities + ")";
    }
    return "ExactSum[" + s + "]";
  }
}
