package dev.incr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every engine must have. One subclass per engine implementation runs it all.
 */
abstract class EngineContract {

  abstract Engine newEngine();

  final Engine engine = newEngine();

  /** A computed that counts its runs. */
  static final class Counted<T> {
    final AtomicInteger runs = new AtomicInteger();
    final Computed<T> node;

    Counted(Engine engine, java.util.function.Supplier<T> f) {
      node = engine.computed(() -> {
        runs.incrementAndGet();
        return f.get();
      });
    }
  }

  @Test
  void computedReadsItsInputsAndRecomputesAfterSet() {
    Var<Integer> a = engine.var(1);
    Var<Integer> b = engine.var(2);
    Computed<Integer> sum = engine.computed(() -> a.get() + b.get());
    assertEquals(3, sum.get());
    a.set(5);
    assertEquals(7, sum.get());
  }

  @Test
  void setMarksButDoesNotCompute() {
    Var<Integer> a = engine.var(1);
    Counted<Integer> doubled = new Counted<>(engine, () -> a.get() * 2);
    assertEquals(2, doubled.node.get());
    a.set(2);
    a.set(3);
    assertEquals(1, doubled.runs.get());
    assertEquals(6, doubled.node.get());
    assertEquals(2, doubled.runs.get());
  }

  @Test
  void readingAnUpToDateNodeDoesNotRecompute() {
    Var<Integer> a = engine.var(1);
    Counted<Integer> c = new Counted<>(engine, () -> a.get() + 1);
    c.node.get();
    c.node.get();
    c.node.get();
    assertEquals(1, c.runs.get());
  }

  @Test
  void settingAnEqualValueChangesNothing() {
    Var<String> a = engine.var("x");
    Counted<Integer> len = new Counted<>(engine, () -> a.get().length());
    len.node.get();
    long revision = engine.revision();
    a.set(new String("x"));
    assertEquals(revision, engine.revision());
    len.node.get();
    assertEquals(1, len.runs.get());
  }

  @Test
  void nullsAreValues() {
    Var<String> a = engine.var(null);
    Computed<Boolean> isNull = engine.computed(() -> a.get() == null);
    assertTrue(isNull.get());
    a.set("x");
    assertFalse(isNull.get());
    a.set(null);
    assertTrue(isNull.get());
    assertNull(a.get());
  }

  @Test
  void earlyCutoffStopsPropagationWhenAValueIsUnchanged() {
    Var<Integer> x = engine.var(5);
    Counted<Boolean> positive = new Counted<>(engine, () -> x.get() > 0);
    Counted<String> text = new Counted<>(engine, () -> positive.node.get() ? "yes" : "no");
    assertEquals("yes", text.node.get());
    x.set(7);
    assertEquals("yes", text.node.get());
    assertEquals(2, positive.runs.get());
    assertEquals(1, text.runs.get());
    x.set(-1);
    assertEquals("no", text.node.get());
    assertEquals(2, text.runs.get());
  }

  @Test
  void nanIsEqualToNanForCutoff() {
    Var<Double> x = engine.var(-1.0);
    Counted<Double> root = new Counted<>(engine, () -> Math.sqrt(x.get()));
    Counted<String> text = new Counted<>(engine, () -> String.valueOf(root.node.get()));
    assertEquals("NaN", text.node.get());
    x.set(-2.0);
    assertEquals("NaN", text.node.get());
    assertEquals(2, root.runs.get());
    assertEquals(1, text.runs.get());
  }

  @Test
  void dependenciesAreWhatTheLastRunRead() {
    Var<Boolean> useLeft = engine.var(true);
    Var<Integer> left = engine.var(1);
    Var<Integer> right = engine.var(2);
    Counted<Integer> pick = new Counted<>(engine, () -> useLeft.get() ? left.get() : right.get());
    assertEquals(1, pick.node.get());
    right.set(20); // not read on the last run
    assertEquals(1, pick.node.get());
    assertEquals(1, pick.runs.get());
    useLeft.set(false);
    assertEquals(20, pick.node.get());
    left.set(10); // no longer read
    assertEquals(20, pick.node.get());
    assertEquals(2, pick.runs.get());
  }

