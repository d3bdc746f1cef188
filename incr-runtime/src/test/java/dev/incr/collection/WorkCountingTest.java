package dev.incr.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.GroupedCollection;
import dev.incr.IncrCollection;
import dev.incr.Pair;
import dev.incr.SortedCollection;
import dev.incr.Var;
import dev.incr.internal.collection.Introspection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Work per change is counted, not timed: calls of user functions, emitted changes, log sizes. */
class WorkCountingTest {

  @Test
  void oneInsertIntoALargeFilterMapCountPipelineCallsTheFilterOnce() {
    Engine engine = Engine.singleThreaded();
    IncrCollection<Integer> xs = engine.collection();
    AtomicLong filterCalls = new AtomicLong();
    AtomicLong mapCalls = new AtomicLong();
    Computed<Long> count =
        xs.filter(
                x -> {
                  filterCalls.incrementAndGet();
                  return x % 2 == 0;
                })
            .map(
                x -> {
                  mapCalls.incrementAndGet();
                  return x / 2;
                })
            .count();
    for (int i = 0; i < 100_000; i++) {
      xs.insert(i);
    }
    assertEquals(50_000L, count.get());
    filterCalls.set(0);
    mapCalls.set(0);
    xs.insert(100_000);
    assertEquals(50_001L, count.get());
    assertEquals(1, filterCalls.get());
    assertEquals(1, mapCalls.get());
    xs.delete(4);
    assertEquals(50_000L, count.get());
    assertEquals(1, filterCalls.get(), "a deletion needs no predicate call");
    assertEquals(1, mapCalls.get(), "nor a map call");
  }

  @Test
  void oneChangeToALargeSortedCollectionMakesAHandfulOfPairwiseAndWindowEmissions() {
    Engine engine = Engine.singleThreaded();
    IncrCollection<Integer> xs = engine.collection();
    SortedCollection<Integer> sorted = xs.sortBy(x -> x);
    IncrCollection<Pair<Integer, Integer>> pairs = sorted.pairwise();
    IncrCollection<List<Integer>> windows = sorted.window(4);
    Computed<Long> pairCount = pairs.count();
    Computed<Long> windowCount = windows.count();
    for (int i = 0; i < 100_000; i++) {
      xs.insert(i * 2);
    }
    assertEquals(99_999L, pairCount.get());
    assertEquals(99_997L, windowCount.get());

    long pairsBefore = Introspection.emittedChanges(pairs);
    long windowsBefore = Introspection.emittedChanges(windows);
    xs.insert(100_001);
    assertEquals(100_000L, pairCount.get());
    assertEquals(99_998L, windowCount.get());
    assertEquals(3, Introspection.emittedChanges(pairs) - pairsBefore, "-(a,b) +(a,x) +(x,b)");
    assertEquals(
        7,
        Introspection.emittedChanges(windows) - windowsBefore,
        "3 spanning windows out, 4 containing windows in");

    pairsBefore = Introspection.emittedChanges(pairs);
    windowsBefore = Introspection.emittedChanges(windows);
    xs.delete(50_000);
    assertEquals(99_999L, pairCount.get());
    assertEquals(99_997L, windowCount.get());
    assertEquals(3, Introspection.emittedChanges(pairs) - pairsBefore);
    assertEquals(7, Introspection.emittedChanges(windows) - windowsBefore);
    Introspection.checkInvariants(sorted);
  }

  @Test
  void aChangeReReadsOnlyTheAggregateOfTheGroupItTouches() {
    Engine engine = Engine.singleThreaded();
    IncrCollection<Integer> xs = engine.collection();
    AtomicLong keyCalls = new AtomicLong();
    AtomicLong valueCalls = new AtomicLong();
    GroupedCollection<Integer, Integer> byKey =
        xs.groupBy(
            x -> {
              keyCalls.incrementAndGet();
              return x % 1_000;
            });
    IncrCollection<Pair<Integer, Double>> sums =
        byKey.aggregate(
            g ->
                g.sum(
                    x -> {
                      valueCalls.incrementAndGet();
                      return x;
                    }));
    Computed<Long> pairCount = sums.count();
    for (int i = 0; i < 100_000; i++) {
      xs.insert(i);
    }
    assertEquals(1_000L, pairCount.get());
    keyCalls.set(0);
    valueCalls.set(0);
    long emitted = Introspection.emittedChanges(sums);
    xs.insert(100_007);
    assertEquals(1_000L, pairCount.get());
    assertEquals(1, keyCalls.get(), "one routing");
    assertEquals(1, valueCalls.get(), "one group's sum consumed one change");
    assertEquals(2, Introspection.emittedChanges(sums) - emitted, "-(7, old) +(7, new)");
  }

