package dev.incr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.internal.EngineInternals;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The engine's exact semantics, with run counts: what runs, when, and what observers are told.
 * Each subclass runs it on one engine (and way of verifying).
 */
abstract class ExactSemanticsContract extends CountedGraph {

  // -------------------------------------------------------------------------------------------
  // No unneeded runs, observed or not

  @Test
  void anObservedNodeDoesNotReRunDependenciesItsNewRunNoLongerReads() {
    Var<Integer> head = var("head", 0);
    Counted<Integer> dbl = new Counted<>("dbl", () -> head.get() * 2);
    Counted<Integer> inv = new Counted<>("inv", () -> -head.get());
    Counted<Integer> current = new Counted<>("current", () -> {
      int sum = 0;
      if (head.get() % 2 != 0) {
        for (int i = 0; i < 20; i++) {
          sum += dbl.node.get();
        }
      } else {
        sum = inv.node.get();
      }
      return sum;
    });
    assertEquals(0, dbl.node.get());
    assertEquals(0, inv.node.get());
    List<Integer> delivered = new ArrayList<>();
    Observation observation = engine.observe(current.node, delivered::add);
    for (int k = 1; k <= 100; k++) {
      head.set(k);
      assertEquals(k % 2 != 0 ? 40 * k : -k, current.node.get());
      checkInvariants();
    }
    // Each ran once at the start, then once for each value of head under which current read it.
    assertEquals(51, dbl.runs.get(), "dbl runs");
    assertEquals(51, inv.runs.get(), "inv runs");
    assertEquals(101, current.runs.get(), "current runs");
    assertEquals(100, delivered.size());
    assertEquals(-100, delivered.get(99));
    observation.close();
  }

  @Test
  void aReaderThatNoLongerNeedsAnUnobservedNodeLeavesItUnrun() {
    Var<Boolean> useA = var("useA", true);
    Var<Integer> x = var("x", 1);
    Counted<Integer> a = new Counted<>("a", () -> x.get() + 1);
    Counted<Integer> b = new Counted<>("b", () -> x.get() + 2);
    Counted<Integer> pick = new Counted<>("pick", () -> useA.get() ? a.node.get() : b.node.get());
    Counted<Integer> top = new Counted<>("top", () -> pick.node.get() * 10);
    Observation observation = engine.observe(top.node, v -> { });
    engine.batch(() -> {
      useA.set(false);
      x.set(5);
    });
    assertEquals(70, top.node.get());
    assertEquals(1, a.runs.get(), "a is no longer read by pick and must not re-run");
    assertEquals(1, b.runs.get());
    checkInvariants();
    observation.close();
  }

  @Test
  void aChangeAbsorbedAtTheBottomOfAnObservedChainCostsTheSameWhateverItsHeight() {
    long shortChain = absorbedChangeWork(10);
    long tallChain = absorbedChangeWork(1_000);
    assertEquals(shortChain, tallChain);
  }

  /** Runs plus verifications of one change absorbed at the bottom of an observed chain. */
  private long absorbedChangeWork(int height) {
    Var<Integer> input = engine.var(50);
    Computed<Integer> clamp = engine.computed(() -> Math.min(input.get(), 10));
    Node<Integer> previous = clamp;
    for (int i = 0; i < height; i++) {
      Node<Integer> below = previous;
      previous = engine.computed(() -> below.get() + 1);
    }
    Observation observation = engine.observe(previous, v -> { });
    EngineStats before = engine.stats();
    input.set(60);
    assertEquals(height + 10, previous.get());
    EngineStats after = engine.stats();
    observation.close();
    return after.runs() + after.reruns() + after.cutoffs() + after.verifications()
        - (before.runs() + before.reruns() + before.cutoffs() + before.verifications());
  }

  // -------------------------------------------------------------------------------------------
  // No glitches inside a batch

