package dev.incr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The push that keeps observed nodes up to date takes shortcuts where a write's effect is plain: a
 * queued node whose first dependency changed runs without being verified again, and an observed
 * node sure to re-run (its first dependency changed) runs as soon as one of its other
 * dependencies is found not needed, pulling what its new run reads, instead of after every node
 * below it. These scenarios pin down, with exact run counts, that the shortcuts keep the engine's
 * semantics: nothing runs that no reader needs under the current inputs, nothing observed runs
 * inside a batch, observers are told each change once, failures and cycles reach the writer and
 * the engine recovers. Each subclass runs them on one engine (and way of verifying).
 */
abstract class ObservedPushContract extends CountedGraph {

  /** Middle nodes {@code a + i}, all reading {@code a}. */
  List<Counted<Integer>> middles(Var<Integer> a, int width) {
    List<Counted<Integer>> middles = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      int k = i;
      middles.add(new Counted<>("m" + i, () -> a.get() + k));
    }
    return middles;
  }

  static int sum(List<Counted<Integer>> middles) {
    int sum = 0;
    for (Counted<Integer> m : middles) {
      sum += m.node.get();
    }
    return sum;
  }

  static void assertRuns(int expected, List<Counted<Integer>> counted, String why) {
    for (Counted<Integer> c : counted) {
      assertEquals(expected, c.runs.get(), c.node + ": " + why);
    }
  }

  @Test
  void aWideObservedNodeThatStopsReadingWhatAWriteChangedLeavesItUnrun() {
    Var<Integer> a = var("a", 0);
    Counted<Integer> gate = new Counted<>("gate", () -> a.get() % 2);
    List<Counted<Integer>> middles = middles(a, 8);
    Counted<Integer> wide =
        new Counted<>("wide", () -> gate.node.get() == 0 ? sum(middles) : -1);
    List<Integer> delivered = new ArrayList<>();
    Observation observation = engine.observe(wide.node, delivered::add);
    assertEquals(28, wide.node.get());

    a.set(1); // gate changes first: wide re-runs and reads none of the middles
    assertEquals(List.of(-1), delivered);
    assertRuns(1, middles, "wide no longer reads it");
    assertEquals(2, wide.runs.get());
    checkInvariants();

    a.set(2); // wide reads the middles again: each runs once, on the new value of a
    assertEquals(List.of(-1, 16 + 28), delivered);
    assertRuns(2, middles, "one run for the value wide read");
    assertEquals(3, wide.runs.get());
    assertEquals(2, gate.runs.get() - 1, "gate ran for each write");
    checkInvariants();

    a.set(4); // every middle changes, gate does not: wide re-runs once, each middle once
    assertEquals(List.of(-1, 44, 32 + 28), delivered);
    assertRuns(3, middles, "one run per write that changed it");
    assertEquals(4, wide.runs.get());
    checkInvariants();
    observation.close();
  }

  @Test
  void aWideObservedNodeThatFirstReadsTheWrittenVarPullsOnlyWhatItStillReads() {
    Var<Integer> a = var("a", 0);
    List<Counted<Integer>> evens = middles(a, 5);
    List<Counted<Integer>> odds = middles(a, 3);
    Counted<Integer> wide =
        new Counted<>("wide", () -> a.get() % 2 == 0 ? sum(evens) : 1000 + sum(odds));
    List<Integer> delivered = new ArrayList<>();
    Observation observation = engine.observe(wide.node, delivered::add);
    assertEquals(10, wide.node.get());
    assertRuns(0, odds, "never read yet");

    for (int k = 1; k <= 4; k++) {
      a.set(k);
      checkInvariants();
    }
    assertEquals(List.of(1000 + 3 + 3, 10 + 10, 1000 + 9 + 3, 20 + 10), delivered);
    assertRuns(3, evens, "at the start and for a = 2 and 4, the values under which wide read it");
    assertRuns(2, odds, "for a = 1 and 3");
    assertEquals(5, wide.runs.get());
    observation.close();
  }

  @Test
  void anObservedNodeWhoseFirstReadChangedRunsOnceAndOnlyOnTheFinalState() {
    Var<Boolean> useA = var("useA", true);
    Var<Integer> x = var("x", 1);
    Counted<Integer> a = new Counted<>("a", () -> x.get() * 10);
    Counted<Integer> b = new Counted<>("b", () -> x.get() + 1);
    Counted<Integer> top = new Counted<>("top", () -> useA.get() ? a.node.get() : b.node.get());
    List<Integer> delivered = new ArrayList<>();
    Observation observation = engine.observe(top.node, delivered::add);

    engine.batch(() -> {
      useA.set(false);
      x.set(5);
      useA.set(true);
      useA.set(false);
    });
    assertEquals(List.of(6), delivered);
    assertEquals(1, a.runs.get(), "top no longer reads a");
    assertEquals(1, b.runs.get());
    assertEquals(2, top.runs.get(), "once at the start, once on the batch's final state");
    checkInvariants();

    x.set(6); // top's first read (useA) is unchanged: it is verified, then runs because b changed
    assertEquals(List.of(6, 7), delivered);
    assertEquals(1, a.runs.get(), "a is not read by anything observed");
    assertEquals(2, b.runs.get());
    assertEquals(3, top.runs.get());
    checkInvariants();
    observation.close();
  }

  @Test
  void aQueuedNodeWhoseReadsAllEndUnchangedIsVerifiedNotRun() {
    Var<Integer> x = var("x", 1);
    Counted<Integer> zero = new Counted<>("zero", () -> x.get() * 0);
    Counted<Integer> first = new Counted<>("first", () -> zero.node.get() + 7);
    Counted<Integer> tens = new Counted<>("tens", () -> x.get() / 10);
    // Reads first (two levels above x) before tens (one level above): when tens comes out of the
    // queue, first is not settled yet, so tens is left to top, which is queued in its place.
    Counted<Integer> top = new Counted<>("top", () -> first.node.get() + tens.node.get());
    List<Integer> delivered = new ArrayList<>();
    Observation observation = engine.observe(top.node, delivered::add);
    x.set(2);
    assertEquals(7, top.node.get());
    assertEquals(2, zero.runs.get());
    assertEquals(1, first.runs.get(), "zero ended unchanged");
    assertEquals(2, tens.runs.get(), "top needs it to know whether it changed");
    assertEquals(1, top.runs.get(), "nothing it read changed");
    assertEquals(List.of(), delivered);
    checkInvariants();
    observation.close();
  }

  @Test
  void aNodeThatNoObservedNodeReadsAnyMoreIsNotRunAheadOfItsTurn() {
    Var<Boolean> show = var("show", true);
    Var<Integer> x = var("x", 1);
    Counted<Integer> inc = new Counted<>("inc", () -> x.get() + 1);
    Counted<Integer> both = new Counted<>("both", () -> x.get() * 2 + inc.node.get());
    Counted<Integer> shown = new Counted<>("shown", () -> show.get() ? both.node.get() : -1);
    List<Integer> delivered = new ArrayList<>();
    Observation observation = engine.observe(shown.node, delivered::add);
    engine.batch(() -> {
      show.set(false);
      x.set(5);
    });
    assertEquals(List.of(-1), delivered);
    assertEquals(1, inc.runs.get(), "both no longer needs it");
    assertEquals(1, both.runs.get(), "shown no longer reads it");
    assertEquals(2, shown.runs.get());
    checkInvariants();

    show.set(true);
    assertEquals(List.of(-1, 16), delivered);
    assertEquals(2, inc.runs.get());
    assertEquals(2, both.runs.get());
    checkInvariants();
    observation.close();
  }

  @Test
  void aBatchThatReadsAWideObservedNodeMidwayTellsItsObserverOnceWithTheFinalValue() {
    Var<Integer> a = var("a", 0);
    Counted<Integer> gate = new Counted<>("gate", () -> a.get() / 10);
    List<Counted<Integer>> middles = middles(a, 6);
    Counted<Integer> wide = new Counted<>("wide", () -> gate.node.get() + sum(middles));
    List<Integer> delivered = new ArrayList<>();
    Observation observation = engine.observe(wide.node, delivered::add);
    assertEquals(15, wide.node.get());

    engine.batch(() -> {
      a.set(10);
      assertEquals(1 + 60 + 15, wide.node.get(), "read-your-writes");
      assertEquals(List.of(), delivered, "nothing is told inside a batch");
      a.set(20);
    });
    assertEquals(List.of(2 + 120 + 15), delivered);
    assertRuns(3, middles, "at the start, for the read inside the batch, and at its end");
    assertEquals(3, wide.runs.get());
    checkInvariants();

    engine.batch(() -> {
      a.set(30);
      assertEquals(3 + 180 + 15, wide.node.get());
      a.set(20); // back to the value wide was last verified on outside the batch
    });
    assertEquals(List.of(137), delivered, "the value ended as it was last given");
    checkInvariants();
    observation.close();
  }

  @Test
  void aFailureBelowAWideObservedNodeReachesTheWriterAndTheNextWriteRecovers() {
    Var<Integer> a = var("a", 0);
    IllegalStateException boom = new IllegalStateException("m3 refuses 5");
    Counted<Integer> gate = new Counted<>("gate", () -> a.get() % 2);
    List<Counted<Integer>> middles = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      int k = i;
      middles.add(new Counted<>("m" + i, () -> {
        if (k == 3 && a.get() == 5) {
          throw boom;
        }
        return a.get() + k;
      }));
    }
    Counted<Integer> wide = new Counted<>("wide", () -> gate.node.get() * 100 + sum(middles));
    List<Integer> delivered = new ArrayList<>();
    Observation observation = engine.observe(wide.node, delivered::add);

    a.set(2);
    assertEquals(List.of(12 + 15), delivered);
    assertSame(boom, assertThrows(IllegalStateException.class, () -> a.set(5)),
        "the write reports the observed node's failure unchanged");
    assertSame(boom, assertThrows(IllegalStateException.class, () -> wide.node.get()));
    assertEquals(List.of(27), delivered, "nothing is told for a failed run");
    checkInvariants();

    int wideRuns = wide.runs.get();
    a.set(7);
    assertEquals(List.of(27, 100 + 42 + 15), delivered);
    assertEquals(wideRuns + 1, wide.runs.get(), "one run on the recovered state");
    assertEquals(157, wide.node.get());
    checkInvariants();
    observation.close();
  }

  @Test
  void aCycleThroughAWideObservedNodeReachesTheWriterAndBreakingItRecovers() {
    Var<Integer> a = var("a", 0);
    Var<Boolean> loop = var("loop", false);
    AtomicReference<Computed<Integer>> wideRef = new AtomicReference<>();
    Counted<Integer> gate = new Counted<>("gate", () -> a.get() + (loop.get() ? 1000 : 0));
    List<Counted<Integer>> middles = middles(a, 4);
    Counted<Integer> back = new Counted<>("back", () -> wideRef.get().get() + 1);
    Counted<Integer> wide = new Counted<>("wide", () -> {
      int g = gate.node.get();
      return g >= 1000 ? back.node.get() : g + sum(middles);
    });
    wideRef.set(wide.node);
    List<Integer> delivered = new ArrayList<>();
    Observation observation = engine.observe(wide.node, delivered::add);

    CycleException cycle = assertThrows(CycleException.class, () -> loop.set(true));
    assertTrue(cycle.getMessage().contains("wide") && cycle.getMessage().contains("back"),
        cycle.getMessage());
    assertThrows(CycleException.class, () -> wide.node.get());
    assertEquals(List.of(), delivered);

    loop.set(false);
    assertEquals(List.of(), delivered, "the value is back to the one the observer last saw");
    assertEquals(6, wide.node.get());
    a.set(1);
    assertEquals(List.of(11), delivered);
    assertRuns(2, middles, "once at the start, once for a = 1: never for the looping writes");
    checkInvariants();
    observation.close();
  }

  @Test
  void aWriteThatQueuesReadersOfDifferentHeightsBringsEachUpToDateOnce() {
    Var<Integer> x = var("x", 1);
    Counted<Integer> low = new Counted<>("low", () -> x.get() * 2);
    Counted<Integer> mid = new Counted<>("mid", () -> low.node.get() + 1);
    // Reads x after mid: a write to x queues low, then high, three levels apart.
    Counted<Integer> high = new Counted<>("high", () -> mid.node.get() * 10 + x.get());
    List<Integer> delivered = new ArrayList<>();
    Observation observation = engine.observe(high.node, delivered::add);
    for (int k = 2; k <= 4; k++) {
      x.set(k);
      assertEquals((2 * k + 1) * 10 + k, high.node.get());
      checkInvariants();
    }
    assertEquals(List.of(52, 73, 94), delivered);
    assertEquals(4, low.runs.get());
    assertEquals(4, mid.runs.get());
    assertEquals(4, high.runs.get());
    observation.close();
  }
}
