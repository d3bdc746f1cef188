package dev.incr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.incr.support.QueryMemo;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The figures of {@link Engine#stats()} that tell what an engine holds now, on both engines:
 * observed and necessary nodes, open observers, memo tables and their entries, values held by
 * value budgets; each checked as it rises and falls.
 */
class EngineStatsTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void observedAndNecessaryNodesAndObservers(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    Var<Integer> a = engine.var(1);
    Var<Integer> b = engine.var(2);
    Computed<Integer> sum = engine.computed(() -> a.get() + b.get());
    Computed<Integer> twice = engine.computed(() -> sum.get() * 2);
    EngineStats none = engine.stats();
    assertEquals(0, none.observedNodes());
    assertEquals(0, none.observers());
    assertEquals(0, none.necessaryNodes());
    assertEquals(2, none.vars());
    assertEquals(2, none.computeds());

    Observation first = engine.observe(twice, v -> { });
    Observation second = engine.observe(twice, v -> { });
    Observation onSum = engine.observe(sum, v -> { });
    EngineStats observed = engine.stats();
    assertEquals(2, observed.observedNodes());
    assertEquals(3, observed.observers());
    assertEquals(4, observed.necessaryNodes(), "twice, sum, a and b");

    first.close();
    first.close(); // a second close changes nothing
    assertEquals(2, engine.stats().observers());
    assertEquals(2, engine.stats().observedNodes(), "twice has its second observer");
    second.close();
    EngineStats onlySum = engine.stats();
    assertEquals(1, onlySum.observedNodes());
    assertEquals(1, onlySum.observers());
    assertEquals(3, onlySum.necessaryNodes(), "sum, a and b");
    onSum.close();
    assertEquals(0, engine.stats().necessaryNodes());
    assertEquals(0, engine.stats().observedNodes());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void memoTablesAndTheirEntries(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    QueryMemo<Integer> squares = new QueryMemo<>(engine, "Q.square");
    QueryMemo<Integer> bounded = new QueryMemo<>(engine, "Q.cube", 2);
    assertEquals(2, engine.stats().memos());
    assertEquals(0, engine.stats().memoEntries());
    for (int i = 0; i < 5; i++) {
      int k = i;
      squares.get(k, () -> k * k);
      bounded.get(k, () -> k * k * k);
    }
    assertEquals(7, engine.stats().memoEntries(), "5 squares, 2 cubes kept of 5");
    assertEquals(10, engine.stats().computeds(), "every entry made a computed");
    squares.get(3, () -> -1);
    assertEquals(7, engine.stats().memoEntries(), "a hit adds nothing");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void valuesHeldEvictedAndBroughtBack(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    ValueLru small = engine.valueLru(2);
    ValueLru large = engine.valueLru(10);
    Var<Integer> x = engine.var(1);
    Computed<?>[] nodes = new Computed<?>[6];
    for (int i = 0; i < nodes.length; i++) {
      int k = i;
      nodes[i] = engine.computed(() -> x.get() + k, i < 3 ? small : large);
    }
    assertEquals(0, engine.stats().valuesHeld());
    for (Computed<?> n : nodes) {
      n.get();
    }
    EngineStats stats = engine.stats();
    assertEquals(5, stats.valuesHeld(), "2 of 3 small, 3 large");
    assertEquals(1, stats.evictions());
    assertEquals(0, stats.restores());
    for (Computed<?> n : nodes) {
      n.get();
    }
    EngineStats again = engine.stats();
    assertEquals(5, again.valuesHeld());
    assertEquals(again.restores() + 1, again.evictions(), "each restore in small evicts one");
    assertEquals(again.restores(), small.restores());
    assertEquals(0, large.restores() + large.evictions());
    assertEquals(6, again.runs(), "restores are not runs");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void theCountersAloneLeaveWhatIsHeldAtZero(String name, Supplier<Engine> engines) {
    EngineStats counters = new EngineStats(1, 2, 3, 4, 5, 6, 7);
    assertEquals(new EngineStats(1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0, 0, 0, 0, 0), counters);
    assertEquals(7, counters.failures());
  }
}
