package dev.incr.internal.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The exact sum's fixed-point accumulator against {@link BigDecimal} (exact decimal arithmetic,
 * then its correctly rounded {@code doubleValue}): random additions and removals of ordinary,
 * subnormal, huge and rounding-sensitive values, including sums that overflow to infinity and sums
 * that cancel to subnormals.
 */
class ExactSumPropertiesTest {

  private static final double[] POOL = {
    0.1, -0.1, 1.0 / 3, 1e-300, -1e-300, Double.MIN_VALUE, -Double.MIN_VALUE, 3 * Double.MIN_VALUE,
    Double.MIN_NORMAL, -Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE,
    -Double.MAX_VALUE, 1e308, 9007199254740993.0, 9007199254740992.0, 1.0, -1.0, 0.5, 1e16, -1e16,
    Math.ulp(1.0), 123456.789, -2.5e-320, 1e-10, 7.0e22
  };

  @Property(tries = 1000)
  void sumMatchesBigDecimal(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 999) Integer> ops) {
    BigInteger units = BigInteger.ZERO;
    BigDecimal exact = BigDecimal.ZERO;
    List<Double> live = new ArrayList<>();
    for (int op : ops) {
      double v;
      int weight;
      if (op % 3 != 0 || live.isEmpty()) {
        v = POOL[op % POOL.length];
        weight = 1;
        live.add(v);
      } else {
        v = live.remove((op / 3) % live.size());
        weight = -1;
      }
      BigInteger u = SumAggregate.units(v);
      units = (v > 0) == (weight > 0) ? units.add(u) : units.subtract(u);
      BigDecimal d = new BigDecimal(v);
      exact = weight > 0 ? exact.add(d) : exact.subtract(d);
      assertEquals(
          exact.signum() == 0 ? 0.0 : exact.doubleValue(),
          SumAggregate.toDouble(units),
          "sum of " + live);
    }
  }

  @Property(tries = 1000)
  void singleValuesRoundTrip(@ForAll double v) {
    if (Double.isFinite(v) && v != 0) {
      BigInteger u = SumAggregate.units(v);
      assertEquals(v, SumAggregate.toDouble(v > 0 ? u : u.negate()));
    }
  }
}
