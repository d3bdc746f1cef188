package dev.incr.internal.collection;

/**
 * An exact running sum of finite doubles, kept in fixed point: every finite double is an integer
 * multiple of 2^-1074 (the least subnormal), so the sum is held as a two's-complement integer count
 * of 2^-1074 units, in 64-bit words. Additions and removals cancel exactly, and {@link
 * #toDouble()} rounds the exact sum once (to nearest, ties to even).
 *
 * <p>The whole number spans {@link #WORDS} words (2,240 bits: any sum of up to 2^63 finite doubles
 * with room for the sign), but only a window of them is stored: the words below the window are
 * zero (no value added reaches them) and the words above it repeat the window's top word, which
 * is always a pure sign word (0 or -1). Values of similar magnitude touch the same two or three
 * words, so a typical sum stores three or four words instead of 35; the window widens when a value
 * or a carry needs it and never narrows.
 *
 * <p>Mutable and allocation-free once its window covers the values summed: an addition or removal
 * writes the two words the value's 53-bit significand covers and propagates a carry (amortized
 * O(1)); reading scans for the highest nonzero word. {@code BigInteger} would allocate a
 * 2,100-bit number per change.
 */
final class ExactSum {
  /** Words of the whole number: 35 * 64 = 2,240 bits. */
  static final int WORDS = 35;

  private static final int UNIT_EXPONENT = -1074;
  private static final long SIGNIFICAND_MASK = (1L << 52) - 1;

  /**
   * The stored window of the sum, least significant word first, its last word a pure sign word;
   * null until the first nonzero value (many sums, such as those of empty groups, never get one).
   */
  private long[] words;
  /** The index, in the whole number, of {@code words[0]}. */
  private int base;

  /** The magnitude while {@link #toDouble()} reads a negative sum; reused while large enough. */
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
    int word = shift >>> 6;
    // The value's two words, and above them the pure sign word that takes a carry or borrow.
    cover(word, word + 3);
    int offset = shift & 63;
    long low = significand << offset;
    long high = offset == 0 ? 0 : significand >>> (64 - offset);
    long[] w = words;
    int top = w.length - 1;
    long sign = w[top];
    if ((bits < 0) == (weight > 0)) {
      subtract(w, word - base, low, high);
    } else {
      add(w, word - base, low, high);
    }
    if (w[top] != 0 && w[top] != -1) {
      // A carry or borrow stopped in the sign word: the words above kept the old sign.
      cover(base, base + w.length + 1);
      words[words.length - 1] = sign;
    }
  }

  /**
   * Widens the window to cover the whole-number words {@code from} (inclusive) to {@code to}
   * (exclusive): zeros below, copies of the sign word above.
   */
  private void cover(int from, int to) {
    long[] w = words;
    if (w == null) {
      words = new long[to - from];
      base = from;
      return;
    }
    int end = base + w.length;
    if (from >= base && to <= end) {
      return;
    }
    int newBase = Math.min(base, from);
    int newEnd = Math.max(end, to);
    long[] grown = new long[newEnd - newBase];
    System.arraycopy(w, 0, grown, base - newBase, w.length);
    long sign = w[w.length - 1];
    for (int i = end - newBase; i < grown.length; i++) {
      grown[i] = sign;
    }
    words = grown;
    base = newBase;
  }

  /**
   * Adds {@code high:low} at window index {@code i}, carrying upward; a carry out of the top
   * (a -1 sign word turning 0) runs on through the words above, which all turn 0 with it.
   */
  private static void add(long[] w, int i, long low, long high) {
    long before = w[i];
    long sum = before + low;
    long carry = Long.compareUnsigned(sum, before) < 0 ? 1 : 0;
    w[i] = sum;
    i++;
    before = w[i];
    sum = before + high + carry;
    // high has at most 53 bits, so high + carry does not wrap: the sum wrapped iff it is below.
    carry = Long.compareUnsigned(sum, before) < 0 ? 1 : 0;
    w[i] = sum;
    for (i++; carry != 0 && i < w.length; i++) {
      carry = ++w[i] == 0 ? 1 : 0;
    }
  }

  /**
   * Subtracts {@code high:low} at window index {@code i}, borrowing upward; a borrow out of the top
   * (a 0 sign word turning -1) runs on through the words above, which all turn -1 with it.
   */
  private static void subtract(long[] w, int i, long low, long high) {
    long before = w[i];
    long difference = before - low;
    long borrow = Long.compareUnsigned(before, low) < 0 ? 1 : 0;
    w[i] = difference;
    i++;
    before = w[i];
    // high has at most 53 bits, so high + borrow does not wrap.
    long subtrahend = high + borrow;
    difference = before - subtrahend;
    borrow = Long.compareUnsigned(before, subtrahend) < 0 ? 1 : 0;
    w[i] = difference;
    for (i++; borrow != 0 && i < w.length; i++) {
      borrow = w[i]-- == 0 ? 1 : 0;
    }
  }

  /** How many words the window stores (for tests: a sum of similar values stays small). */
  int wordsHeld() {
    return words == null ? 0 : words.length;
  }

  /** The sum, correctly rounded to the nearest double (ties to even); 0.0 when it is zero. */
  double toDouble() {
    long[] magnitude = words;
    if (magnitude == null) {
      return 0.0;
    }
    int length = magnitude.length;
    boolean negative = magnitude[length - 1] < 0;
    if (negative) {
      // Two's complement negation of the window alone: the words below it are zero and stay zero.
      if (scratch == null || scratch.length < length) {
        scratch = new long[length];
      }
      magnitude = scratch;
      long carry = 1;
      for (int i = 0; i < length; i++) {
        long x = ~words[i] + carry;
        carry = carry == 1 && x == 0 ? 1 : 0;
        magnitude[i] = x;
      }
    }
    int top = length - 1;
    while (top >= 0 && magnitude[top] == 0) {
      top--;
    }
    if (top < 0) {
      return 0.0;
    }
    double result;
    if (base + top == 0 && magnitude[top] >= 0) {
      // Below 2^63 units: the conversion rounds once, and the scaling is exact (below 2^53 units
      // every value is a double, subnormals included; above, the result is normal).
      result = Math.scalb((double) magnitude[0], UNIT_EXPONENT);
    } else {
      // Keep 55 bits (53 + a rounding bit + a sticky bit), let the conversion round once, then
      // scale by a power of two: exact, since the result is normal (or overflows to infinity).
      // Positions are in the whole number; words below the window are zero.
      int bitLength = 64 * (base + top) + 64 - Long.numberOfLeadingZeros(magnitude[top]);
      int shift = bitLength - 55;
      int word = (shift >>> 6) - base;
      int offset = shift & 63;
      long bits = word >= 0 ? magnitude[word] >>> offset : 0;
      if (offset != 0 && word + 1 >= 0 && word + 1 <= top) {
        bits |= magnitude[word + 1] << (64 - offset);
      }
      bits &= (1L << 55) - 1;
      boolean sticky = offset != 0 && word >= 0 && (magnitude[word] & ((1L << offset) - 1)) != 0;
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
