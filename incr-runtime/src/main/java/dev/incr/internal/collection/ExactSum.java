package dev.incr.internal.collection;

/**
 * An exact running sum of finite doubles, kept in fixed point: every finite double is an integer
 * multiple of 2^-1074 (the least subnormal), so the sum is held as a two's-complement integer count
 * of 2^-1074 units, in 64-bit words, least significant first. Additions and removals cancel
 * exactly, and {@link #toDouble()} rounds the exact sum once (to nearest, ties to even).
 *
 * <p>Mutable and allocation-free after the first value: an addition or removal writes the two words the value's 53-bit
 * significand covers and propagates a carry (amortized O(1), at most {@link #WORDS} words); reading
 * scans for the highest nonzero word. {@code BigInteger} would allocate a 2,100-bit number per
 * change.
 *
 * <p>Magnitudes below 2^2098 units are finite doubles; {@link #WORDS} words (2,240 bits) hold any
 * sum of up to 2^63 such values with room for the sign.
 */
final class ExactSum {
  /** Words of the accumulator: 35 * 64 = 2,240 bits. */
  static final int WORDS = 35;

  private static final int UNIT_EXPONENT = -1074;
  private static final long SIGNIFICAND_MASK = (1L << 52) - 1;

  /**
   * The sum in units of 2^-1074, two's complement, least significant word first; null until the
   * first nonzero value (many sums, such as those of empty groups, never get one).
   */
  private long[] words;

  /** The magnitude while {@link #toDouble()} reads a negative sum; created for the first one. */
  private long[] scratch;

  /** Adds {@code v} (finite) to the sum if {@code weight > 0}, else subtracts it. */
  void add(double v, int weight) {
    long bits = Double.doubleToRawLongBits(v);
    int biased = (int) ((bits >>> 52) & 0x7ff);
    long significand = bits & SIGNIFICAND_MASK;
    // |v| = significand * 2^-1074 for a subnormal, else (2^52 + significand) << (biased - 1) units.
    int shift = 0;
    if (biased != 0) {
      significand |= 1L << 52;
      shift = biased - 1;
    }
    if (significand == 0) {
      return;
    }
    if (words == null) {
      words = new long[WORDS];
    }
    int word = shift >>> 6;
    int offset = shift & 63;
    long low = significand << offset;
    long high = offset == 0 ? 0 : significand >>> (64 - offset);
    if ((bits < 0) == (weight > 0)) {
      subtract(word, low, high);
    } else {
      add(word, low, high);
    }
  }

  /** Adds {@code high:low} at {@code word}, carrying upward. */
  private void add(int word, long low, long high) {
    long[] w = words;
    long before = w[word];
    long sum = before + low;
    long carry = Long.compareUnsigned(sum, before) < 0 ? 1 : 0;
    w[word] = sum;
    int i = word + 1;
    before = w[i];
    sum = before + high + carry;
    // high has at most 53 bits, so high + carry does not wrap: the sum wrapped iff it is below.
    carry = Long.compareUnsigned(sum, before) < 0 ? 1 : 0;
    w[i] = sum;
    for (i++; carry != 0 && i < WORDS; i++) {
      carry = ++w[i] == 0 ? 1 : 0;
    }
  }

  /** Subtracts {@code high:low} at {@code word}, borrowing upward. */
  private void subtract(int word, long low, long high) {
    long[] w = words;
    long before = w[word];
    long difference = before - low;
    long borrow = Long.compareUnsigned(before, low) < 0 ? 1 : 0;
    w[word] = difference;
    int i = word + 1;
    before = w[i];
    // high has at most 53 bits, so high + borrow does not wrap.
    long subtrahend = high + borrow;
    difference = before - subtrahend;
    borrow = Long.compareUnsigned(before, subtrahend) < 0 ? 1 : 0;
    w[i] = difference;
    for (i++; borrow != 0 && i < WORDS; i++) {
      borrow = w[i]-- == 0 ? 1 : 0;
    }
  }

  /** The sum, correctly rounded to the nearest double (ties to even); 0.0 when it is zero. */
  double toDouble() {
    long[] magnitude = words;
    if (magnitude == null) {
      return 0.0;
    }
    boolean negative = magnitude[WORDS - 1] < 0;
    if (negative) {
      if (scratch == null) {
        scratch = new long[WORDS];
      }
      magnitude = scratch;
      long carry = 1;
      for (int i = 0; i < WORDS; i++) {
        long x = ~words[i] + carry;
        carry = carry == 1 && x == 0 ? 1 : 0;
        magnitude[i] = x;
      }
    }
    int top = WORDS - 1;
    while (top >= 0 && magnitude[top] == 0) {
      top--;
    }
    if (top < 0) {
      return 0.0;
    }
    double result;
    if (top == 0 && magnitude[0] >= 0) {
      // Below 2^63 units: the conversion rounds once, and the scaling is exact (below 2^53 units
      // every value is a double, subnormals included; above, the result is normal).
      result = Math.scalb((double) magnitude[0], UNIT_EXPONENT);
    } else {
      // Keep 55 bits (53 + a rounding bit + a sticky bit), let the conversion round once, then
      // scale by a power of two: exact, since the result is normal (or overflows to infinity).
      int bitLength = 64 * top + 64 - Long.numberOfLeadingZeros(magnitude[top]);
      int shift = bitLength - 55;
      int word = shift >>> 6;
      int offset = shift & 63;
      long bits = magnitude[word] >>> offset;
      if (offset != 0 && word + 1 < WORDS) {
        bits |= magnitude[word + 1] << (64 - offset);
      }
      bits &= (1L << 55) - 1;
      boolean sticky = offset != 0 && (magnitude[word] & ((1L << offset) - 1)) != 0;
      for (int i = 0; i < word && !sticky; i++) {
        sticky = magnitude[i] != 0;
      }
      if (sticky) {
        bits |= 1;
      }
      result = Math.scalb((double) bits, shift + UNIT_EXPONENT);
    }
    return negative ? -result : result;
  }
}
