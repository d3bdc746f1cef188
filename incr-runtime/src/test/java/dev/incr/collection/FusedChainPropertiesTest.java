package dev.incr.collection;

import static dev.incr.collection.Bags.assertSameBag;
import static dev.incr.collection.Bags.removeLast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.IncrCollection;
import dev.incr.internal.collection.Introspection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A chain of element-wise stages that each have one reader, so a change moves from the first
 * stage's queue to the last stage through direct calls: filter, filter, map, map (keyed by
 * element), filter (keyed by element), map. The first map throws for 13 and the third filter for
 * 35 (what 17 becomes), so a read below either fails while such an element is live and reaches
 * it, and must work again once it is deleted; stages above must never see the exception, and
 * stages that hand changes on to a throwing one must be left as they were. Stages are read at random points (each read of a middle stage queues
 * changes between it and its reader, so fused and queued hand-overs alternate), and second readers
 * are attached to middle stages at random points, which ends the direct hand-over there. After
 * every read the stage equals a from-scratch computation over the live elements (or throws exactly
 * when that computation does), its invariants hold, and a deletion calls no user function.
 */
class FusedChainPropertiesTest {

  @Property(tries = 600)
  void singleThreadedFusedChainMatchesFromScratch(
      @ForAll @Size(max = 90) List<@IntRange(min = 0, max = 99_999) Integer> ops) {
    new Chain(Engine.singleThreaded()).run(ops);
  }

  @Property(tries = 300)
  void concurrentFusedChainMatchesFromScratch(
      @ForAll @Size(max = 90) List<@IntRange(min = 0, max = 99_999) Integer> ops) {
    new Chain(Engine.concurrent()).run(ops);
  }

  /** The element the first map's function throws for. */
  static final int BAD = 13;

  /** The element whose image the third filter's predicate throws for. */
  static final int BAD2 = 17;

  static final class Chain {
    final Engine engine;
    final IncrCollection<Integer> xs;
    final List<Integer> live = new ArrayList<>();
    final List<IncrCollection<Integer>> stages = new ArrayList<>();
    final List<Function<Stream<Integer>, Stream<Integer>>> oracles = new ArrayList<>();
    /** Per stage: 0 above the throwing stages, 1 below the first map, 2 below the third filter. */
    final List<Integer> level = new ArrayList<>();

    final List<Computed<Long>> counts = new ArrayList<>();
    final AtomicLong calls = new AtomicLong();
    int lateReaders;

    Chain(Engine engine) {
      this.engine = engine;
      xs = engine.collection();
      IncrCollection<Integer> f1 = xs.filter(counted(x -> x % 5 != 0));
      IncrCollection<Integer> f2 = f1.filter(counted(x -> x < 40));
      IncrCollection<Integer> m1 =
          f2.map(
              countedF(
                  x -> {
                    if (x == BAD) {
                      throw new IllegalArgumentException("no " + BAD);
                    }
                    return x * 2;
                  }));
      IncrCollection<Integer> m2 = m1.map(countedF(x -> x + 1));
      IncrCollection<Integer> f3 =
          m2.filter(
              counted(
                  x -> {
                    if (x == 2 * BAD2 + 1) {
                      throw new IllegalArgumentException("no " + (2 * BAD2 + 1));
                    }
                    return x % 3 != 0;
                  }));
      IncrCollection<Integer> m3 = f3.map(countedF(x -> x / 2));
      add(f1, s -> s.filter(x -> x % 5 != 0), 0);
      add(f2, s -> oracle(0).apply(s).filter(x -> x < 40), 0);
      add(m1, s -> oracle(1).apply(s).map(x -> x * 2), 1);
      add(m2, s -> oracle(2).apply(s).map(x -> x + 1), 1);
      add(f3, s -> oracle(3).apply(s).filter(x -> x % 3 != 0), 2);
      add(m3, s -> oracle(4).apply(s).map(x -> x / 2), 2);
    }

    private Function<Stream<Integer>, Stream<Integer>> oracle(int i) {
      return oracles.get(i);
    }

    private Predicate<Integer> counted(Predicate<Integer> p) {
      return x -> {
        calls.incrementAndGet();
        return p.test(x);
      };
    }

