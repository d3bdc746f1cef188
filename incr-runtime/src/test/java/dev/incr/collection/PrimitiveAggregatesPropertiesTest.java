package dev.incr.collection;

import static dev.incr.collection.Bags.removeLast;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.incr.Computed;
import dev.incr.DoubleComputed;
import dev.incr.Engine;
import dev.incr.GroupedCollection;
import dev.incr.IncrCollection;
import dev.incr.LongComputed;
import dev.incr.Observation;
import dev.incr.SortedCollection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@code count()} is a {@link LongComputed} and {@code sum(...)} a {@link DoubleComputed}: random
 * inserts, deletes and batches (with reads inside them), and after each step the unboxed read, the
 * boxed read, a computation that reads the node, and an observer of it all agree with a
 * from-scratch oracle. Counts are taken on a source and on every kind of stage (filter, map,
 * group, pairwise, window); sums over values that include NaN, both infinities, -0.0, subnormals,
 * and values whose sum overflows or cancels.
 */
class PrimitiveAggregatesPropertiesTest {

  @Property(tries = 600)
  void singleThreadedCountAndSumMatchFromScratch(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 9999) Integer> ops) {
    new Harness(Engine.singleThreaded()).run(ops);
  }

  @Property(tries = 400)
  void concurrentCountAndSumMatchFromScratch(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 9999) Integer> ops) {
    new Harness(Engine.concurrent()).run(ops);
  }

  /** The double each element code stands for: special values first. */
  static double value(int code) {
    return switch (code) {
      case 0 -> Double.NaN;
      case 1 -> Double.POSITIVE_INFINITY;
      case 2 -> Double.NEGATIVE_INFINITY;
      case 3 -> -0.0;
      case 4 -> Double.MIN_VALUE;
      case 5 -> Double.MAX_VALUE;
      case 6 -> -Double.MAX_VALUE;
      case 7 -> 0.1;
      case 8 -> 1e16;
      case 9 -> -1e16;
      case 10 -> 1.0;
      default -> code * 0.3 - 2;
    };
  }

  /** The IEEE sum of {@code codes}' values, with the finite part summed exactly, rounded once. */
  static double oracleSum(List<Integer> codes) {
    long nans = 0;
    long positive = 0;
    long negative = 0;
    BigDecimal finite = BigDecimal.ZERO;
    for (int code : codes) {
      double v = value(code);
      if (Double.isNaN(v)) {
        nans++;
      } else if (v == Double.POSITIVE_INFINITY) {
        positive++;
      } else if (v == Double.NEGATIVE_INFINITY) {
        negative++;
      } else {
        finite = finite.add(new BigDecimal(v));
      }
    }
    if (nans > 0 || (positive > 0 && negative > 0)) {
      return Double.NaN;
    }
    if (positive > 0) {
      return Double.POSITIVE_INFINITY;
    }
    if (negative > 0) {
      return Double.NEGATIVE_INFINITY;
    }
    return finite.signum() == 0 ? 0.0 : finite.doubleValue();
  }

  /** The collections under test and the oracle's live element codes. */
  static final class Harness {
    final Engine engine;
    final IncrCollection<Integer> source;
    final List<Integer> live = new ArrayList<>();
    final List<Runnable> checks = new ArrayList<>();
    final List<Runnable> afterWrite = new ArrayList<>();
    final List<Observation> observations = new ArrayList<>();

    Harness(Engine engine) {
      this.engine = engine;
      source = engine.collection();
      source.label("codes");
      IncrCollection<Integer> finiteCodes = source.filter(c -> c >= 3);
      IncrCollection<Integer> mapped = source.map(c -> c % 5);
      GroupedCollection<Integer, Integer> byKey = source.groupBy(c -> c % 4);
      SortedCollection<Integer> sorted = source.sortBy(c -> c);
      IncrCollection<?> pairs = sorted.pairwise();
      IncrCollection<?> windows = sorted.window(3);

      // Observed counts are kept up to date by the engine pushing changes; the others are pulled.
      countOf("source", source, true, () -> live.size());
      countOf("filter", finiteCodes, false, () -> live.stream().filter(c -> c >= 3).count());
      countOf("map", mapped, true, () -> live.size());
      for (int k = 0; k < 4; k++) {
        int key = k;
        countOf(
            "group " + k,
            byKey.group(k),
            k % 2 == 0,
            () -> live.stream().filter(c -> c % 4 == key).count());
      }
      countOf("pairwise", pairs, false, () -> Math.max(0, live.size() - 1));
      countOf("window(3)", windows, true, () -> Math.max(0, live.size() - 2));

      sumOf("sum", source.sum(PrimitiveAggregatesPropertiesTest::value), () -> oracleSum(live));
      sumOf(
          "finite sum",
          finiteCodes.sum(PrimitiveAggregatesPropertiesTest::value),
          () -> oracleSum(live.stream().filter(c -> c >= 3).toList()));
      sumOf(
          "sum of group 1",
          byKey.group(1).sum(PrimitiveAggregatesPropertiesTest::value),
          () -> oracleSum(live.stream().filter(c -> c % 4 == 1).toList()));

      // A computation that reads two counts unboxed, and one that reads a sum boxed.
      LongComputed source0 = source.count();
      LongComputed filtered = finiteCodes.count();
      LongComputed both =
          engine.computedLong(() -> source0.getAsLong() * 1000 + filtered.getAsLong());
      check(
          () ->
              assertEquals(
                  live.size() * 1000L + live.stream().filter(c -> c >= 3).count(),
                  both.getAsLong(),
                  "computedLong over two counts"));
      DoubleComputed sum = source.sum(PrimitiveAggregatesPropertiesTest::value);
      Computed<String> shown = engine.computed(() -> "sum=" + sum.get());
      check(() -> assertEquals("sum=" + oracleSum(live), shown.get(), "computed over a sum"));
    }

    void check(Runnable c) {
      checks.add(c);
    }

    /**
     * Checks {@code collection.count()}: the same node on every call, getAsLong and get agree with
     * {@code oracle}, and, if {@code observed}, an observer has seen every change of it.
     */
    void countOf(
        String what, IncrCollection<?> collection, boolean observed, LongSupplier oracle) {
      LongComputed count = collection.count();
      check(
          () -> {
            long expected = oracle.getAsLong();
            assertEquals(expected, count.getAsLong(), what + " count, getAsLong");
            assertEquals(Long.valueOf(expected), count.get(), what + " count, get");
            assertEquals(count, collection.count(), what + ": count() is one node");
          });
      if (!observed) {
        return;
      }
      List<Long> seen = new ArrayList<>();
      observations.add(engine.observe(count, seen::add));
      long[] last = {oracle.getAsLong()};
      List<Long> expectedSeen = new ArrayList<>();
      afterWrite.add(
          () -> {
            long now = oracle.getAsLong();
            if (now != last[0]) {
              expectedSeen.add(now);
              last[0] = now;
            }
            assertEquals(expectedSeen, seen, what + " count, observed values");
          });
    }

    /** Checks a sum node: getAsDouble (bit for bit) and get agree with {@code oracle}. */
    void sumOf(String what, DoubleComputed sum, DoubleSupplier oracle) {
      check(
          () -> {
            double expected = oracle.getAsDouble();
            double actual = sum.getAsDouble();
            assertEquals(
                Double.doubleToLongBits(expected),
                Double.doubleToLongBits(actual),
                () -> what + ": expected " + expected + " but was " + actual);
            assertEquals(Double.valueOf(expected), sum.get(), what + ", get");
          });
    }

    void run(List<Integer> ops) {
      try {
        for (int op : ops) {
          int v = (op / 6) % 16;
          switch (op % 6) {
            case 0, 1 -> write(() -> insert(v));
            case 2 -> write(() -> assertEquals(removeLast(live, v), source.delete(v), "delete"));
            case 3 ->
                // A batch, with a read of one check in the middle of it.
                write(
                    () ->
                        engine.batch(
                            () -> {
                              insert(v);
                              int w = (v + 1) % 16;
                              assertEquals(removeLast(live, w), source.delete(w), "delete");
                              checks.get((op / 96) % checks.size()).run();
                              insert((v + 2) % 16);
                            }));
            case 4 -> checks.get((op / 6) % checks.size()).run();
            default -> {
              if (v < 6) {
                checks.forEach(Runnable::run);
              }
            }
          }
        }
        checks.forEach(Runnable::run);
      } finally {
        observations.forEach(Observation::close);
      }
    }

    void insert(int code) {
      source.insert(code);
      live.add(code);
    }

    /** Runs one write, then checks what every observer has seen. */
    void write(Runnable write) {
      write.run();
      afterWrite.forEach(Runnable::run);
    }
  }
}
