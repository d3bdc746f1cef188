package dev.incr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.internal.EngineInternals;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ValueLru} on both engines: a budget holds at most its maximum of values, an evicted node
 * keeps its dependencies, a read brings its value back with the change revision kept (readers
 * are not re-run) when nothing it read changed, and as an ordinary re-run counted as a change
 * when something did; observed nodes and what they read keep their values; bad use gets a clear
 * error.
 */
class ValueLruTest {

  /** {@code count} computeds in one budget, each over its own var; counts each one's runs. */
  private static final class Keyed {
    final List<Var<Integer>> vars = new ArrayList<>();
    final List<Computed<Integer>> nodes = new ArrayList<>();
    final int[] runs;

    Keyed(Engine engine, ValueLru lru, int count) {
      runs = new int[count];
      for (int i = 0; i < count; i++) {
        int index = i;
        Var<Integer> v = engine.var(i);
        vars.add(v);
        nodes.add(engine.computed(() -> {
          runs[index]++;
          return v.get() * 10;
        }, lru).label("k" + i));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aChurnOfDistinctReadsHoldsAtMostTheBudget(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    ValueLru lru = engine.valueLru(8);
    Keyed keyed = new Keyed(engine, lru, 1_000);
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 1_000; i++) {
        assertEquals(i * 10, keyed.nodes.get(i).get());
        assertTrue(lru.valuesHeld() <= 8, "held " + lru.valuesHeld() + " after reading k" + i);
      }
    }
    assertEquals(8, lru.valuesHeld());
    assertEquals(8, engine.stats().valuesHeld());
    // Every value stored entered the budget: a first run or a restore; all but 8 were evicted.
    assertEquals(1_000 + lru.restores() - 8, lru.evictions());
    assertEquals(lru.evictions(), engine.stats().evictions());
    assertEquals(lru.restores(), engine.stats().restores());
    // Rounds 2 and 3 brought back every value but those still held when read: at most the 8
    // held when the round began (nothing it read had changed, so each came back as a restore).
    assertTrue(lru.restores() >= 2_000 - 2 * 8 && lru.restores() <= 2_000, "" + lru.restores());
    assertEquals(1_000, engine.stats().runs(), "first runs only; restores are counted apart");
    assertEquals(0, engine.stats().reruns() + engine.stats().cutoffs());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void recentlyReadValuesStay(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    ValueLru lru = engine.valueLru(3);
    Keyed keyed = new Keyed(engine, lru, 10);
    Computed<Integer> hot = keyed.nodes.get(0);
    for (int i = 1; i < 10; i++) {
      hot.get();
      keyed.nodes.get(i).get();
    }
    hot.get();
    assertEquals(1, keyed.runs[0], "read between every other read: never evicted");
    assertFalse(EngineInternals.isEvicted(hot));
    assertTrue(EngineInternals.isEvicted(keyed.nodes.get(1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void anEvictedValueBroughtBackDoesNotReRunItsReaders(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    ValueLru lru = engine.valueLru(1);
    Var<Integer> x = engine.var(2);
    Var<Integer> other = engine.var(0);
    AtomicInteger squareRuns = new AtomicInteger();
    AtomicInteger readerRuns = new AtomicInteger();
    Computed<Integer> square = engine.computed(() -> {
      squareRuns.incrementAndGet();
      return x.get() * x.get();
    }, lru).label("square");
    Computed<Integer> filler = engine.computed(other::get, lru).label("filler");
    Computed<Integer> reader = engine.computed(() -> {
      readerRuns.incrementAndGet();
      return square.get() + 1;
    }).label("reader");
    assertEquals(5, reader.get());
    filler.get(); // evicts square
    assertTrue(EngineInternals.isEvicted(square));
    long changedAt = engine.graph(square).nodes().get(0).changedAt();

    other.set(1); // a new revision: reader must be verified, through square's revisions only
    assertEquals(5, reader.get());
    assertEquals(1, squareRuns.get(), "verifying reader needs square's revisions, not its value");
    assertEquals(1, readerRuns.get());
    assertTrue(EngineInternals.isEvicted(square));

    Traced<Integer> traced = engine.trace(square::get); // brought back: nothing it read changed
    assertEquals(4, traced.value());
    assertEquals(List.of(TraceEvent.Kind.RESTORED),
        traced.trace().events().stream().map(TraceEvent::kind).collect(
            java.util.stream.Collectors.toList()));
    assertEquals(2, squareRuns.get());
    assertEquals(changedAt, engine.graph(square).nodes().get(0).changedAt(), "backdated");
    assertEquals(1, engine.stats().restores());
    other.set(2);
    assertEquals(5, reader.get());
    assertEquals(1, readerRuns.get(), "the value brought back is no change");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void anEvictedNodeWhoseInputChangedReRunsAsAChange(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    ValueLru lru = engine.valueLru(1);
    Var<Integer> x = engine.var(2);
    Var<Integer> other = engine.var(0);
    AtomicInteger readerRuns = new AtomicInteger();
    Computed<Integer> parity = engine.computed(() -> x.get() % 2, lru).label("parity");
    Computed<Integer> filler = engine.computed(other::get, lru).label("filler");
    Computed<Integer> reader = engine.computed(() -> {
      readerRuns.incrementAndGet();
      return parity.get() + 1;
    }).label("reader");
    assertEquals(1, reader.get());
    filler.get(); // evicts parity

    x.set(4); // parity stays 0, but its old value is gone: no cutoff
    assertEquals(1, reader.get());
    assertEquals(2, readerRuns.get(), "no old value to compare with: the re-run is a change");
    assertEquals(1, engine.stats().reruns(), "parity");
    assertEquals(1, engine.stats().cutoffs(), "reader");
    assertEquals(0, engine.stats().restores());

    x.set(6); // parity held its value this time: cut off as usual
    assertEquals(1, reader.get());
    assertEquals(2, readerRuns.get());
    assertEquals(1, engine.stats().reruns());
    assertEquals(2, engine.stats().cutoffs(), "parity now");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void observedNodesAndWhatTheyReadAreNeverEvicted(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    ValueLru lru = engine.valueLru(1);
    Var<Integer> x = engine.var(1);
    Computed<Integer> below = engine.computed(() -> x.get() + 1, lru).label("below");
    Computed<Integer> observed = engine.computed(() -> below.get() * 2, lru).label("observed");
    List<Integer> told = new ArrayList<>();
    Observation observation = engine.observe(observed, told::add);
    // Reading observed ran below and then observed: the budget of one evicted below meanwhile,
    // before either was observed. Read now, its value comes back and stays while it is needed.
    assertEquals(2, below.get());
    Keyed keyed = new Keyed(engine, lru, 20);
    for (Computed<Integer> n : keyed.nodes) {
      n.get();
    }
    assertFalse(EngineInternals.isEvicted(observed));
    assertFalse(EngineInternals.isEvicted(below));
    assertEquals(3, lru.valuesHeld(), "the two observed and the one the budget allows");
    x.set(2);
    assertEquals(List.of(6), told);
    assertEquals(6, observed.get());
    assertEquals(2, engine.stats().observedNodes() + engine.stats().observers());
    assertEquals(3, engine.stats().necessaryNodes(), "observed, below and x");

    observation.close();
    assertEquals(0, engine.stats().necessaryNodes());
    keyed.nodes.get(0).get(); // evicted before: brought back, and the budget evicts down to 1
    assertEquals(1, lru.valuesHeld());
    assertTrue(EngineInternals.isEvicted(observed));
    assertTrue(EngineInternals.isEvicted(below));
    assertEquals(6, observed.get());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aValueEvictedBeforeItsNodeIsObservedComesBackForTheObserver(String name,
      Supplier<Engine> engines) {
    Engine engine = engines.get();
    ValueLru lru = engine.valueLru(1);
    Var<Integer> x = engine.var(1);
    Computed<Integer> node = engine.computed(() -> x.get() * 3, lru).label("node");
    Computed<Integer> filler = engine.computed(() -> 0, lru).label("filler");
    node.get();
    filler.get();
    assertTrue(EngineInternals.isEvicted(node));
    List<Integer> told = new ArrayList<>();
    engine.observe(node, told::add);
    assertFalse(EngineInternals.isEvicted(node));
    x.set(2);
    assertEquals(List.of(6), told);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aTallChainOfEvictedNodesComesBackOnTheCallersStack(String name,
      Supplier<Engine> engines) {
    Engine engine = engines.get();
    ValueLru lru = engine.valueLru(1);
    Var<Integer> x = engine.var(0);
    Computed<Integer> top = null;
    Node<Integer> below = x;
    for (int i = 0; i < 5_000; i++) {
      Node<Integer> b = below;
      top = engine.computed(() -> b.get() + 1, lru);
      below = top;
    }
    assertEquals(5_000, top.get());
    Computed<Integer> filler = engine.computed(() -> -1, lru);
    filler.get(); // every node of the chain is now evicted
    assertTrue(EngineInternals.isEvicted(top));
    long runs = engine.stats().runs();
    assertEquals(5_000, top.get(), "brought back link by link, nesting 5,000 deep");
    assertEquals(runs, engine.stats().runs());
    assertTrue(engine.stats().restores() >= 5_000);
    x.set(1);
    assertEquals(5_001, top.get());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aBudgetRefusesBadUse(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> engine.valueLru(0));
    assertEquals("valueLru(0): a budget must hold at least one value; pass 1 or more.",
        zero.getMessage());
    ValueLru foreign = engines.get().valueLru(4);
    IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
        () -> engine.computed(() -> 1, foreign));
    assertEquals("The budget ValueLru(0 of 4 values held) passed to computed(function, lru)"
        + " belongs to another engine; make it with valueLru(n) on the engine that creates the"
        + " node.", other.getMessage());
    assertThrows(NullPointerException.class, () -> engine.computed(() -> 1, null));
    assertThrows(NullPointerException.class, () -> engine.computed(null, engine.valueLru(1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  @SuppressWarnings("unchecked")
  void aCycleThroughBudgetedNodesIsReportedAndRecovers(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    ValueLru lru = engine.valueLru(1);
    Var<Boolean> loop = engine.var(false);
    Computed<Integer>[] self = new Computed[1];
    self[0] = engine.computed(() -> loop.get() ? self[0].get() : 1, lru).label("self");
    Computed<Integer> filler = engine.computed(() -> 0, lru).label("filler");
    assertEquals(1, self[0].get());
    filler.get(); // evicts self
    loop.set(true);
    CycleException cycle = assertThrows(CycleException.class, self[0]::get);
    assertTrue(cycle.getMessage().contains("self"), cycle.getMessage());
    filler.get();
    loop.set(false);
    assertEquals(1, self[0].get());
    filler.get();
    assertEquals(1, self[0].get(), "brought back after the cycle was broken");
    EngineInternals.checkInvariants(engine, List.of(loop, self[0], filler));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aFailedBringBackIsReportedAndRetried(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    ValueLru lru = engine.valueLru(1);
    boolean[] fail = {false};
    Computed<Integer> flaky = engine.computed(() -> {
      if (fail[0]) {
        throw new IllegalStateException("flaky");
      }
      return 7;
    }, lru);
    Computed<Integer> filler = engine.computed(() -> 0, lru);
    flaky.get();
    filler.get();
    fail[0] = true;
    assertEquals("flaky", assertThrows(IllegalStateException.class, flaky::get).getMessage());
    fail[0] = false;
    assertEquals(7, flaky.get());
  }

  /**
   * Readers on four threads and a writer, on the concurrent engine, over 64 computeds in a budget
   * of 4: values are evicted and brought back all the time, and every read returns a value
   * consistent with one revision (never the eviction's placeholder, never a mix).
   */
  @org.junit.jupiter.api.Test
  void concurrentReadersNeverSeeAnEvictedValue() throws InterruptedException {
    Engine engine = Engine.concurrent();
    ValueLru lru = engine.valueLru(4);
    Var<Integer> x = engine.var(0);
    List<Computed<int[]>> nodes = new ArrayList<>();
    for (int k = 0; k < 64; k++) {
      int factor = k;
      nodes.add(engine.computed(() -> new int[] {x.get(), x.get() * factor}, lru));
    }
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    List<Thread> readers = new ArrayList<>();
    // The writes start once every reader is reading, so that reads and writes do overlap.
    java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(4);
    for (int t = 0; t < 4; t++) {
      int seed = t;
      Thread reader = new Thread(() -> {
        java.util.Random random = new java.util.Random(seed);
        try {
          for (int reads = 0; !stop.get(); reads++) {
            int k = random.nextInt(64);
            int[] pair = nodes.get(k).get();
            if (pair[1] != pair[0] * k) {
              throw new AssertionError("node " + k + " returned " + pair[0] + ", " + pair[1]);
            }
            if (reads == 100) {
              reading.countDown();
            }
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
          reading.countDown();
        }
      });
      readers.add(reader);
      reader.start();
    }
    assertTrue(reading.await(30, java.util.concurrent.TimeUnit.SECONDS), "readers did not start");
    for (int i = 1; i <= 2_000 && failure.get() == null; i++) {
      x.set(i);
    }
    stop.set(true);
    for (Thread reader : readers) {
      reader.join();
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
    assertTrue(lru.valuesHeld() <= 4);
    assertTrue(lru.evictions() > 0);
  }

  /**
   * Computations on four threads, each run outside the concurrent engine's lock, read three
   * computeds of a budget of one twice, so their second reads find the values evicted and bring
   * them back, while a writer keeps moving the input: every value a computation gets is of the
   * revision it runs at (a computation that a write made obsolete is cancelled and starts over).
   */
  @org.junit.jupiter.api.Test
  void computationsBringingBackEvictedValuesSeeOnlyTheirOwnRevision() throws InterruptedException {
    Engine engine = Engine.concurrent();
    ValueLru lru = engine.valueLru(1);
    Var<Integer> x = engine.var(0);
    List<Computed<int[]>> nodes = new ArrayList<>();
    for (int k = 1; k <= 3; k++) {
      int factor = k;
      nodes.add(engine.computed(() -> new int[] {x.get(), x.get() * factor}, lru).label("n" + k));
    }
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    List<Thread> readers = new ArrayList<>();
    Supplier<Computed<Integer>> outers = () -> engine.computed(() -> {
      int revisionInput = x.get();
      for (int round = 0; round < 2; round++) {
        for (int k = 0; k < 3; k++) {
          int[] pair = nodes.get(k).get();
          if (pair[0] != revisionInput || pair[1] != pair[0] * (k + 1)) {
            throw new AssertionError("a computation at x=" + revisionInput + " got " + pair[0]
                + ", " + pair[1] + " from n" + (k + 1));
          }
        }
      }
      return revisionInput;
    });
    for (int t = 0; t < 4; t++) {
      Computed<Integer> outer = outers.get();
      Thread reader = new Thread(() -> {
        try {
          while (!stop.get()) {
            int seen = outer.get();
            if (seen < 0) {
              throw new AssertionError("read " + seen);
            }
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      });
      readers.add(reader);
      reader.start();
    }
    for (int i = 1; i <= 2_000 && failure.get() == null; i++) {
      x.set(i);
    }
    stop.set(true);
    for (Thread reader : readers) {
      reader.join();
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
    long restores = engine.stats().restores();
    assertEquals(2_000, outers.get().get(), "a new computation's second reads bring values back");
    assertTrue(engine.stats().restores() >= restores + 2);
    assertTrue(lru.valuesHeld() <= 1);
  }
}