  @Test
  void aNodeReadManyTimesIsOneDependency() {
    for (int width : new int[] {3, 16, 17, 40}) {
      List<Var<Integer>> vars = new ArrayList<>();
      for (int i = 0; i < width; i++) {
        vars.add(engine.var(i));
      }
      Var<Boolean> reversed = engine.var(false);
      Computed<Integer> sum = engine.computed(() -> {
        int total = 0;
        for (int pass = 0; pass < 3; pass++) {
          for (int i = 0; i < width; i++) {
            total += vars.get(reversed.get() ? width - 1 - i : i).get();
          }
        }
        return total;
      });
      int expected = 3 * width * (width - 1) / 2;
      assertEquals(expected, sum.get());
      assertEquals(width + 1, engine.graph(sum).edges().size(), "width " + width);
      reversed.set(true); // same dependencies, read in another order: the recorder diverges
      assertEquals(expected, sum.get());
      assertEquals(width + 1, engine.graph(sum).edges().size(), "width " + width + " reversed");
      vars.get(width - 1).set(1000);
      assertEquals(expected + 3 * (1000 - (width - 1)), sum.get());
    }
  }

  @Test
  void diamondRunsEachNodeOncePerChange() {
    Var<Integer> a = engine.var(1);
    Counted<Integer> b = new Counted<>(engine, () -> a.get() + 1);
    Counted<Integer> c = new Counted<>(engine, () -> a.get() * 2);
    Counted<Integer> d = new Counted<>(engine, () -> b.node.get() + c.node.get());
    assertEquals(4, d.node.get());
    a.set(3);
    assertEquals(10, d.node.get());
    assertEquals(2, b.runs.get());
    assertEquals(2, c.runs.get());
    assertEquals(2, d.runs.get());
  }

  @Test
  void batchIsOneRevisionAndNotifiesOnce() {
    Var<Integer> a = engine.var(1);
    Var<Integer> b = engine.var(2);
    Computed<Integer> sum = engine.computed(() -> a.get() + b.get());
    List<Integer> seen = new ArrayList<>();
    engine.observe(sum, seen::add);
    long before = engine.revision();
    engine.batch(() -> {
      a.set(10);
      b.set(20);
    });
    assertEquals(before + 1, engine.revision());
    assertEquals(List.of(30), seen);
    assertEquals(30, sum.get());
  }

  @Test
  void readsInsideABatchSeeEarlierWritesAndLaterWritesStillPropagate() {
    Var<Integer> a = engine.var(1);
    Computed<Integer> twice = engine.computed(() -> a.get() * 2);
    engine.batch(() -> {
      a.set(2);
      assertEquals(4, twice.get());
      a.set(3);
      assertEquals(6, twice.get());
    });
    assertEquals(6, twice.get());
  }

  @Test
  void nestedBatchesEndWithTheOutermost() {
    Var<Integer> a = engine.var(1);
    List<Integer> seen = new ArrayList<>();
    engine.observe(a, seen::add);
    engine.batch(() -> {
      engine.batch(() -> a.set(2));
      assertEquals(List.of(), seen);
      a.set(3);
    });
    assertEquals(List.of(3), seen);
  }