    private Function<Integer, Integer> countedF(Function<Integer, Integer> f) {
      return x -> {
        calls.incrementAndGet();
        return f.apply(x);
      };
    }

    private void add(
        IncrCollection<Integer> stage,
        Function<Stream<Integer>, Stream<Integer>> oracle,
        int below) {
      stages.add(stage);
      oracles.add(oracle);
      level.add(below);
      counts.add(stage.count());
    }

    /** Whether {@code v} is live and passes the filters above the first map. */
    boolean reaches(int v) {
      return oracle(1).apply(live.stream()).anyMatch(x -> x == v);
    }

    /** Whether reading stage {@code i} must fail. */
    boolean fails(int i) {
      int l = level.get(i);
      return l >= 1 && reaches(BAD) || l >= 2 && reaches(BAD2);
    }

    boolean anyFailure() {
      return reaches(BAD) || reaches(BAD2);
    }

    /** Reads stage i (its count, or its list, or both) and compares with the oracle. */
    void check(int i, int how) {
      if (fails(i)) {
        IllegalArgumentException e =
            how % 2 == 0
                ? assertThrows(IllegalArgumentException.class, counts.get(i)::get, "stage " + i)
                : assertThrows(IllegalArgumentException.class, stages.get(i)::toList, "stage " + i);
        boolean first = level.get(i) >= 1 && reaches(BAD);
        boolean second = level.get(i) >= 2 && reaches(BAD2);
        assertTrue(
            first && e.getMessage().contains("no " + BAD)
                || second && e.getMessage().contains("no " + (2 * BAD2 + 1)),
            e.getMessage());
        return;
      }
      List<Integer> expected = oracles.get(i).apply(live.stream()).toList();
      if (how % 3 != 1) {
        assertEquals((long) expected.size(), counts.get(i).get(), "count of stage " + i);
      }
      if (how % 3 != 0) {
        assertSameBag(expected, stages.get(i).toList(), "stage " + i);
      }
      Introspection.checkInvariants(stages.get(i));
    }

    /** Attaches a second reader to a middle stage: the stage stops handing changes on directly. */
    void addLateReader(int at) {
      if (lateReaders >= 3) {
        return;
      }
      lateReaders++;
      int i = at % (stages.size() - 1);
      Function<Stream<Integer>, Stream<Integer>> above = oracles.get(i);
      add(stages.get(i).map(x -> x + 7), s -> above.apply(s).map(x -> x + 7), level.get(i));
    }

    void run(List<Integer> ops) {
      for (int op : ops) {
        int v = (op / 16) % 45;
        int i = (op / 1024) % stages.size();
        switch (op % 16) {
          case 0, 1, 2, 3, 4 -> {
            xs.insert(v);
            live.add(v);
          }
          case 5, 6 -> assertEquals(removeLast(live, v), xs.delete(v), "delete " + v);
          case 7 -> {
            int bad = v % 2 == 0 ? BAD : BAD2;
            assertEquals(removeLast(live, bad), xs.delete(bad), "delete " + bad);
          }
          case 8 ->
              engine.batch(
                  () -> {
                    for (int k = 0; k < 3; k++) {
                      int w = (v + 11 * k) % 45;
                      xs.insert(w);
                      live.add(w);
                      assertEquals(removeLast(live, (w + 2) % 45), xs.delete((w + 2) % 45));
                    }
                  });
          case 9 -> addLateReader(op / 16);
          case 10 -> {
            // Everything up to date, then a deletion: it calls no predicate or function.
            if (!anyFailure()) {
              for (int s = 0; s < stages.size(); s++) {
                check(s, 2);
              }
              long before = calls.get();
              assertEquals(removeLast(live, v), xs.delete(v));
              for (int s = stages.size() - 1; s >= 0; s--) {
                check(s, 2);
              }
              assertEquals(before, calls.get(), "a deletion calls no predicate or function");
            }
          }
          default -> check(i, op / 64);
        }
      }
      for (int s = 0; s < stages.size(); s++) {
        check(s, 2);
      }
      for (int bad : new int[] {BAD, BAD2}) {
        while (xs.delete(bad)) {
          assertTrue(removeLast(live, bad));
        }
        assertTrue(!live.contains(bad));
      }
      for (int s = stages.size() - 1; s >= 0; s--) {
        check(s, 2);
      }
    }
  }
}