  @Test
  void aBatchThatReadsMidwayNeverRunsAnObservedNodeOnAStateThatNeverExisted() {
    Var<Integer> a = var("a", 0);
    Var<Integer> b = var("b", 0);
    List<String> glitches = new ArrayList<>();
    Counted<Integer> cb = new Counted<>("cb", b::get);
    Counted<Integer> inv = new Counted<>("inv", () -> {
      int bv = cb.node.get();
      int av = a.get();
      if (av != bv) {
        glitches.add("a=" + av + " b=" + bv);
      }
      return bv - av;
    });
    List<Integer> delivered = new ArrayList<>();
    Observation observation = engine.observe(inv.node, delivered::add);
    for (int k = 1; k <= 50; k++) {
      int value = k;
      engine.batch(() -> {
        a.set(value);
        assertEquals(value - 1, cb.node.get(), "read-your-writes: b is not written yet");
        b.set(value);
      });
      checkInvariants();
    }
    assertEquals(List.of(), glitches);
    assertEquals(List.of(), delivered, "the observed value stayed 0");
    assertEquals(51, inv.runs.get(), "once at the start, then once per batch, on its final state");
    assertEquals(51, cb.runs.get());
    observation.close();
  }

  @Test
  void nothingRunsInsideABatchUnlessTheBatchReadsIt() {
    Var<Integer> a = var("a", 1);
    Counted<Integer> doubled = new Counted<>("doubled", () -> a.get() * 2);
    Counted<Integer> observed = new Counted<>("observed", () -> doubled.node.get() + 1);
    Counted<Integer> unobserved = new Counted<>("unobserved", () -> a.get() - 1);
    unobserved.node.get();
    List<Integer> delivered = new ArrayList<>();
    Observation observation = engine.observe(observed.node, delivered::add);
    engine.batch(() -> {
      a.set(2);
      assertEquals(1, doubled.runs.get());
      assertEquals(1, observed.runs.get());
      a.set(3);
      assertEquals(6, doubled.node.get(), "read-your-writes");
      assertEquals(2, doubled.runs.get());
      assertEquals(1, observed.runs.get(), "observed nodes wait for the end of the batch");
      a.set(4);
      engine.batch(() -> a.set(5));
      assertEquals(1, observed.runs.get(), "an inner batch's end is not the end");
      assertEquals(List.of(), delivered);
    });
    assertEquals(List.of(11), delivered);
    assertEquals(2, observed.runs.get());
    assertEquals(3, doubled.runs.get());
    assertEquals(1, unobserved.runs.get());
    checkInvariants();
    observation.close();
  }

  @Test
  void anObserverIsNotCalledWhenTheValueEndsAsItWasLastGiven() {
    Var<Integer> a = var("a", 1);
    Var<Integer> b = var("b", 1);
    Counted<Integer> diff = new Counted<>("diff", () -> a.get() - b.get());
    List<Integer> delivered = new ArrayList<>();
    Observation observation = engine.observe(diff.node, delivered::add);
    engine.batch(() -> {
      a.set(4);
      assertEquals(3, diff.node.get(), "the batch reads the value midway");
      b.set(4);
    });
    assertEquals(List.of(), delivered);
    a.set(5);
    assertEquals(List.of(1), delivered);
    engine.batch(() -> {
      a.set(9);
      assertEquals(5, diff.node.get());
      a.set(5);
    });
    assertEquals(List.of(1), delivered, "back to the value last given");
    checkInvariants();
    observation.close();
  }

