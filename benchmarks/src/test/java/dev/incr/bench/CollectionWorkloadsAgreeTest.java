package dev.incr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * Checks that every system in a collection benchmark computes the same values, step after step, by
 * calling the benchmark methods themselves on small collections. Times nothing.
 */
class CollectionWorkloadsAgreeTest {

  private static final int SIZE = 1000;
  private static final int STEPS = 50;

  private static List<Long> run(LongSupplier step) {
    List<Long> values = new ArrayList<>();
    for (int i = 0; i < STEPS; i++) {
      values.add(step.getAsLong());
    }
    return values;
  }

  private static <S extends FilterMapCountBenchmark.Data> S sized(S state) {
    state.size = SIZE;
    return state;
  }

  @Test
  void filterMapCountSystemsAgree() {
    FilterMapCountBenchmark b = new FilterMapCountBenchmark();
    FilterMapCountBenchmark.IncrSingle incr = sized(new FilterMapCountBenchmark.IncrSingle());
    incr.setup();
    FilterMapCountBenchmark.Streams streams = sized(new FilterMapCountBenchmark.Streams());
    streams.setup();
    FilterMapCountBenchmark.GlazedLists glazed = sized(new FilterMapCountBenchmark.GlazedLists());
    glazed.setup();
    FilterMapCountBenchmark.JavaFx fx = sized(new FilterMapCountBenchmark.JavaFx());
    fx.setup();
    FilterMapCountBenchmark.Handwritten hand = sized(new FilterMapCountBenchmark.Handwritten());
    hand.setup();
    List<Long> expected = run(() -> b.filterMapCount_handwritten(hand));
    // Extras alternate even (counted) and odd (not): 501 + 500, then 500 + 500.
    assertEquals(1001L, expected.get(0));
    assertEquals(1000L, expected.get(1));
    assertEquals(expected, run(() -> b.filterMapCount_incrSingle(incr)));
    assertEquals(expected, run(() -> b.filterMapCount_streams(streams)));
    assertEquals(expected, run(() -> b.filterMapCount_glazedlists(glazed)));
    assertEquals(expected, run(() -> b.filterMapCount_javafx(fx)));
  }

  @Test
  void sortedSystemsCountTheSameElements() {
    SortedBenchmark b = new SortedBenchmark();
    SortedBenchmark.IncrSingle incr = new SortedBenchmark.IncrSingle();
    incr.size = SIZE;
    incr.setup();
    SortedBenchmark.GlazedLists glazed = new SortedBenchmark.GlazedLists();
    glazed.size = SIZE;
    glazed.setup();
    SortedBenchmark.JavaFx fx = new SortedBenchmark.JavaFx();
    fx.size = SIZE;
    fx.setup();
    SortedBenchmark.Handwritten hand = new SortedBenchmark.Handwritten();
    hand.size = SIZE;
    hand.setup();
    List<Long> expected = run(() -> b.sorted_handwritten(hand));
    assertEquals(2L * SIZE + 1, expected.get(0));
    assertEquals(expected, run(() -> b.sorted_incrSingle(incr)));
    assertEquals(expected, run(() -> b.sorted_glazedlists(glazed)));
    assertEquals(expected, run(() -> b.sorted_javafx(fx)));
    // The views hold the same elements in the same order.
    assertEquals(new ArrayList<>(glazed.sorted), new ArrayList<>(fx.sorted));
    assertEquals(new ArrayList<>(glazed.sorted), incr.source.sortBy(x -> x).entries());
  }

  @Test
  void groupBySystemsAgree() {
    GroupByBenchmark b = new GroupByBenchmark();
    GroupByBenchmark.IncrSingle incr = new GroupByBenchmark.IncrSingle();
    incr.size = SIZE * 3;
    incr.setup();
    GroupByBenchmark.Streams streams = new GroupByBenchmark.Streams();
    streams.size = SIZE * 3;
    streams.setup();
    GroupByBenchmark.GlazedLists glazed = new GroupByBenchmark.GlazedLists();
    glazed.size = SIZE * 3;
    glazed.setup();
    GroupByBenchmark.Handwritten hand = new GroupByBenchmark.Handwritten();
    hand.size = SIZE * 3;
    hand.setup();
    List<Long> expected = run(() -> b.groupBy_handwritten(hand));
    assertEquals(4L + 3L, expected.get(0));
    assertEquals(expected, run(() -> b.groupBy_incrSingle(incr)));
    assertEquals(expected, run(() -> b.groupBy_streams(streams)));
    assertEquals(expected, run(() -> b.groupBy_glazedlists(glazed)));
  }

  @Test
  void joinSystemsAgree() {
    JoinBenchmark b = new JoinBenchmark();
    JoinBenchmark.IncrSingle incr = new JoinBenchmark.IncrSingle();
    incr.size = SIZE;
    incr.setup();
    JoinBenchmark.Streams streams = new JoinBenchmark.Streams();
    streams.size = SIZE;
    streams.setup();
    JoinBenchmark.Handwritten hand = new JoinBenchmark.Handwritten();
    hand.size = SIZE;
    hand.setup();
    List<Long> expected = run(() -> b.join_handwritten(hand));
    assertEquals(2L * SIZE + 1, expected.get(0));
    assertEquals(expected, run(() -> b.join_incrSingle(incr)));
    assertEquals(expected, run(() -> b.join_streams(streams)));
  }

  @Test
  void visitsSystemsAgree() {
    VisitsBenchmark b = new VisitsBenchmark();
    VisitsBenchmark.IncrSingle incr = new VisitsBenchmark.IncrSingle();
    incr.size = SIZE;
    incr.setup();
    VisitsBenchmark.Streams streams = new VisitsBenchmark.Streams();
    streams.size = SIZE;
    streams.setup();
    VisitsBenchmark.GlazedLists glazed = new VisitsBenchmark.GlazedLists();
    glazed.size = SIZE;
    glazed.setup();
    VisitsBenchmark.Handwritten hand = new VisitsBenchmark.Handwritten();
    hand.size = SIZE;
    hand.setup();
    for (int i = 0; i < STEPS; i++) {
      double expected = b.visits_streams(streams);
      assertClose(expected, () -> b.visits_incrSingle(incr));
      assertClose(expected, () -> b.visits_glazedlists(glazed));
      assertClose(expected, () -> b.visits_handwritten(hand));
    }
  }

  private static void assertClose(double expected, DoubleSupplier actual) {
    assertEquals(expected, actual.getAsDouble(), 1e-6 * Math.max(1, Math.abs(expected)));
  }
}
