package dev.incr.collection;

import static dev.incr.collection.Bags.assertSameBag;
import static dev.incr.collection.Bags.exactSum;
import static dev.incr.collection.Bags.removeLast;
import static dev.incr.collection.Bags.windows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.GroupedCollection;
import dev.incr.IncrCollection;
import dev.incr.Pair;
import dev.incr.SortedCollection;
import dev.incr.internal.collection.Introspection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random operation sequences over a pipeline that uses every operator, chained: filter, map, every
 * aggregate, sortBy with many ties, pairwise, window, groupBy with per-key aggregates, join of an
 * aggregate collection with a second source, sortBy and window over the join, and a self-join.
 * Small value ranges give duplicates; deletes are often of absent elements. At random points a
 * random stage is read and compared with the same stage recomputed from scratch over the live
 * elements; at the end every stage is.
 */
class PipelinePropertiesTest {

  @Property(tries = 1100)
  void singleThreadedPipelineMatchesFromScratch(
      @ForAll @Size(max = 70) List<@IntRange(min = 0, max = 9999) Integer> ops) {
    new Pipeline(Engine.singleThreaded()).run(ops);
  }

  @Property(tries = 900)
  void concurrentPipelineMatchesFromScratch(
      @ForAll @Size(max = 70) List<@IntRange(min = 0, max = 9999) Integer> ops) {
    new Pipeline(Engine.concurrent()).run(ops);
  }

  /** The pipeline under test, the oracle's live elements, and one check per stage. */
  static final class Pipeline {
    final Engine engine;
    final IncrCollection<Integer> a;
    final IncrCollection<Integer> b;

    /** The oracle: live elements in insertion order; a delete removes the last occurrence. */
    final List<Integer> liveA = new ArrayList<>();

    final List<Integer> liveB = new ArrayList<>();
    final List<Runnable> checks = new ArrayList<>();

