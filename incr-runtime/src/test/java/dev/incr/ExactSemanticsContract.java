package dev.incr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.incr.internal.EngineInternals;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The engine's exact semantics, with run counts: what runs, when, and what observers are told.
 * Each subclass runs it on one engine (and way of verifying).
 */
abstract class ExactSemanticsContract {

  abstract Engine newEngine();

  final Engine engine = newEngine();
  private final List<Node<?>> nodes = new ArrayList<>();

  /** A computed that counts its runs, registered for the invariant checks. */
  final class Counted<T> {
    final AtomicInteger runs = new AtomicInteger();
    final Computed<T> node;

    Counted(String label, Supplier<T> f) {
      node = engine.computed(() -> {
        runs.incrementAndGet();
        return f.get();
      }).label(label);
      nodes.add(node);
    }
  }

  <T> Var<T> var(String label, T initial) {
    Var<T> v = engine.var(initial).label(label);
    nodes.add(v);
    return v;
  }

  void checkInvariants() {
    EngineInternals.checkInvariants(engine, nodes);
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
    Var<String> aFormula = var("A.formula", "=B");
    Var<String> bFormula = var("B.formula", "=A");
    Var<Integer> elsewhere = var("elsewhere", 0);
    AtomicReference<Computed<String>> aRef = new AtomicReference<>();
    AtomicReference<Computed<String>> bRef = new AtomicReference<>();
    Counted<String> a = new Counted<>("A", () -> cell(aFormula.get(), bRef.get()));
    Counted<String> b = new Counted<>("B", () -> cell(bFormula.get(), aRef.get()));
    Counted<String> sum = new Counted<>("sum", () -> a.node.get() + "|" + b.node.get());
    aRef.set(a.node);
    bRef.set(b.node);
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
