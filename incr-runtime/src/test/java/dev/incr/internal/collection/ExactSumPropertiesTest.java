package dev.incr.internal.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The exact sum's fixed-point accumulator ({@link ExactSum}) against {@link BigDecimal} (exact
 * decimal arithmetic, then its correctly rounded {@code doubleValue}): random additions and
 * removals of ordinary, subnormal, huge and rounding-sensitive values, including sums that overflow
 * to infinity, cancel to subnormals, or carry and borrow across many words; and of doubles drawn
 * from their whole bit range.
 */
class ExactSumPropertiesTest {

  private static final double[] POOL = {
    0.1, -0.1, 1.0 / 3, 1e-300, -1e-300, Double.MIN_VALUE, -Double.MIN_VALUE, 3 * Double.MIN_VALUE,
    Double.MIN_NORMAL, -Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE,
    -Double.MAX_VALUE, 1e308, 9007199254740993.0, 9007199254740992.0, 1.0, -1.0, 0.5, 1e16, -1e16,
    Math.ulp(1.0), 123456.789, -2.5e-320, 1e-10, 7.0e22, -0.0, 0.0, 0x1p63, -0x1p64, 0x1p-1010,
    0x1.fffffffffffffp-1000, -0x1p-1000
  };

  @Property(tries = 1000)
  void sumOfPoolValuesMatchesBigDecimal(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 999) Integer> ops) {
    List<Double> values = new ArrayList<>();
    for (int op : ops) {
      values.add(POOL[op % POOL.length]);
    }
    checkAgainstBigDecimal(ops, values);
  }

  @Property(tries = 1000)
  void sumOfAnyFiniteDoublesMatchesBigDecimal(
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 999) Integer> ops,
      @ForAll @Size(max = 30) List<Long> bits) {
    List<Double> values = new ArrayList<>();
    for (long b : bits) {
      double v = Double.longBitsToDouble(b);
      values.add(Double.isFinite(v) ? v : 1.5);
    }
    if (values.isEmpty()) {
      values.add(1.0);
    }
    checkAgainstBigDecimal(ops, values);
  }

  /**
   * Each op adds {@code values[op % size]}, or (every third op, when something is live) removes a
   * live value, and the sum is compared after each.
   */
  private static void checkAgainstBigDecimal(List<Integer> ops, List<Double> values) {
    ExactSum sum = new ExactSum();
    BigDecimal exact = BigDecimal.ZERO;
    List<Double> live = new ArrayList<>();
    for (int op : ops) {
      double v;
      int weight;
      if (op % 3 != 0 || live.isEmpty()) {
        v = values.get(op % values.size());
        weight = 1;
        live.add(v);
      } else {
        v = live.remove((op / 3) % live.size());
        weight = -1;
      }
      sum.add(v, weight);
      BigDecimal d = new BigDecimal(v);
      exact = weight > 0 ? exact.add(d) : exact.subtract(d);
      double expected = exact.signum() == 0 ? 0.0 : exact.doubleValue();
      assertEquals(expected, sum.toDouble(), "sum of " + live);
    }
  }

  /**
   * Carries and borrows that stop in the window's sign word (which random sums of a few values do
   * not reach): 10,000 values whose high word takes about 2^52 each overflow into it, then a much
   * larger value widens the window above it.
   */
  @Example
  void carriesAndBorrowsIntoTheSignWordKeepTheWordsAboveRight() {
    double v = Math.nextDown(4.0); // its significand ends at the top bit of its high word
    for (int weight : new int[] {1, -1}) {
      ExactSum sum = new ExactSum();
      BigDecimal exact = BigDecimal.ZERO;
      for (int i = 0; i < 10_000; i++) {
        sum.add(v, weight);
        exact = weight > 0 ? exact.add(new BigDecimal(v)) : exact.subtract(new BigDecimal(v));
      }
      assertEquals(exact.doubleValue(), sum.toDouble());
      for (double big : new double[] {1e300, -1e300, 1e300}) {
        sum.add(big, weight);
        exact = weight > 0 ? exact.add(new BigDecimal(big)) : exact.subtract(new BigDecimal(big));
        assertEquals(exact.doubleValue(), sum.toDouble(), "after " + big);
      }
      sum.add(1e300, -weight);
      exact = weight > 0 ? exact.subtract(new BigDecimal(1e300)) : exact.add(new BigDecimal(1e300));
      assertEquals(exact.doubleValue(), sum.toDouble());
    }
  }

  /** Values of similar magnitude keep the stored window to a few words (of the 35). */
  @Property(tries = 200)
  void similarValuesKeepTheWindowSmall(
      @ForAll @Size(max = 60) List<@DoubleRange(min = -1e6, max = 1e6) Double> values) {
    ExactSum sum = new ExactSum();
    for (double v : values) {
      sum.add(v, 1);
    }
    for (double v : values) {
      sum.add(v, -1);
    }
    assertEquals(0.0, sum.toDouble());
    assertTrue(sum.wordsHeld() <= 4, "words held: " + sum.wordsHeld());
  }

  @Property(tries = 1000)
  void singleValuesRoundTrip(@ForAll double v) {
    if (Double.isFinite(v)) {
      ExactSum sum = new ExactSum();
      sum.add(v, 1);
      assertEquals(v == 0 ? 0.0 : v, sum.toDouble(), "+" + v);
      sum.add(v, -1);
      assertEquals(0.0, sum.toDouble(), "+" + v + " -" + v);
      sum.add(v, -1);
      assertEquals(v == 0 ? 0.0 : -v, sum.toDouble(), "-" + v);
    }
  }
}
