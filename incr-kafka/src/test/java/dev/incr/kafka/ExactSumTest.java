package dev.incr.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.incr.DoubleComputed;
import dev.incr.Engine;
import dev.incr.IncrCollection;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** {@link ExactSum} reads as incr's in-process sum does, undoes exactly, and survives its bytes. */
class ExactSumTest {

  @Provide
  Arbitrary<Double> values() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(-1e6, 1e6).ofScale(3),
        Arbitraries.doubles(),
        Arbitraries.of(
            0.1, 0.2, 0.3, 1e308, -1e308, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, 1e16, -0.0,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
  }

  @Property(tries = 200)
  void readsAsTheInProcessSumAfterEveryChange(
      @ForAll @Size(max = 40) List<@net.jqwik.api.From("values") Double> values,
      @ForAll @Size(max = 40) List<Integer> deletions) {
    Engine engine = Engine.singleThreaded();
    IncrCollection<Double> collection = engine.collection();
    DoubleComputed inProcess = collection.sum(d -> d);
    ExactSum sum = ExactSum.ZERO;
    List<Double> live = new ArrayList<>();
    for (double v : values) {
      collection.insert(v);
      live.add(v);
      sum = sum.plus(v);
      assertEquals(inProcess.getAsDouble(), sum.toDouble(), "after inserting " + v + ": " + live);
    }
    for (int d : deletions) {
      if (live.isEmpty()) {
        break;
      }
      Double v = live.remove(Math.floorMod(d, live.size()));
      collection.delete(v);
      sum = sum.minus(v);
      assertEquals(inProcess.getAsDouble(), sum.toDouble(), "after deleting " + v + ": " + live);
      assertEquals(sum, ExactSum.decode(sum.encode()));
      assertEquals(sum, Codec.records().decode(Codec.records().encode(sum)));
    }
  }

  @Property(tries = 300)
  void minusUndoesPlusExactly(
      @ForAll @Size(max = 30) List<@net.jqwik.api.From("values") Double> base,
      @ForAll("values") double x,
      @ForAll long times) {
    ExactSum sum = ExactSum.ZERO;
    for (double v : base) {
      sum = sum.plus(v);
    }
    long n = Math.floorMod(times, 5);
    assertEquals(sum, sum.plus(x).minus(x));
    assertEquals(sum, sum.plus(x, n).plus(x, -n));
  }

  @Test
  void roundsOnceToNearest() {
    // 0.1 + 0.2 rounded at each step is 0.30000000000000004; the exact sum rounds to 0.3.
    assertEquals(0.30000000000000004, 0.1 + 0.2);
    assertEquals(0.3000000000000000166533453693773481063544750213623046875,
        ExactSum.ZERO.plus(0.1).plus(0.2).toDouble());
    assertEquals(1.0, ExactSum.ZERO.plus(1e16).plus(1.0).minus(1e16).toDouble());
    assertEquals(0.0, ExactSum.ZERO.toDouble());
    assertEquals(Double.NaN, ExactSum.ZERO.plus(Double.POSITIVE_INFINITY)
        .plus(Double.NEGATIVE_INFINITY).toDouble());
    assertEquals(5.0, ExactSum.ZERO.plus(Double.NaN).plus(5).minus(Double.NaN).toDouble());
  }

  @Test
  void shortBytesAreRefused() {
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> ExactSum.decode(new byte[3]));
    assertEquals("not an encoded ExactSum: 3 bytes, at least 29 expected", thrown.getMessage());
  }
}