    Pipeline(Engine engine) {
      this.engine = engine;
      a = engine.collection();
      b = engine.collection();
      a.label("a");
      b.label("b");

      // filter -> map -> aggregates
      Function<Integer, Integer> half = x -> x / 2;
      IncrCollection<Integer> f = a.filter(x -> x % 3 != 0);
      IncrCollection<Integer> m = f.map(half);
      check(() -> assertSameBag(a(), a.toList(), "a"));
      check(() -> assertSameBag(f(), f.toList(), "filter"));
      check(
          () -> {
            assertSameBag(m(), m.toList(), "map");
            Introspection.checkInvariants(f);
            Introspection.checkInvariants(m);
          });
      Computed<Long> count = m.count();
      Computed<Double> sum = m.sum(x -> x * 0.1);
      Computed<Optional<Integer>> min = m.min(Comparator.naturalOrder());
      Computed<Optional<Integer>> max = m.max(Comparator.naturalOrder());
      Computed<Long> invertible = m.reduce(0L, (acc, x) -> acc + x * x, (acc, x) -> acc - x * x);
      Computed<List<Integer>> general = m.reduce(list -> list.stream().sorted().toList());
      Computed<Integer> foldMax = m.reduce(-1, Math::max);
      Computed<Integer> foldSum = m.reduce(7, Integer::sum);
      Computed<Integer> foldBits = a.reduce(0, (x, y) -> x | y);
      check(
          () -> {
            assertEquals(m().stream().reduce(-1, Math::max), foldMax.get(), "fold max");
            assertEquals(m().stream().reduce(7, Integer::sum), foldSum.get(), "fold sum");
            assertEquals(a().stream().reduce(0, (x, y) -> x | y), foldBits.get(), "fold or");
          });
      check(() -> assertEquals((long) m().size(), count.get(), "count"));
      check(() -> assertEquals(exactSum(m(), x -> x * 0.1), sum.get(), "sum"));
      check(() -> assertEquals(m().stream().min(Comparator.naturalOrder()), min.get(), "min"));
      check(() -> assertEquals(m().stream().max(Comparator.naturalOrder()), max.get(), "max"));
      check(
          () ->
              assertEquals(
                  m().stream().mapToLong(x -> (long) x * x).sum(),
                  invertible.get(),
                  "reduce(identity, add, remove)"));
      check(() -> assertEquals(m().stream().sorted().toList(), general.get(), "reduce(list)"));

      // sortBy directly on a source, read from the start: exact tie order (insertion order).
      SortedCollection<Integer> byMod = a.sortBy(x -> x % 4);
      byMod.toList();
      IncrCollection<Pair<Integer, Integer>> pairs = byMod.pairwise();
      IncrCollection<List<Integer>> windows3 = byMod.window(3);
      check(
          () -> {
            assertEquals(stableSort(liveA, x -> x % 4), byMod.entries(), "sortBy(x % 4)");
            Introspection.checkInvariants(byMod);
          });
      check(
          () -> assertSameBag(pairsOf(stableSort(liveA, x -> x % 4)), pairs.toList(), "pairwise"));
      check(
          () ->
              assertSameBag(
                  windows(stableSort(liveA, x -> x % 4), 3), windows3.toList(), "window(3)"));
      check(
          () -> {
            List<Integer> sorted = stableSort(liveA, x -> x % 4);
            for (int i = 0; i < sorted.size(); i += 3) {
              assertEquals(sorted.get(i), byMod.get(i), "get(" + i + ")");
            }
          });

      // sortBy downstream of map: order by key (ties may differ for equal images), and its
      // pairwise/window follow its own order.
      SortedCollection<Integer> sortedM = m.sortBy(x -> x % 5);
      IncrCollection<List<Integer>> windows2 = sortedM.window(2);
      IncrCollection<Pair<Integer, Integer>> pairsM = sortedM.pairwise();
      check(
          () -> {
            List<Integer> entries = sortedM.entries();
            assertSameBag(m(), entries, "sortBy after map");
            for (int i = 1; i < entries.size(); i++) {
              assertTrue(entries.get(i - 1) % 5 <= entries.get(i) % 5, "sorted: " + entries);
            }
            assertSameBag(windows(entries, 2), windows2.toList(), "window(2) after map");
            assertSameBag(pairsOf(entries), pairsM.toList(), "pairwise after map");
            Introspection.checkInvariants(sortedM);
          });

      // groupBy, per-key groups (key 4 never has elements) and aggregates
      GroupedCollection<Integer, Integer> byKey = a.groupBy(x -> x % 4);
      List<IncrCollection<Integer>> groups = new ArrayList<>();
      for (int k = 0; k <= 4; k++) {
        int key = k;
        IncrCollection<Integer> group = byKey.group(k);
        groups.add(group);
        check(
            () -> {
              assertSameBag(
                  liveA.stream().filter(x -> x % 4 == key).toList(),
                  group.toList(),
                  "group " + key);
              Introspection.checkInvariants(group);
            });
      }
      check(
          () -> {
            for (int k = 0; k <= 4; k++) {
              assertTrue(groups.get(k) == byKey.group(k), "group(key) is the same object");
            }
          });
      IncrCollection<Pair<Integer, Long>> counts = byKey.count();
      IncrCollection<Pair<Integer, Double>> sums = byKey.sum(x -> x);
      IncrCollection<Pair<Integer, Integer>> mins = byKey.min(Comparator.naturalOrder());
      IncrCollection<Pair<Integer, Integer>> maxes = byKey.max(Comparator.naturalOrder());
      IncrCollection<Pair<Integer, Integer>> folded = byKey.reduce(0, Integer::sum);
      check(
          () ->
              assertSameBag(
                  countsOracle().stream()
                      .map(
                          c ->
                              Pair.of(
                                  c.first(),
                                  liveA.stream()
                                      .filter(x -> x % 4 == c.first())
                                      .reduce(0, Integer::sum)))
                      .toList(),
                  folded.toList(),
                  "grouped fold"));
      IncrCollection<Pair<Integer, Long>> squares =
          byKey.reduce(0L, (acc, x) -> acc + x * x, (acc, x) -> acc - x * x);
      IncrCollection<Pair<Integer, String>> listed =
          byKey.reduce(list -> list.stream().sorted().toList().toString());
      IncrCollection<Pair<Integer, Long>> viaAggregate =
          byKey.aggregate(g -> g.filter(x -> x > 5).count());
      check(
          () -> {
            List<Pair<Integer, Integer>> expectedMins = new ArrayList<>();
            List<Pair<Integer, Integer>> expectedMaxes = new ArrayList<>();
            List<Pair<Integer, Long>> expectedSquares = new ArrayList<>();
            List<Pair<Integer, String>> expectedListed = new ArrayList<>();
            List<Pair<Integer, Long>> expectedAbove = new ArrayList<>();
            for (Pair<Integer, Long> c : countsOracle()) {
              List<Integer> group = liveA.stream().filter(x -> x % 4 == c.first()).toList();
              expectedMins.add(Pair.of(c.first(), Collections.min(group)));
              expectedMaxes.add(Pair.of(c.first(), Collections.max(group)));
              expectedSquares.add(
                  Pair.of(c.first(), group.stream().mapToLong(x -> (long) x * x).sum()));
              expectedListed.add(Pair.of(c.first(), group.stream().sorted().toList().toString()));
              expectedAbove.add(Pair.of(c.first(), group.stream().filter(x -> x > 5).count()));
            }
            assertSameBag(expectedMins, mins.toList(), "grouped min");
            assertSameBag(expectedMaxes, maxes.toList(), "grouped max");
            assertSameBag(
                expectedSquares, squares.toList(), "grouped reduce(identity, add, remove)");
            assertSameBag(expectedListed, listed.toList(), "grouped reduce(list)");
            assertSameBag(expectedAbove, viaAggregate.toList(), "aggregate(filter then count)");
          });
      check(() -> assertSameBag(countsOracle(), counts.toList(), "counts"));
      check(
          () ->
              assertSameBag(
                  countsOracle().stream()
                      .map(
                          p ->
                              Pair.of(
                                  p.first(),
                                  exactSum(
                                      liveA.stream().filter(x -> x % 4 == p.first()).toList(),
                                      x -> x)))
                      .toList(),
                  sums.toList(),
                  "aggregate(sum)"));

      // join the per-key counts with b, then sort and window the join
      IncrCollection<Pair<Pair<Integer, Long>, Integer>> joined =
          counts.join(b, Pair::first, y -> y % 4);
      check(
          () -> {
            assertSameBag(joinOracle(), joined.toList(), "join");
            Introspection.checkInvariants(joined);
          });
      SortedCollection<Pair<Pair<Integer, Long>, Integer>> joinedSorted =
          joined.sortBy(p -> p.first().second() * 100 + p.second());
      IncrCollection<List<Pair<Pair<Integer, Long>, Integer>>> joinedWindows =
          joinedSorted.window(2);
      Computed<Long> joinedCount =
          joinedWindows.map(w -> w.get(0).second()).filter(x -> x > 2).count();
      check(
          () -> {
            List<Pair<Pair<Integer, Long>, Integer>> expected =
                joinOracle().stream()
                    .sorted(Comparator.comparing(p -> p.first().second() * 100 + p.second()))
                    .toList();
            assertEquals(expected, joinedSorted.entries(), "sortBy after join");
            assertSameBag(windows(expected, 2), joinedWindows.toList(), "window after join");
            assertEquals(
                windows(expected, 2).stream().filter(w -> w.get(0).second() > 2).count(),
                joinedCount.get(),
                "count after window");
            Introspection.checkInvariants(joinedSorted);
          });

      // a join with duplicates on both sides, and a join of a collection with itself
      IncrCollection<Pair<Integer, Integer>> dupJoin = m.join(b, x -> x % 3, y -> y % 3);
      check(
          () -> {
            List<Pair<Integer, Integer>> expected = new ArrayList<>();
            for (Integer x : m()) {
              for (Integer y : liveB) {
                if (x % 3 == y % 3) {
                  expected.add(Pair.of(x, y));
                }
              }
            }
            assertSameBag(expected, dupJoin.toList(), "join with duplicates");
            Introspection.checkInvariants(dupJoin);
          });
      IncrCollection<Pair<Integer, Integer>> selfJoin = b.join(b, y -> y % 2, y -> y % 2);
      check(
          () -> {
            List<Pair<Integer, Integer>> expected = new ArrayList<>();
            for (Integer x : liveB) {
              for (Integer y : liveB) {
                if (x % 2 == y % 2) {
                  expected.add(Pair.of(x, y));
                }
              }
            }
            assertSameBag(expected, selfJoin.toList(), "self-join");
            Introspection.checkInvariants(selfJoin);
          });
    }