  @Test
  void aJoinChangeCostsItsMatchingRows() {
    Engine engine = Engine.singleThreaded();
    IncrCollection<Integer> left = engine.collection();
    IncrCollection<Integer> right = engine.collection();
    AtomicLong keyCalls = new AtomicLong();
    IncrCollection<Pair<Integer, Integer>> joined =
        left.join(
            right,
            x -> {
              keyCalls.incrementAndGet();
              return x % 10_000;
            },
            y -> y);
    Computed<Long> count = joined.count();
    for (int i = 0; i < 100_000; i++) {
      left.insert(i);
    }
    for (int k = 0; k < 10_000; k += 2) {
      right.insert(k);
    }
    assertEquals(50_000L, count.get());
    keyCalls.set(0);
    long emitted = Introspection.emittedChanges(joined);
    right.insert(3);
    assertEquals(50_010L, count.get());
    assertEquals(10, Introspection.emittedChanges(joined) - emitted, "the ten rows with key 3");
    assertEquals(0, keyCalls.get(), "the left side is not re-read");
    left.delete(20_004);
    assertEquals(50_009L, count.get());
    assertEquals(11, Introspection.emittedChanges(joined) - emitted);
  }

  @Test
  void logsRetainWhatTheLiveElementsNeedAfterTenMillionInsertDeletePairs() {
    Engine engine = Engine.singleThreaded();
    IncrCollection<Integer> xs = engine.collection();
    IncrCollection<Integer> evens = xs.filter(x -> x % 2 == 0);
    IncrCollection<Integer> halves = evens.map(x -> x / 2);
    Computed<Long> count = halves.count();
    Computed<Double> sum = halves.sum(x -> x);
    for (int i = 0; i < 100; i++) {
      xs.insert(i);
    }
    assertEquals(50L, count.get());
    assertEquals(1225.0, sum.get());
    long maxRetained = 0;
    for (int i = 0; i < 10_000_000; i++) {
      int x = 1_000 + (i % 5_000);
      xs.insert(x);
      xs.delete(x);
      if (i % 1_000_000 == 999_999) {
        // Readers never ran during this stretch: their logs were consolidated as they grew.
        maxRetained = Math.max(maxRetained, retained(xs, evens, halves));
      }
      if (i == 5_000_000) {
        assertEquals(50L, count.get());
      }
    }
    assertTrue(maxRetained <= 4 * 100 + 200, "retained " + maxRetained + " entries for 100 live");
    assertEquals(50L, count.get());
    assertEquals(1225.0, sum.get());
    assertEquals(0, retained(xs, evens, halves), "everything consumed after a read");
  }

  private static long retained(IncrCollection<?>... stages) {
    long total = 0;
    for (IncrCollection<?> s : stages) {
      total += Introspection.retainedLogEntries(s);
    }
    return total;
  }

  @Test
  void pipelinesBuiltAndDroppedInsideQueriesDoNotAccumulateReaders() throws InterruptedException {
    Engine engine = Engine.singleThreaded();
    IncrCollection<Integer> xs = engine.collection();
    Var<Integer> threshold = engine.var(0);
    // A query that builds a new pipeline on every run (a capturing lambda, so nothing can be
    // shared between runs): the pipelines of earlier runs become garbage.
    Computed<Long> above =
        engine.computed(
            () -> {
              int t = threshold.get();
              return xs.filter(x -> x > t).count().get();
            });
    for (int i = 0; i < 1_000; i++) {
      xs.insert(i);
    }
    for (int t = 0; t < 200; t++) {
      threshold.set(t);
      assertEquals(999L - t, above.get());
    }
    for (int attempt = 0; attempt < 50 && Introspection.readerCount(xs) > 1; attempt++) {
      System.gc();
      Thread.sleep(10);
      xs.insert(-1); // a change prunes collected readers
      xs.delete(-1);
    }
    assertTrue(Introspection.readerCount(xs) <= 1, Introspection.readerCount(xs) + " readers");
  }
}