  @Test
  void aBatchThatThrowsKeepsItsWritesTellsObserversFirstAndLaterWritesStillNotify() {
    Var<Integer> a = engine.var(1);
    Computed<Integer> twice = engine.computed(() -> a.get() * 2);
    List<Integer> seenA = new ArrayList<>();
    List<Integer> seenTwice = new ArrayList<>();
    engine.observe(a, seenA::add);
    engine.observe(twice, seenTwice::add);
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () ->
        engine.batch(() -> {
          a.set(5);
          throw new IllegalStateException("rejected");
        }));
    assertEquals("rejected", thrown.getMessage());
    assertEquals(5, a.get());
    assertEquals(List.of(5), seenA);
    assertEquals(List.of(10), seenTwice);
    a.set(6);
    assertEquals(List.of(5, 6), seenA);
    assertEquals(List.of(10, 12), seenTwice);
    engine.batch(() -> a.set(7));
    assertEquals(List.of(5, 6, 7), seenA);
  }

  @Test
  void aBatchThatThrowsWithOneObserverStillLetsLaterWritesNotify() {
    Var<Integer> a = engine.var(1);
    List<Integer> seen = new ArrayList<>();
    engine.observe(a, seen::add);
    assertThrows(IllegalStateException.class, () ->
        engine.batch(() -> {
          a.set(2);
          throw new IllegalStateException("rejected");
        }));
    assertEquals(List.of(2), seen);
    a.set(3);
    a.set(4);
    assertEquals(List.of(2, 3, 4), seen);
  }

  @Test
  void observersFireOnlyWhenTheObservedValueChangesAndStopWhenClosed() {
    Var<Integer> x = engine.var(1);
    Computed<Boolean> even = engine.computed(() -> x.get() % 2 == 0);
    List<Boolean> seen = new ArrayList<>();
    Observation observation = engine.observe(even, seen::add);
    x.set(3); // still odd: no call
    x.set(4);
    x.set(6); // still even: no call
    x.set(7);
    assertEquals(List.of(true, false), seen);
    observation.close();
    assertTrue(observation.isClosed());
    x.set(8);
    assertEquals(List.of(true, false), seen);
    observation.close(); // harmless
  }

  @Test
  void observersMaySetInputsAndSeeTheConsequences() {
    Var<Integer> celsius = engine.var(0);
    Var<Integer> copy = engine.var(0);
    List<Integer> copies = new ArrayList<>();
    engine.observe(celsius, copy::set);
    engine.observe(copy, copies::add);
    celsius.set(5);
    celsius.set(7);
    assertEquals(List.of(5, 7), copies);
  }

  @Test
  void aThrowingListenerDoesNotStopTheOthersAndItsExceptionReachesTheWriter() {
    Var<Integer> x = engine.var(1);
    List<Integer> seen = new ArrayList<>();
    engine.observe(x, v -> {
      throw new IllegalStateException("listener failed on " + v);
    });
    engine.observe(x, seen::add);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> x.set(2));
    assertEquals("listener failed on 2", e.getMessage());
    assertEquals(List.of(2), seen);
    assertEquals(2, x.get());
    assertThrows(IllegalStateException.class, () -> x.set(3));
    assertEquals(List.of(2, 3), seen);
  }


  @Test
  void whatAThrowingListenerWroteIsStillDeliveredBeforeItsExceptionReachesTheWriter() {
    Var<Integer> x = engine.var(0);
    Var<Integer> y = engine.var(0);
    List<Integer> ys = new ArrayList<>();
    engine.observe(x, v -> {
      y.set(v * 10);
      throw new IllegalStateException("failed after writing " + v * 10);
    });
    engine.observe(y, ys::add);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> x.set(1));
    assertEquals("failed after writing 10", e.getMessage());
    assertEquals(List.of(10), ys);
    assertEquals(10, y.get());
  }

  @Test
  void changesLeftUndeliveredByAListenerThrowingAnErrorAreDeliveredByTheNextWrite() {
    Var<Integer> x = engine.var(1);
    Var<Integer> y = engine.var(1);
    Var<Integer> unobserved = engine.var(1);
    List<String> seen = new ArrayList<>();
    boolean[] failNext = {true};
    engine.observe(x, v -> {
      if (failNext[0]) {
        failNext[0] = false;
        throw new AssertionError("listener broke on " + v);
      }
      seen.add("x=" + v);
    });
    engine.observe(x, v -> seen.add("second x=" + v));
    engine.observe(y, v -> seen.add("y=" + v));
    AssertionError e = assertThrows(AssertionError.class, () -> engine.batch(() -> {
      x.set(2);
      y.set(2);
    }));
    assertEquals("listener broke on 2", e.getMessage());
    assertEquals(List.of(), seen, "the Error stops this delivery at the failing listener");

    unobserved.set(2);
    assertEquals(List.of("second x=2", "y=2"), seen, "the rest, in order, at any next write");
    y.set(3);
    x.set(3);
    assertEquals(List.of("second x=2", "y=2", "y=3", "x=3", "second x=3"), seen);
  }

  @Test
  void anObservedNodeAboveAnAbsorbedChangeIsNeitherRunNorVerified() {
    Var<Integer> x = engine.var(20).label("x");
    Counted<Integer> clamp = new Counted<>(engine, () -> Math.min(x.get(), 10));
    Node<Integer> previous = clamp.node;
    for (int i = 0; i < 10_000; i++) {
      Node<Integer> below = previous;
      previous = engine.computed(() -> below.get() + 1);
    }
    Node<Integer> top = previous;
    List<Integer> seen = new ArrayList<>();
    engine.observe(top, seen::add);
    EngineStats before = engine.stats();

    x.set(30); // the clamp absorbs it
    assertEquals(10_010, top.get());
    EngineStats after = engine.stats();
    assertEquals(2, clamp.runs.get());
    assertEquals(1, after.cutoffs() - before.cutoffs());
    assertEquals(0, after.reruns() - before.reruns(), "nothing above the clamp re-ran");
    assertEquals(0, after.verifications() - before.verifications(), "nor was it verified");
    assertEquals(List.of(), seen);

    x.set(5); // passes the clamp: everything re-runs once, before anyone reads
    assertEquals(List.of(10_005), seen);
    assertEquals(10_001, engine.stats().reruns() - after.reruns());
    assertEquals(10_005, top.get());
  }

  @Test
  void observedNodesFollowTheirDynamicDependencies() {
    Var<Boolean> useLeft = engine.var(true).label("useLeft");
    Var<Integer> left = engine.var(1).label("left");
    Var<Integer> right = engine.var(2).label("right");
    Counted<Integer> doubledRight = new Counted<>(engine, () -> right.get() * 2);
    Counted<Integer> out = new Counted<>(engine,
        () -> useLeft.get() ? left.get() : doubledRight.node.get());
    List<Integer> seen = new ArrayList<>();
    engine.observe(out.node, seen::add);

    right.set(3); // not read by out: nothing runs
    assertEquals(0, doubledRight.runs.get());
    assertEquals(1, out.runs.get());
    useLeft.set(false); // out now reads doubledRight, which becomes kept up to date
    assertEquals(List.of(6), seen);
    right.set(4);
    assertEquals(List.of(6, 8), seen);
    useLeft.set(true); // doubledRight is no longer needed: back to on-demand
    right.set(5);
    assertEquals(2, doubledRight.runs.get());
    assertEquals(List.of(6, 8, 1), seen);
    assertEquals(10, doubledRight.node.get());
    assertEquals(3, doubledRight.runs.get());
  }

  @Test
  void closingTheLastObserverReturnsNodesToOnDemandVerification() {
    Var<Integer> x = engine.var(1);
    Counted<Integer> doubled = new Counted<>(engine, () -> x.get() * 2);
    Observation first = engine.observe(doubled.node, v -> { });
    Observation second = engine.observe(doubled.node, v -> { });
    x.set(2);
    assertEquals(2, doubled.runs.get());
    first.close();
    x.set(3); // still observed by the second
    assertEquals(3, doubled.runs.get());
    second.close();
    x.set(4); // nobody observes it: it waits for a read
    x.set(5);
    assertEquals(3, doubled.runs.get());
    assertEquals(10, doubled.node.get());
    assertEquals(4, doubled.runs.get());
  }

  @Test
  void aFailingObservedNodeReachesTheWriterAndRecovers() {
    Var<Integer> divisor = engine.var(1).label("divisor");
    Computed<Integer> quotient = engine.computed(() -> 100 / divisor.get()).label("quotient");
    Computed<Integer> plusOne = engine.computed(() -> quotient.get() + 1).label("plusOne");
    List<Integer> seen = new ArrayList<>();
    engine.observe(plusOne, seen::add);
    ArithmeticException e = assertThrows(ArithmeticException.class, () -> divisor.set(0));
    assertEquals("/ by zero", e.getMessage());
    assertThrows(ArithmeticException.class, plusOne::get);
    // A write that does not reach the failing node does not report it again.
    Var<Integer> unrelated = engine.var(0);
    engine.observe(engine.computed(() -> unrelated.get() * 2), v -> { });
    unrelated.set(1);
    divisor.set(4);
    assertEquals(List.of(26), seen);
    assertEquals(26, plusOne.get());
    assertEngineStillWorks();
  }

  @Test
  void anObservedNodeWhoseOwnFunctionFailsIsReportedOnceNotAgainByUnrelatedWrites() {
    Var<Integer> divisor = engine.var(1).label("divisor");
    Computed<Integer> quotient = engine.computed(() -> 100 / divisor.get()).label("quotient");
    List<Integer> seen = new ArrayList<>();
    engine.observe(quotient, seen::add);
    Var<Integer> unrelated = engine.var(0);
    List<Integer> doubled = new ArrayList<>();
    engine.observe(engine.computed(() -> unrelated.get() * 2), doubled::add);
    ArithmeticException e = assertThrows(ArithmeticException.class, () -> divisor.set(0));
    assertEquals("/ by zero", e.getMessage());
    unrelated.set(1); // neither throws nor re-runs the failing node
    unrelated.set(2);
    assertEquals(List.of(2, 4), doubled);
    divisor.set(5);
    assertEquals(List.of(20), seen);
    assertEngineStillWorks();
  }

  @Test
  void observingExplainingOrExportingANodeOfAnotherEngineIsRejectedByName() {
    Var<Integer> foreign = newEngine().var(1).label("foreign");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> engine.observe(foreign, v -> { }));
    assertEquals("Node 'foreign' belongs to another engine; call observe(...) on the engine that"
        + " created it.", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> engine.why(foreign));
    assertEquals("Node 'foreign' belongs to another engine; call why(...) on the engine that"
        + " created it.", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> engine.graph(foreign));
    assertEquals("Node 'foreign' belongs to another engine; call graph(...) on the engine that"
        + " created it.", e.getMessage());
    assertEngineStillWorks();
  }

  @Test
  void nullArgumentsAreRejectedWithAMessageSayingWhatToPass() {
    Var<Integer> a = engine.var(1);
    assertMessage(() -> engine.computed(null), "computed(null)");
    assertMessage(() -> engine.batch(null), "batch(null)");
    assertMessage(() -> engine.observe(null, v -> { }), "observe(null)");
    assertMessage(() -> engine.observe(a, null), "observe(node, null)");
    assertMessage(() -> engine.trace(null), "trace(null)");
    assertMessage(() -> a.label(null), "label(null)");
    assertMessage(() -> engine.computed(() -> 1).label(null), "label(null)");
    assertMessage(() -> engine.graph((Node<?>) null), "graph(null)");
    assertMessage(() -> engine.why(null), "why(null)");
    assertEngineStillWorks();
  }

  static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
    NullPointerException e = assertThrows(NullPointerException.class, call);
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
  }

  @Test
  void labelsNameNodesAndDefaultsExist() {
    Var<Integer> a = engine.var(1);
    assertSame(a, a.label("width"));
    assertEquals("width", a.label());
    Computed<Integer> c = engine.computed(() -> 1);
    assertTrue(c.label().startsWith("computed"), c.label());
    assertSame(engine, c.engine());
  }

  // -------------------------------------------------------------------------------------------
  // Bad use

  @Test
  void directCycleThrowsNamingTheNodeAndTheEngineStaysUsable() {
    AtomicReference<Computed<Integer>> self = new AtomicReference<>();
    Computed<Integer> loop = engine.computed(() -> self.get().get() + 1).label("loop");
    self.set(loop);
    CycleException e = assertThrows(CycleException.class, loop::get);
    assertEquals(List.of("loop", "loop"), e.cycle());
    assertTrue(e.getMessage().contains("loop -> loop"), e.getMessage());
    assertEngineStillWorks();
  }

  @Test
  void indirectCycleNamesEveryNodeOnIt() {
    Var<Boolean> closeLoop = engine.var(false).label("closeLoop");
    AtomicReference<Computed<Integer>> cRef = new AtomicReference<>();
    Computed<Integer> a = engine.computed(() -> closeLoop.get() ? cRef.get().get() : 0).label("a");
    Computed<Integer> b = engine.computed(() -> a.get() + 1).label("b");
    Computed<Integer> c = engine.computed(() -> b.get() + 1).label("c");
    cRef.set(c);
    assertEquals(2, c.get());
    closeLoop.set(true);
    CycleException e = assertThrows(CycleException.class, c::get);
    assertEquals(List.of("c", "b", "a", "c"), e.cycle());
    // Breaking the cycle makes everything computable again.
    closeLoop.set(false);
    assertEquals(2, c.get());
    assertEquals(0, a.get());
    assertEngineStillWorks();
  }

  @Test
  void cycleCaughtInsideAComputationIsAValue() {
    AtomicReference<Computed<String>> self = new AtomicReference<>();
    Computed<String> cell = engine.computed(() -> {
      try {
        return "value " + self.get().get();
      } catch (CycleException e) {
        return "#CYCLE!";
      }
    });
    self.set(cell);
    assertEquals("#CYCLE!", cell.get());
    assertEngineStillWorks();
  }

  @Test
  void setInsideAComputationThrowsNamingTheVar() {
    Var<Integer> target = engine.var(0).label("target");
    Computed<Integer> sneaky = engine.computed(() -> {
      target.set(1);
      return 0;
    }).label("sneaky");
    IllegalStateException e = assertThrows(IllegalStateException.class, sneaky::get);
    assertTrue(e.getMessage().contains("target"), e.getMessage());
    assertTrue(e.getMessage().contains("sneaky"), e.getMessage());
    assertEquals(0, target.get());
    assertEngineStillWorks();
  }

  @Test
  void batchInsideAComputationThrowsNamingTheComputation() {
    Computed<Integer> sneaky = engine.computed(() -> {
      engine.batch(() -> { });
      return 0;
    }).label("sneaky");
    IllegalStateException e = assertThrows(IllegalStateException.class, sneaky::get);
    assertTrue(e.getMessage().contains("sneaky"), e.getMessage());
    assertEngineStillWorks();
  }

  @Test
  void readingANodeOfAnotherEngineInsideAComputationThrowsNamingIt() {
    Engine other = newEngine();
    Var<Integer> foreignVar = other.var(1).label("foreignVar");
    Computed<Integer> foreignComputed = other.computed(() -> 2).label("foreignComputed");
    foreignComputed.get();
    Computed<Integer> readsVar = engine.computed(foreignVar::get);
    Computed<Integer> readsComputed = engine.computed(foreignComputed::get);
    IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class, readsVar::get);
    assertTrue(e1.getMessage().contains("foreignVar"), e1.getMessage());
    IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, readsComputed::get);
    assertTrue(e2.getMessage().contains("foreignComputed"), e2.getMessage());
    // Both engines keep working, outside computations nodes of either can be read.
    assertEquals(1, foreignVar.get());
    assertEquals(2, foreignComputed.get());
    assertEngineStillWorks();
  }

  @Test
  void writingANodeOfAnotherEngineInsideAComputationThrows() {
    Var<Integer> foreign = newEngine().var(1).label("foreign");
    Computed<Integer> sneaky = engine.computed(() -> {
      foreign.set(2);
      return 0;
    });
    IllegalStateException e = assertThrows(IllegalStateException.class, sneaky::get);
    assertTrue(e.getMessage().contains("foreign"), e.getMessage());
    assertEquals(1, foreign.get());
  }

  @Test
  void exceptionReachesTheCallerUnchangedAndTheNodeReRunsNextTime() {
    Var<Integer> divisor = engine.var(1).label("divisor");
    Var<Integer> unrelated = engine.var(7);
    Counted<Integer> other = new Counted<>(engine, () -> unrelated.get() * 2);
    Counted<Integer> quotient = new Counted<>(engine, () -> 100 / divisor.get());
    Counted<Integer> plusOne = new Counted<>(engine, () -> quotient.node.get() + 1);
    assertEquals(101, plusOne.node.get());
    assertEquals(14, other.node.get());

    divisor.set(0);
    ArithmeticException e = assertThrows(ArithmeticException.class, plusOne.node::get);
    assertEquals("/ by zero", e.getMessage());
    // The same failure again: the node re-runs on each get while it fails.
    assertThrows(ArithmeticException.class, quotient.node::get);
    assertEquals(3, quotient.runs.get());
    // Nothing else was disturbed.
    assertEquals(14, other.node.get());
    assertEquals(1, other.runs.get());

    divisor.set(4);
    assertEquals(26, plusOne.node.get());
    assertEngineStillWorks();
  }

  @Test
  void failedRunKeepsTheOldValueForCutoff() {
    Var<Integer> x = engine.var(2);
    Var<Boolean> fail = engine.var(false);
    Counted<Integer> half = new Counted<>(engine, () -> {
      if (fail.get()) {
        throw new IllegalStateException("boom");
      }
      return x.get() / 2;
    });
    Counted<Integer> above = new Counted<>(engine, () -> half.node.get() * 10);
    assertEquals(10, above.node.get());
    fail.set(true);
    assertThrows(IllegalStateException.class, above.node::get);
    fail.set(false);
    x.set(3); // 3 / 2 == 1: same value as before the failure
    assertEquals(10, above.node.get());
  }

  @Test
  void deepChainBuildsReadsAndUpdatesWithoutStackOverflow() {
    int height = 100_000;
    Var<Integer> bottom = engine.var(0);
    Node<Integer> previous = bottom;
    for (int i = 0; i < height; i++) {
      Node<Integer> below = previous;
      previous = engine.computed(() -> below.get() + 1);
    }
    Node<Integer> top = previous;
    assertEquals(height, top.get());
    // The first read nested once per level; the engine does not keep that much scaffolding.
    assertTrue(dev.incr.internal.EngineInternals.recordersHeld(engine) <= 64,
        "recorders held: " + dev.incr.internal.EngineInternals.recordersHeld(engine));
    bottom.set(5);
    assertEquals(height + 5, top.get());
    bottom.set(6);
    assertEquals(height + 6, top.get());
  }

  @Test
  void deepChainWithCutoffAtTheBottomVerifiesWithoutRecomputing() {
    int height = 100_000;
    Var<Integer> input = engine.var(50);
    Counted<Integer> clamp = new Counted<>(engine, () -> Math.min(input.get(), 10));
    AtomicInteger aboveRuns = new AtomicInteger();
    Node<Integer> previous = clamp.node;
    for (int i = 0; i < height; i++) {
      Node<Integer> below = previous;
      previous = engine.computed(() -> {
        aboveRuns.incrementAndGet();
        return below.get() + 1;
      });
    }
    Node<Integer> top = previous;
    assertEquals(height + 10, top.get());
    int runsAfterFirstRead = aboveRuns.get();
    input.set(60);
    assertEquals(height + 10, top.get());
    assertEquals(runsAfterFirstRead, aboveRuns.get());
    assertEquals(2, clamp.runs.get());
  }

  void assertEngineStillWorks() {
    Var<Integer> a = engine.var(20);
    Computed<Integer> b = engine.computed(() -> a.get() + 1);
    assertEquals(21, b.get());
    a.set(30);
    assertEquals(31, b.get());
  }
}