    void check(Runnable c) {
      checks.add(c);
    }

    List<Integer> a() {
      return liveA;
    }

    List<Integer> f() {
      return liveA.stream().filter(x -> x % 3 != 0).toList();
    }

    List<Integer> m() {
      return f().stream().map(x -> x / 2).toList();
    }

    List<Pair<Integer, Long>> countsOracle() {
      return liveA.stream()
          .collect(Collectors.groupingBy(x -> x % 4, Collectors.counting()))
          .entrySet()
          .stream()
          .map(e -> Pair.of(e.getKey(), e.getValue()))
          .toList();
    }

    List<Pair<Pair<Integer, Long>, Integer>> joinOracle() {
      List<Pair<Pair<Integer, Long>, Integer>> out = new ArrayList<>();
      for (Pair<Integer, Long> c : countsOracle()) {
        for (Integer y : liveB) {
          if (c.first() == y % 4) {
            out.add(Pair.of(c, y));
          }
        }
      }
      return out;
    }

    /** Decodes and runs each operation; reads at random points; checks everything at the end. */
    void run(List<Integer> ops) {
      for (int op : ops) {
        int v = (op / 8) % 13;
        switch (op % 8) {
          case 0, 1 -> {
            a.insert(v);
            liveA.add(v);
          }
          case 2 -> assertEquals(removeLast(liveA, v), a.delete(v), "delete " + v);
          case 3 -> {
            b.insert(v % 9);
            liveB.add(v % 9);
          }
          case 4 -> assertEquals(removeLast(liveB, v % 9), b.delete(v % 9), "delete b " + v);
          case 5 -> {
            // A batch, with a read of one stage in the middle of it.
            engine.batch(
                () -> {
                  a.insert(v);
                  liveA.add(v);
                  assertEquals(removeLast(liveA, (v + 1) % 13), a.delete((v + 1) % 13));
                  b.insert(v % 9);
                  liveB.add(v % 9);
                  checks.get((op / 104) % checks.size()).run();
                  assertEquals(removeLast(liveA, v), a.delete(v));
                  a.insert(v);
                  liveA.add(v);
                });
          }
          case 6 -> checks.get((op / 8) % checks.size()).run();
          default -> {
            if (v < 4) {
              checks.forEach(Runnable::run);
            }
          }
        }
      }
      checks.forEach(Runnable::run);
    }
  }

  static <T> List<T> stableSort(List<T> elements, Function<T, Integer> key) {
    List<T> copy = new ArrayList<>(elements);
    copy.sort(Comparator.comparing(key));
    return copy;
  }

  static <T> List<Pair<T, T>> pairsOf(List<T> sorted) {
    List<Pair<T, T>> out = new ArrayList<>();
    for (int i = 1; i < sorted.size(); i++) {
      out.add(Pair.of(sorted.get(i - 1), sorted.get(i)));
    }
    return out;
  }
}