  @Test
  void aVarWrittenAndWrittenBackInABatchIsUnchanged() {
    Var<Integer> x = var("x", 42);
    Counted<Integer> plain = new Counted<>("plain", () -> x.get() + 1);
    Counted<Integer> observedReader = new Counted<>("observedReader", () -> x.get() * 2);
    IntVar primitive = engine.intVar(7);
    Counted<Integer> primitiveReader = new Counted<>("primitiveReader", () -> primitive.get() + 1);
    assertEquals(43, plain.node.get());
    assertEquals(8, primitiveReader.node.get());
    List<Integer> seenX = new ArrayList<>();
    List<Integer> seenReader = new ArrayList<>();
    Observation onX = engine.observe(x, seenX::add);
    Observation onReader = engine.observe(observedReader.node, seenReader::add);
    engine.batch(() -> {
      x.set(0);
      primitive.set(0);
      x.set(42);
      primitive.set(7);
    });
    assertEquals(43, plain.node.get());
    assertEquals(84, observedReader.node.get());
    assertEquals(8, primitiveReader.node.get());
    assertEquals(1, plain.runs.get(), "nothing that reads it re-runs");
    assertEquals(1, observedReader.runs.get());
    assertEquals(1, primitiveReader.runs.get());
    assertEquals(List.of(), seenX);
    assertEquals(List.of(), seenReader);
    checkInvariants();
    // A write that sticks still propagates.
    engine.batch(() -> {
      x.set(0);
      x.set(1);
    });
    assertEquals(2, plain.node.get());
    assertEquals(List.of(1), seenX);
    assertEquals(List.of(2), seenReader);
    onX.close();
    onReader.close();
  }

  @Test
  void aBatchOverACollectionNeverShowsAMixedStateToAnObservedNode() {
    Var<Integer> a = var("a", 0);
    IncrCollection<Integer> col = engine.collection();
    col.insert(0);
    LongComputed count = col.count();
    DoubleComputed sum = col.sum(x -> x);
    List<String> glitches = new ArrayList<>();
    Counted<Double> balance = new Counted<>("balance", () -> {
      int av = a.get();
      long n = count.getAsLong();
      double s = sum.getAsDouble();
      if (s != (double) av * n) {
        glitches.add("a=" + av + " count=" + n + " sum=" + s);
      }
      return s - (double) av * n;
    });
    List<Double> delivered = new ArrayList<>();
    Observation observation = engine.observe(balance.node, delivered::add);
    for (int k = 1; k <= 20; k++) {
      int value = k;
      engine.batch(() -> {
        a.set(value);
        col.deleteAll(col.toList());
        col.insert(value);
      });
      assertEquals(List.of(value), col.toList());
    }
    assertEquals(List.of(), glitches);
    assertEquals(List.of(), delivered);
    assertEquals(21, balance.runs.get(), "once at the start, then once per batch");
    observation.close();
  }

  // -------------------------------------------------------------------------------------------
  // User code stays on the caller's thread

  /** A chain of {@code height} computeds over {@code bottom}, each adding one. */
  private Node<Integer> chain(Var<Integer> bottom, int height) {
    Node<Integer> previous = bottom;
    for (int i = 0; i < height; i++) {
      Node<Integer> below = previous;
      previous = engine.computed(() -> below.get() + 1);
    }
    return previous;
  }

  @Test
  void aMillionDeepChainIsFirstReadOnTheCallersThreadWithTheDefaultStack() throws Exception {
    Var<Integer> bottom = engine.var(0);
    Node<Integer> top = chain(bottom, 1_000_000);
    AtomicReference<Object> result = new AtomicReference<>();
    Thread reader = new Thread(() -> {
      try {
        result.set(top.get());
      } catch (Throwable t) {
        result.set(t);
      }
    }, "default-stack-reader");
    reader.start();
    reader.join();
    assertEquals(1_000_000, result.get());
    bottom.set(1);
    assertEquals(1_000_001, top.get());
  }

  @Test
  void everyComputationOfADeepChainRunsOnTheReadingThreadAndSeesItsThreadLocals() {
    ThreadLocal<String> context = new ThreadLocal<>();
    java.util.Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    List<String> contexts = new ArrayList<>();
    Var<Integer> bottom = engine.var(0);
    Node<Integer> previous = bottom;
    for (int i = 0; i < 1_000; i++) {
      Node<Integer> below = previous;
      previous = engine.computed(() -> {
        threads.add(Thread.currentThread());
        if (!"request-42".equals(context.get())) {
          contexts.add(context.get());
        }
        return below.get() + 1;
      });
    }
    context.set("request-42");
    try {
      assertEquals(1_000, previous.get());
    } finally {
      context.remove();
    }
    assertEquals(java.util.Set.of(Thread.currentThread()), threads);
    assertEquals(List.of(), contexts, "computations that did not see the caller's ThreadLocal");
  }

