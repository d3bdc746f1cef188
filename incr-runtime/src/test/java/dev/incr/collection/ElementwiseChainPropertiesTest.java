package dev.incr.collection;

import static dev.incr.collection.Bags.assertSameBag;
import static dev.incr.collection.Bags.removeLast;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.IncrCollection;
import dev.incr.internal.collection.Introspection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Chains of element-wise stages, which keep their state by the slots their input numbers its
 * elements with: filter after filter, map after filter, filter and map after a group, filter and
 * map after a map (whose output has no slots), a group of a map's output, on both engines. Stages
 * are first read at random points (late subscription hands over the current contents with their
 * slots); batches churn the same elements so logs are consolidated and slots are freed and reused.
 * After every read the stage equals the oracle and its invariants hold, and a deletion calls no
 * user function.
 */
class ElementwiseChainPropertiesTest {

  @Property(tries = 500)
  void singleThreadedChainsMatchFromScratch(
      @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 99_999) Integer> ops) {
    new Chains(Engine.singleThreaded()).run(ops);
  }

  @Property(tries = 300)
  void concurrentChainsMatchFromScratch(
      @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 99_999) Integer> ops) {
    new Chains(Engine.concurrent()).run(ops);
  }

  static final class Chains {
    final Engine engine;
    final IncrCollection<Integer> xs;
    final List<Integer> live = new ArrayList<>();
    final List<IncrCollection<?>> stages = new ArrayList<>();
    final List<Function<List<Integer>, List<?>>> oracles = new ArrayList<>();
    final List<Computed<Long>> counts = new ArrayList<>();
    final AtomicLong calls = new AtomicLong();

    Chains(Engine engine) {
      this.engine = engine;
      xs = engine.collection();
      Predicate<Integer> notThree = counted(x -> x % 3 != 0);
      Predicate<Integer> small = counted(x -> x < 10);
      Function<Integer, Integer> half = countedF(x -> x / 2);
      Function<Integer, Integer> plus = countedF(x -> x + 100);
      IncrCollection<Integer> f1 = xs.filter(notThree);
      IncrCollection<Integer> f2 = f1.filter(small);
      IncrCollection<Integer> m1 = f2.map(half);
      IncrCollection<Integer> f3 = m1.filter(notThree); // after a map: no slots
      IncrCollection<Integer> m2 = m1.map(plus); // after a map: keyed by element
      IncrCollection<Integer> g = xs.groupBy(x -> x % 2).group(1);
      IncrCollection<Integer> gf = g.filter(small);
      IncrCollection<Integer> gm = gf.map(half);
      add(f1, l -> l.stream().filter(x -> x % 3 != 0).toList());
      add(f2, l -> l.stream().filter(x -> x % 3 != 0 && x < 10).toList());
      add(m1, l -> l.stream().filter(x -> x % 3 != 0 && x < 10).map(x -> x / 2).toList());
      add(
          f3,
          l ->
              l.stream()
                  .filter(x -> x % 3 != 0 && x < 10)
                  .map(x -> x / 2)
                  .filter(x -> x % 3 != 0)
                  .toList());
      add(
          m2,
          l -> l.stream().filter(x -> x % 3 != 0 && x < 10).map(x -> x / 2 + 100).toList());
      IncrCollection<Integer> hg = m2.groupBy(x -> x % 2).group(0); // grouped by element
      IncrCollection<Integer> hgf = hg.filter(x -> x > 101);
      add(
          hg,
          l ->
              l.stream()
                  .filter(x -> x % 3 != 0 && x < 10)
                  .map(x -> x / 2 + 100)
                  .filter(x -> x % 2 == 0)
                  .toList());
      add(
          hgf,
          l ->
              l.stream()
                  .filter(x -> x % 3 != 0 && x < 10)
                  .map(x -> x / 2 + 100)
                  .filter(x -> x % 2 == 0 && x > 101)
                  .toList());
      add(g, l -> l.stream().filter(x -> x % 2 == 1).toList());
      add(gf, l -> l.stream().filter(x -> x % 2 == 1 && x < 10).toList());
      add(gm, l -> l.stream().filter(x -> x % 2 == 1 && x < 10).map(x -> x / 2).toList());
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

    private void add(IncrCollection<Integer> stage, Function<List<Integer>, List<?>> oracle) {
      stages.add(stage);
      oracles.add(oracle);
      counts.add(stage.count());
    }

    void check(int i) {
      List<?> expected = oracles.get(i).apply(live);
      if (i % 2 == 0) {
        assertEquals((long) expected.size(), counts.get(i).get(), "count of stage " + i);
      }
      assertSameBag(expected, stages.get(i).toList(), "stage " + i);
      Introspection.checkInvariants(stages.get(i));
    }

    void run(List<Integer> ops) {
      for (int op : ops) {
        int v = (op / 16) % 14;
        switch (op % 16) {
          case 0, 1, 2, 3, 4 -> {
            xs.insert(v);
            live.add(v);
          }
          case 5, 6, 7 -> {
            assertEquals(removeLast(live, v), xs.delete(v), "delete " + v);
            check((op / 256) % stages.size());
          }
          case 8, 9 ->
              engine.batch(
                  () -> {
                    for (int k = 0; k < 4; k++) {
                      int w = (v + k) % 14;
                      xs.insert(w);
                      live.add(w);
                      assertEquals(removeLast(live, (w + 3) % 14), xs.delete((w + 3) % 14));
                    }
                  });
          case 10 -> {
            // Bring everything up to date, then delete: no user function may run for it.
            for (int i = 0; i < stages.size(); i++) {
              check(i);
            }
            long before = calls.get();
            boolean removed = xs.delete(v);
            assertEquals(removeLast(live, v), removed);
            for (int i = 0; i < stages.size(); i++) {
              stages.get(i).toList();
              counts.get(i).get();
            }
            assertEquals(before, calls.get(), "a deletion calls no predicate or function");
          }
          default -> check(op % stages.size());
        }
      }
      for (int i = 0; i < stages.size(); i++) {
        check(i);
      }
    }
  }
}
