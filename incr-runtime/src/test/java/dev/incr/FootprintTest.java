package dev.incr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.support.QueryMemo;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Engine#footprint(Node[])} on both engines: what it counts by kind, which nodes it reaches
 * (dependencies of the roots, and every memo entry), the bytes it adds up as they follow from the
 * node kinds, and its errors. The bytes themselves are checked against the heap in {@link
 * FootprintMeasurementTest}.
 */
class FootprintTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void countsLiveNodesByKindAndEdges(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    Var<Integer> a = engine.var(1);
    IntVar b = engine.intVar(2);
    LongVar unread = engine.longVar(3);
    Computed<Integer> sum = engine.computed(() -> a.get() + b.getAsInt());
    IntComputed twice = engine.computedInt(() -> sum.get() * 2);
    Computed<String> text = engine.computed(() -> "t" + twice.getAsInt());
    engine.computed(() -> a.get() + 1); // not reachable from text

    MemoryFootprint beforeRuns = engine.footprint(text);
    assertEquals(1, beforeRuns.nodes(), "before its first run, text has no dependencies");
    assertEquals(0, beforeRuns.dependencyEdges());

    text.get();
    MemoryFootprint f = engine.footprint(text);
    assertEquals(1, f.boxedVars());
    assertEquals(1, f.primitiveVars());
    assertEquals(2, f.boxedComputeds());
    assertEquals(1, f.primitiveComputeds());
    assertEquals(5, f.nodes());
    assertEquals(4, f.dependencyEdges(), "text->twice, twice->sum, sum->a, sum->b");
    assertEquals(0, f.observedNodes());
    assertEquals(0, f.necessaryNodes());
    assertEquals(0, f.necessityBytes());
    assertEquals(0, f.memoTables());
    assertTrue(f.nodeBytes() > 0 && f.dependencyBytes() > 0, f.toString());
    assertEquals(f.nodeBytes() + f.dependencyBytes(), f.bytes());

    MemoryFootprint both = engine.footprint(text, sum, unread, text);
    assertEquals(6, both.nodes(), "shared nodes and repeated roots count once");
    assertEquals(f.nodeBytes() + engine.footprint(unread).nodeBytes(), both.nodeBytes());
    assertEquals(0, engine.footprint().nodes());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void sameKindsTakeTheSameBytesAndArraysOnlyForTwoOrMoreDependencies(
      String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    IntVar x = engine.intVar(1);
    IntVar y = engine.intVar(2);
    IntComputed one = engine.computedInt(() -> x.getAsInt());
    IntComputed two = engine.computedInt(() -> x.getAsInt() + y.getAsInt());
    IntComputed three = engine.computedInt(() -> x.getAsInt() + y.getAsInt() + two.getAsInt());
    one.getAsInt();
    three.getAsInt();
    assertEquals(engine.footprint(x).nodeBytes(), engine.footprint(y).nodeBytes());
    MemoryFootprint single = engine.footprint(one);
    assertEquals(0, single.dependencyBytes(), "one dependency is kept in the node's own field");
    assertEquals(1, single.dependencyEdges());
    long twoArray = engine.footprint(two).dependencyBytes();
    long bothArrays = engine.footprint(three).dependencyBytes();
    assertTrue(twoArray > 0);
    assertTrue(bothArrays > 2 * twoArray - 1 && bothArrays <= 2 * twoArray + 8,
        "arrays of 3 and 2 references: " + bothArrays + " vs " + twoArray);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void observedAndNecessaryNodesCarryTheirRecords(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    IntVar a = engine.intVar(1);
    IntComputed inc = engine.computedInt(() -> a.getAsInt() + 1);
    IntComputed top = engine.computedInt(() -> inc.getAsInt() * 2);
    top.getAsInt();
    long plain = engine.footprint(top).bytes();

    Observation first = engine.observe(top, v -> { });
    MemoryFootprint observed = engine.footprint(top);
    assertEquals(1, observed.observedNodes());
    assertEquals(3, observed.necessaryNodes());
    assertTrue(observed.necessityBytes() > 0);
    assertEquals(plain, observed.bytes() - observed.necessityBytes(),
        "necessity adds records, the nodes stay the same size");

    Observation second = engine.observe(top, v -> { });
    assertTrue(engine.footprint(top).necessityBytes() > observed.necessityBytes(),
        "a second observation takes room");
    first.close();
    second.close();
    MemoryFootprint closed = engine.footprint(top);
    assertEquals(0, closed.necessaryNodes());
    assertEquals(0, closed.necessityBytes());
    assertEquals(plain, closed.bytes());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void budgetedValuesHeldAndEvicted(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    Var<Integer> in = engine.var(1);
    ValueLru lru = engine.valueLru(2);
    Computed<Integer> p = engine.computed(() -> in.get() + 1, lru);
    Computed<Integer> q = engine.computed(() -> in.get() + 2, lru);
    Computed<Integer> r = engine.computed(() -> in.get() + 3, lru);
    Computed<Integer> all = engine.computed(() -> p.get() + q.get() + r.get());
    all.get();
    MemoryFootprint f = engine.footprint(all);
    assertEquals(4, f.boxedComputeds());
    assertEquals(2, f.budgetedValuesHeld());
    assertEquals(1, f.budgetedValuesEvicted());
    assertTrue(f.budgetBytes() > 0, "the ring of the budget is counted once");
    assertEquals(f.budgetBytes(), engine.footprint(p).budgetBytes());
    assertEquals(0, engine.footprint(in).budgetBytes());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void memoTablesAreReportedEngineWideWithTheNodesOfTheirEntries(
      String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    Var<Integer> base = engine.var(10);
    QueryMemo<Integer> plus = new QueryMemo<>(engine, "plus");
    QueryMemo<Integer> bounded = new QueryMemo<>(engine, "times", 2);
    MemoryFootprint empty = engine.footprint();
    assertEquals(2, empty.memoTables());
    assertEquals(0, empty.memoEntries());
    assertEquals(0, empty.nodes());
    assertTrue(empty.memoBytes() > 0, "an empty table still has its objects");

    for (int i = 0; i < 20; i++) {
      int k = i;
      plus.get(k, () -> base.get() + k);
      bounded.get(k, () -> base.get() * k);
    }
    MemoryFootprint f = engine.footprint();
    assertEquals(2, f.memoTables());
    assertEquals(22, f.memoEntries());
    assertEquals(22, f.boxedComputeds(), "each entry is a computed the table keeps alive");
    assertEquals(1, f.boxedVars(), "and what the entries read");
    assertEquals(22, f.dependencyEdges());
    assertTrue(f.memoBytes() > empty.memoBytes());
    assertEquals(f.nodes(), engine.footprint(base).nodes(), "the var is reached once");
    assertEquals(f.memoEntries(), engine.stats().memoEntries());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void durableNodesCountTheirTag(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    Var<Integer> low = engine.var(1);
    Var<Integer> high = engine.var(1, Durability.HIGH);
    assertTrue(engine.footprint(high).nodeBytes() > engine.footprint(low).nodeBytes());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void rejectsNullsAndNodesOfAnotherEngineNamingThem(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    Var<Integer> mine = engine.var(1).label("mine");
    Var<Integer> theirs = engines.get().var(1).label("theirs");
    IllegalArgumentException foreign =
        assertThrows(IllegalArgumentException.class, () -> engine.footprint(mine, theirs));
    assertEquals("Node 'theirs' belongs to another engine; call footprint(...) on the engine that"
        + " created it.", foreign.getMessage());
    NullPointerException nullRoot =
        assertThrows(NullPointerException.class, () -> engine.footprint(mine, null));
    assertEquals("footprint(...): root 1 of 2 is null; pass nodes of this engine",
        nullRoot.getMessage());
    NullPointerException nullArray =
        assertThrows(NullPointerException.class, () -> engine.footprint((Node<?>[]) null));
    assertEquals("footprint(null): pass the nodes to start from", nullArray.getMessage());
  }

  @Test
  void reportsTheLayoutItFollows() {
    MemoryFootprint f = Engine.singleThreaded().footprint();
    assertTrue(f.layout().contains("alignment"), f.layout());
  }
}