  @Test
  void aDeepChainWhoseTopAndBottomLockOneMonitorDoesNotDeadlock() {
    Object monitor = new Object();
    Var<Integer> input = engine.var(1);
    Computed<Integer> bottom = engine.computed(() -> {
      synchronized (monitor) {
        return input.get() * 2;
      }
    });
    Node<Integer> middle = bottom;
    for (int i = 0; i < 1_000; i++) {
      Node<Integer> below = middle;
      middle = engine.computed(() -> below.get() + 1);
    }
    Node<Integer> belowTop = middle;
    Computed<Integer> top = engine.computed(() -> {
      synchronized (monitor) {
        return belowTop.get();
      }
    });
    int value = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(30), () -> top.get());
    assertEquals(1_002, value);
  }

  @Test
  void aComputationThatCatchesEverythingStillComputesADeepChainRight() {
    Var<Integer> bottom = engine.var(0);
    Node<Integer> previous = bottom;
    for (int i = 0; i < 2_000; i++) {
      Node<Integer> below = previous;
      previous = engine.computed(() -> {
        try {
          return below.get() + 1;
        } catch (Throwable t) {
          return -1_000_000;
        }
      });
    }
    assertEquals(2_000, previous.get());
  }

  // -------------------------------------------------------------------------------------------
  // Cycles stay incremental

  @Test
  void aNodeThatFailedOnACycleReRunsOnlyWhenSomethingItReadChanges() {
    Var<Boolean> closeLoop = var("closeLoop", true);
    Var<Integer> unrelated = var("unrelated", 0);
    AtomicReference<Computed<Integer>> cRef = new AtomicReference<>();
    Counted<Integer> a = new Counted<>("a", () -> closeLoop.get() ? cRef.get().get() : 0);
    Counted<Integer> b = new Counted<>("b", () -> a.node.get() + 1);
    Counted<Integer> c = new Counted<>("c", () -> b.node.get() + 1);
    Counted<Integer> other = new Counted<>("other", () -> unrelated.get() * 2);
    cRef.set(c.node);
    CycleException first = assertThrows(CycleException.class, c.node::get);
    assertEquals(List.of("c", "b", "a", "c"), first.cycle());
    checkInvariants();
    int aRuns = a.runs.get();
    int bRuns = b.runs.get();
    int cRuns = c.runs.get();
    for (int i = 1; i <= 5; i++) {
      unrelated.set(i);
      assertEquals(2 * i, other.node.get());
      CycleException again = assertThrows(CycleException.class, c.node::get);
      assertEquals(first.cycle(), again.cycle(), "the same cycle is reported");
      assertThrows(CycleException.class, a.node::get);
      assertThrows(CycleException.class, b.node::get);
      checkInvariants();
    }
    assertEquals(aRuns, a.runs.get(), "a re-ran after writes to nothing it read");
    assertEquals(bRuns, b.runs.get(), "b re-ran after writes to nothing it read");
    assertEquals(cRuns, c.runs.get(), "c re-ran after writes to nothing it read");

    closeLoop.set(false);
    assertEquals(2, c.node.get());
    assertEquals(0, a.node.get());
    assertEquals(1, b.node.get());
    assertEquals(aRuns + 1, a.runs.get());
    checkInvariants();
    // And the cycle closes again when the var says so.
    closeLoop.set(true);
    assertThrows(CycleException.class, b.node::get);
    assertThrows(CycleException.class, c.node::get);
    checkInvariants();
  }

  @Test
  void aSelfReadingNodeFailsOnceAndRecoversWhenItStopsReadingItself() {
    Var<Boolean> loop = var("loop?", true);
    Var<Integer> unrelated = var("unrelated", 0);
    AtomicReference<Computed<Integer>> self = new AtomicReference<>();
    Counted<Integer> node = new Counted<>("self", () -> loop.get() ? self.get().get() + 1 : 7);
    self.set(node.node);
    assertEquals(List.of("self", "self"), assertThrows(CycleException.class, node.node::get).cycle());
    unrelated.set(1);
    assertThrows(CycleException.class, node.node::get);
    assertThrows(CycleException.class, node.node::get);
    assertEquals(1, node.runs.get());
    checkInvariants();
    loop.set(false);
    assertEquals(7, node.node.get());
    assertEquals(2, node.runs.get());
    checkInvariants();
  }

  /** Spreadsheet cells: each catches the cycle and shows it as a value. */
  @Test
  void cellsThatCaughtACycleAreNotReRunByUnrelatedEditsAndRecoverWhenItBreaks() {
    TwoCells cells = new TwoCells("=B", "=A");
    Var<String> aFormula = cells.aFormula;
    Var<Integer> elsewhere = var("elsewhere", 0);
    Counted<String> a = cells.a;
    Counted<String> b = cells.b;
    Counted<String> sum = cells.sum;
    String shown = sum.node.get();
    assertEquals(2, shown.split("#CYCLE!", -1).length - 1, shown);
    checkInvariants();
    int aRuns = a.runs.get();
    int bRuns = b.runs.get();
    for (int i = 1; i <= 3; i++) {
      elsewhere.set(i);
      assertEquals(shown, sum.node.get());
      assertEquals(shown.substring(0, shown.indexOf('|')), a.node.get());
      b.node.get();
      checkInvariants();
    }
    assertEquals(aRuns, a.runs.get(), "A re-ran after an unrelated edit");
    assertEquals(bRuns, b.runs.get(), "B re-ran after an unrelated edit");
    assertEquals(1, sum.runs.get());

    aFormula.set("5");
    assertEquals("5|5", sum.node.get());
    assertEquals("5", b.node.get());
    checkInvariants();
  }

  /**
   * The entry of a cycle ({@code entry} reads {@code catcher}, which reads {@code entry} while it is
   * running and catches the cycle) stops reading the catcher and re-runs to an equal value.
   */
  @Test
  void aCatcherRecoversWhenTheCycleEntryReRunsToAnEqualValue() {
    Var<Boolean> loop = var("loop", true);
    Var<Integer> unrelated = var("unrelated", 0);
    AtomicReference<Computed<String>> catcherRef = new AtomicReference<>();
    Counted<String> entry = readsWhile(loop, "entry", catcherRef, "#REF!");
    Counted<String> catcher = new Counted<>("catcher", () -> caught(entry.node));
    Counted<Integer> other = new Counted<>("other", () -> unrelated.get() + 1);
    catcherRef.set(catcher.node);
    assertEquals("#REF!", entry.node.get());
    assertEquals("#CYCLE!", catcher.node.get());
    checkInvariants();
    assertUnrelatedWritesRunNothing(unrelated, other, entry, catcher);
    checkInvariants();

    assertTrue(EngineInternals.tracksCycles(engine));
    loop.set(false);
    assertEquals("#REF!", catcher.node.get(), "the catcher still shows a cycle that is gone");
    assertEquals("#REF!", entry.node.get());
    assertEquals(2, entry.runs.get(), "entry runs");
    assertEquals(2, catcher.runs.get(), "catcher runs");
    checkInvariants();
    assertFalse(EngineInternals.tracksCycles(engine), "no cycle is left to track");
    // No longer on a cycle: unrelated writes leave it alone, and it follows what it reads.
    assertUnrelatedWritesRunNothing(unrelated, other, entry, catcher);
    checkInvariants();
    loop.set(true);
    assertEquals("#REF!", entry.node.get());
    assertEquals("#CYCLE!", catcher.node.get(), "the cycle closes again");
    checkInvariants();
  }

  /** The cycle entry -> middle -> catcher -> entry is broken at middle, whose value stays equal. */
  @Test
  void aCatcherRecoversWhenAnIntermediateNodeBreaksTheCycleWithAnEqualValue() {
    Var<Boolean> loop = var("loop", true);
    Var<Integer> unrelated = var("unrelated", 0);
    AtomicReference<Computed<String>> catcherRef = new AtomicReference<>();
    Counted<String> middle = readsWhile(loop, "middle", catcherRef, "m");
    Counted<String> entry = new Counted<>("entry", () -> "e" + middle.node.get());
    Counted<String> catcher = new Counted<>("catcher", () -> caught(entry.node));
    Counted<Integer> other = new Counted<>("other", () -> unrelated.get() + 1);
    catcherRef.set(catcher.node);
    assertEquals("em", entry.node.get());
    assertEquals("#CYCLE!", catcher.node.get());
    checkInvariants();
    assertUnrelatedWritesRunNothing(unrelated, other, entry, middle, catcher);
    checkInvariants();

    loop.set(false);
    assertEquals("em", catcher.node.get(), "the catcher still shows a cycle that is gone");
    assertEquals(2, middle.runs.get(), "middle runs");
    assertEquals(1, entry.runs.get(), "entry runs (middle was cut off)");
    assertEquals(2, catcher.runs.get(), "catcher runs");
    checkInvariants();
    assertUnrelatedWritesRunNothing(unrelated, other, entry, middle, catcher);
    checkInvariants();
  }

  /** A node on the cycle that does not catch it stays cycle-failed only while the cycle stands. */
  @Test
  void aNodeThatFailedOnACycleRecoversWhenTheCycleBreaksWithoutAValueChanging() {
    Var<Boolean> loop = var("loop", true);
    Var<Integer> unrelated = var("unrelated", 0);
    AtomicReference<Computed<String>> failingRef = new AtomicReference<>();
    Counted<String> entry = new Counted<>("entry", () -> {
      if (loop.get()) {
        caught(failingRef.get());
      }
      return "e";
    });
    Counted<String> failing = new Counted<>("failing", () -> entry.node.get() + "!");
    Counted<Integer> other = new Counted<>("other", () -> unrelated.get() + 1);
    failingRef.set(failing.node);
    assertEquals("e", entry.node.get());
    CycleException e = assertThrows(CycleException.class, failing.node::get);
    assertEquals(List.of("entry", "failing", "entry"), e.cycle());
    checkInvariants();
    for (int i = 1; i <= 3; i++) {
      unrelated.set(i);
      assertEquals(i + 1, other.node.get());
      assertThrows(CycleException.class, failing.node::get);
      assertEquals("e", entry.node.get());
    }
    assertEquals(1, entry.runs.get(), "entry re-ran after writes to nothing it read");
    assertEquals(1, failing.runs.get(), "failing re-ran after writes to nothing it read");

    loop.set(false);
    assertEquals("e!", failing.node.get(), "still failing on a cycle that is gone");
    assertEquals(2, entry.runs.get(), "entry runs");
    assertEquals(2, failing.runs.get(), "failing runs");
    checkInvariants();
    assertFalse(EngineInternals.tracksCycles(engine), "no cycle is left to track");
    assertUnrelatedWritesRunNothing(unrelated, other, entry, failing);
    checkInvariants();
  }

  /** Observed, the catcher is brought up to date by the write that breaks the cycle. */
  @Test
  void anObservedCatcherRecoversAndItsObserverIsTold() {
    Var<Boolean> loop = var("loop", true);
    Var<Integer> unrelated = var("unrelated", 0);
    AtomicReference<Computed<String>> catcherRef = new AtomicReference<>();
    Counted<String> middle = readsWhile(loop, "middle", catcherRef, "m");
    Counted<String> entry = new Counted<>("entry", () -> "e" + middle.node.get());
    Counted<String> catcher = new Counted<>("catcher", () -> caught(entry.node));
    Counted<String> shown = new Counted<>("shown", () -> "[" + catcher.node.get() + "]");
    Counted<Integer> other = new Counted<>("other", () -> unrelated.get() + 1);
    catcherRef.set(catcher.node);
    assertEquals("em", entry.node.get());
    List<String> delivered = new ArrayList<>();
    Observation observation = engine.observe(shown.node, delivered::add);
    assertEquals("[#CYCLE!]", shown.node.get());
    // While the caught cycle stands, the observed graph holds it (middle reads catcher, which reads
    // entry, which reads middle): the edge that closes it is out of height order until it breaks.
    checkInvariants();
    assertUnrelatedWritesRunNothing(unrelated, other, entry, middle, catcher, shown);
    assertEquals(List.of(), delivered);
    checkInvariants();

    loop.set(false);
    assertEquals(List.of("[em]"), delivered, "the observer was told");
    assertEquals("[em]", shown.node.get());
    assertEquals(2, catcher.runs.get(), "catcher runs");
    assertEquals(2, shown.runs.get(), "shown runs");
    checkInvariants();
    assertUnrelatedWritesRunNothing(unrelated, other, entry, middle, catcher, shown);
    checkInvariants();
    observation.close();
  }

  /**
   * Observed spreadsheet cells: a write that closes a cycle under observed cells (each catching it)
   * and one that breaks it are absorbed by the push; neither throws to the writer, and the
   * observer is told each new value once.
   */
  @Test
  void writesThatCloseAndBreakACycleUnderObservedCatchersReachTheObserver() {
    TwoCells cells = new TwoCells("1", "=A");
    Var<String> aFormula = cells.aFormula;
    Var<String> bFormula = cells.bFormula;
    Counted<String> a = cells.a;
    Counted<String> b = cells.b;
    Counted<String> sum = cells.sum;
    List<String> delivered = new ArrayList<>();
    Observation observation = engine.observe(sum.node, delivered::add);
    assertEquals("1|1", sum.node.get());
    checkInvariants();

    aFormula.set("=B");
    String cyclic = sum.node.get();
    assertEquals(2, cyclic.split("#CYCLE!", -1).length - 1, cyclic);
    assertEquals(List.of(cyclic), delivered, "the observer was told of the cycle");
    checkInvariants();
    int sumRuns = sum.runs.get();
    Var<Integer> unrelated = var("unrelated", 0);
    Counted<Integer> other = new Counted<>("other", () -> unrelated.get() + 1);
    assertUnrelatedWritesRunNothing(unrelated, other, a, b, sum);
    assertEquals(sumRuns, sum.runs.get());
    assertEquals(List.of(cyclic), delivered);
    checkInvariants();

    aFormula.set("2");
    assertEquals("2|2", sum.node.get());
    assertEquals(List.of(cyclic, "2|2"), delivered);
    checkInvariants();

    bFormula.set("=A");
    aFormula.set("=B");
    assertEquals(cyclic, sum.node.get());
    bFormula.set("3");
    assertEquals("3|3", sum.node.get());
    assertEquals(List.of(cyclic, "2|2", cyclic, "3|3"), delivered);
    checkInvariants();
    observation.close();
  }

  /**
   * An observed node reads a catcher whose cycle a write closes again: the push runs the
   * catcher, which meets the cycle, catches it and returns; the write does not throw.
   */
  @Test
  void anObservedCatcherFollowsTheCycleClosingAgain() {
    Var<Boolean> loop = var("loop", false);
    AtomicReference<Computed<String>> catcherRef = new AtomicReference<>();
    Counted<String> entry = readsWhile(loop, "entry", catcherRef, "#REF!");
    Counted<String> catcher = new Counted<>("catcher", () -> caught(entry.node));
    Counted<String> shown = new Counted<>("shown", () -> "[" + catcher.node.get() + "]");
    catcherRef.set(catcher.node);
    List<String> delivered = new ArrayList<>();
    Observation observation = engine.observe(shown.node, delivered::add);
    assertEquals("[#REF!]", shown.node.get());

    loop.set(true);
    assertEquals(List.of("[#CYCLE!]"), delivered);
    assertEquals("[#CYCLE!]", shown.node.get());
    checkInvariants();
    loop.set(false);
    assertEquals(List.of("[#CYCLE!]", "[#REF!]"), delivered);
    checkInvariants();
    loop.set(true);
    assertEquals(List.of("[#CYCLE!]", "[#REF!]", "[#CYCLE!]"), delivered);
    assertEquals("#REF!", entry.node.get());
    assertEquals("#CYCLE!", catcher.node.get());
    assertEquals(4, entry.runs.get(), "entry runs: the first and one per write");
    assertEquals(4, catcher.runs.get(), "catcher runs: the first and one per write");
    assertEquals(4, shown.runs.get(), "shown runs: the first and one per value");
    checkInvariants();
    observation.close();
    checkInvariants();
  }

  /** Writes to a var nothing else reads: {@code other} runs, no node in {@code idle} does. */
  private void assertUnrelatedWritesRunNothing(Var<Integer> unrelated, Counted<Integer> other,
      Counted<?>... idle) {
    int[] before = new int[idle.length];
    Object[] values = new Object[idle.length];
    for (int i = 0; i < idle.length; i++) {
      before[i] = idle[i].runs.get();
      values[i] = idle[i].node.get();
    }
    for (int k = 0; k < 3; k++) {
      unrelated.set(unrelated.get() + 1);
      assertEquals(unrelated.get() + 1, other.node.get());
      for (int i = 0; i < idle.length; i++) {
        assertEquals(values[i], idle[i].node.get());
      }
    }
    for (int i = 0; i < idle.length; i++) {
      assertEquals(before[i], idle[i].runs.get(),
          idle[i].node + " re-ran after writes to nothing it read");
    }
  }

  /**
   * Two spreadsheet cells A and B, each showing its formula, or the other cell's value for {@code
   * "=A"} / {@code "=B"} ({@code #CYCLE!} when that reads itself), and {@code sum} reading both.
   */
  private final class TwoCells {
    final Var<String> aFormula;
    final Var<String> bFormula;
    final Counted<String> a;
    final Counted<String> b;
    final Counted<String> sum;

    TwoCells(String aInitial, String bInitial) {
      aFormula = var("A.formula", aInitial);
      bFormula = var("B.formula", bInitial);
      AtomicReference<Computed<String>> aRef = new AtomicReference<>();
      AtomicReference<Computed<String>> bRef = new AtomicReference<>();
      a = new Counted<>("A", () -> cell(aFormula.get(), bRef.get()));
      b = new Counted<>("B", () -> cell(bFormula.get(), aRef.get()));
      sum = new Counted<>("sum", () -> a.node.get() + "|" + b.node.get());
      aRef.set(a.node);
      bRef.set(b.node);
    }
  }

  /**
   * A node that reads the node in {@code ref} while {@code loop} is true, and returns {@code value}.
   */
  private Counted<String> readsWhile(Var<Boolean> loop, String label,
      AtomicReference<Computed<String>> ref, String value) {
    return new Counted<>(label, () -> {
      if (loop.get()) {
        ref.get().get();
      }
      return value;
    });
  }

  private static String caught(Computed<String> read) {
    try {
      return read.get();
    } catch (CycleException e) {
      return "#CYCLE!";
    }
  }

  private static String cell(String formula, Computed<String> referenced) {
    if (!formula.startsWith("=")) {
      return formula;
    }
    try {
      return referenced.get();
    } catch (CycleException e) {
      return "#CYCLE!";
    }
  }
}
