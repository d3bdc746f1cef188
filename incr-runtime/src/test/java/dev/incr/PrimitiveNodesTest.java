package dev.incr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.internal.EngineInternals;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The primitive nodes ({@link IntVar}, {@link LongVar}, {@link DoubleVar}, {@link IntComputed},
 * {@link LongComputed}, {@link DoubleComputed}) on both engines: they behave as boxed nodes do,
 * with cutoff by primitive equality, and bad use gets the same clear errors.
 */
class PrimitiveNodesTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void intNodesComputeUnboxedAndAgreeWithGet(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    IntVar width = engine.intVar(3);
    IntVar height = engine.intVar(4);
    AtomicInteger runs = new AtomicInteger();
    IntComputed area = engine.computedInt(() -> {
      runs.incrementAndGet();
      return width.getAsInt() * height.getAsInt();
    });
    assertEquals(12, area.getAsInt());
    assertEquals(12, area.get());
    width.set(5);
    assertEquals(20, area.getAsInt());
    height.set(Integer.valueOf(2));
    assertEquals(10, area.getAsInt());
    assertEquals(3, runs.get());
    height.set(2);
    assertEquals(10, area.getAsInt());
    assertEquals(3, runs.get(), "an equal int set changes nothing");
    EngineInternals.checkInvariants(engine, List.of(width, height, area));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void anUnchangedIntResultCutsOffItsReaders(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    IntVar x = engine.intVar(1);
    IntComputed parity = engine.computedInt(() -> x.getAsInt() % 2);
    AtomicInteger readerRuns = new AtomicInteger();
    Computed<String> reader = engine.computed(() -> {
      readerRuns.incrementAndGet();
      return parity.getAsInt() == 0 ? "even" : "odd";
    });
    assertEquals("odd", reader.get());
    x.set(3);
    assertEquals("odd", reader.get());
    assertEquals(1, readerRuns.get(), "parity re-ran to the same int: its reader must not re-run");
    x.set(4);
    assertEquals("even", reader.get());
    assertEquals(2, readerRuns.get());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void longNodesHoldValuesBeyondInt(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    LongVar big = engine.longVar(Long.MAX_VALUE - 1);
    LongComputed next = engine.computedLong(() -> big.getAsLong() + 1);
    assertEquals(Long.MAX_VALUE, next.getAsLong());
    assertEquals(Long.valueOf(Long.MAX_VALUE), next.get());
    big.set(1L << 40);
    assertEquals((1L << 40) + 1, next.getAsLong());
    AtomicInteger readerRuns = new AtomicInteger();
    LongComputed high = engine.computedLong(() -> next.getAsLong() >>> 32);
    Computed<Long> reader = engine.computed(() -> {
      readerRuns.incrementAndGet();
      return high.getAsLong();
    });
    assertEquals(256L, reader.get());
    big.set((1L << 40) + 5);
    assertEquals(256L, reader.get());
    assertEquals(1, readerRuns.get(), "high re-ran to the same long: its reader must not re-run");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aDoubleNaNResultTwiceIsCutOffAndSignedZerosDiffer(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    DoubleVar x = engine.doubleVar(-1.0);
    DoubleComputed root = engine.computedDouble(() -> Math.sqrt(x.getAsDouble()));
    AtomicInteger readerRuns = new AtomicInteger();
    Computed<String> reader = engine.computed(() -> {
      readerRuns.incrementAndGet();
      return String.valueOf(root.getAsDouble());
    });
    assertEquals("NaN", reader.get());
    x.set(-2.0);
    assertEquals("NaN", reader.get());
    assertEquals(1, readerRuns.get(), "NaN equals NaN for cutoff: the reader must not re-run");

    DoubleVar zero = engine.doubleVar(0.0);
    long revision = engine.revision();
    zero.set(-0.0);
    assertEquals(revision + 1, engine.revision(), "-0.0 is another value than 0.0");
    DoubleVar nan = engine.doubleVar(Double.NaN);
    revision = engine.revision();
    nan.set(0.0 / 0.0);
    assertEquals(revision, engine.revision(), "setting NaN over NaN changes nothing");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void primitiveAndBoxedNodesReadEachOther(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    Var<Integer> boxed = engine.var(2);
    IntComputed twice = engine.computedInt(() -> boxed.get() * 2);
    Computed<Integer> plusOne = engine.computed(() -> twice.getAsInt() + 1);
    DoubleComputed half = engine.computedDouble(() -> plusOne.get() / 2.0);
    assertEquals(2.5, half.getAsDouble());
    boxed.set(10);
    assertEquals(10.5, half.getAsDouble());
    EngineInternals.checkInvariants(engine, List.of(boxed, twice, plusOne, half));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void observersOfPrimitiveNodesGetTheNewValues(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    IntVar x = engine.intVar(1);
    IntComputed squared = engine.computedInt(() -> x.getAsInt() * x.getAsInt());
    List<Integer> seen = new ArrayList<>();
    List<Integer> varSeen = new ArrayList<>();
    Observation o = engine.observe(squared, seen::add);
    engine.observe(x, varSeen::add);
    x.set(2);
    x.set(-2);
    engine.batch(() -> {
      x.set(5);
      x.set(3);
    });
    assertEquals(List.of(4, 9), seen, "-2 squares to 4 again: no change");
    assertEquals(List.of(2, -2, 3), varSeen);
    o.close();
    x.set(4);
    assertEquals(List.of(4, 9), seen);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aBatchOfPrimitiveSetsIsOneRevision(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    IntVar a = engine.intVar(1);
    LongVar b = engine.longVar(1);
    DoubleVar c = engine.doubleVar(1);
    long revision = engine.revision();
    engine.batch(() -> {
      a.set(2);
      b.set(2);
      c.set(2);
    });
    assertEquals(revision + 1, engine.revision());
    DoubleComputed sum = engine.computedDouble(() -> a.getAsInt() + b.getAsLong() + c.getAsDouble());
    assertEquals(6.0, sum.getAsDouble());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aDeepPrimitiveChainBuildsUpdatesAndCutsOffWithoutStackOverflow(String name,
      Supplier<Engine> engines) {
    Engine engine = engines.get();
    int height = 100_000;
    IntVar bottom = engine.intVar(50);
    AtomicInteger clampRuns = new AtomicInteger();
    IntComputed clamp = engine.computedInt(() -> {
      clampRuns.incrementAndGet();
      return Math.min(bottom.getAsInt(), 60);
    });
    AtomicInteger aboveRuns = new AtomicInteger();
    java.util.function.IntSupplier previous = clamp;
    for (int i = 0; i < height; i++) {
      java.util.function.IntSupplier below = previous;
      previous = engine.computedInt(() -> {
        aboveRuns.incrementAndGet();
        return below.getAsInt() + 1;
      });
    }
    IntComputed top = (IntComputed) previous;
    assertEquals(height + 50, top.getAsInt());
    // The first read of a graph this deep abandons partial runs and runs them again, from the top.
    int firstRead = aboveRuns.get();
    int clampFirstRead = clampRuns.get();
    bottom.set(55);
    assertEquals(height + 55, top.getAsInt());
    assertEquals(firstRead + height, aboveRuns.get(), "every node re-ran once for the change");
    bottom.set(70);
    assertEquals(height + 60, top.getAsInt());
    bottom.set(80); // the clamp absorbs it: nothing above re-runs
    assertEquals(height + 60, top.getAsInt());
    assertEquals(firstRead + 2 * height, aboveRuns.get());
    assertEquals(clampFirstRead + 3, clampRuns.get());
  }

  // -------------------------------------------------------------------------------------------
  // Bad use: the same errors as boxed nodes, and the engine stays usable

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void settingNullOnAPrimitiveVarThrowsNamingItAndChangesNothing(String name,
      Supplier<Engine> engines) {
    Engine engine = engines.get();
    IntVar count = engine.intVar(7).label("count");
    LongVar total = engine.longVar(7).label("total");
    DoubleVar ratio = engine.doubleVar(7).label("ratio");
    IntComputed reader = engine.computedInt(() -> count.getAsInt() + 1);
    assertEquals(8, reader.getAsInt());
    long revision = engine.revision();
    NullPointerException e = assertThrows(NullPointerException.class, () -> count.set(null));
    assertEquals("Cannot set 'count' to null: it is an IntVar and holds an int. Use"
        + " engine.var(...) for a value that may be null.", e.getMessage());
    e = assertThrows(NullPointerException.class, () -> total.set(null));
    assertTrue(e.getMessage().contains("'total'"), e.getMessage());
    e = assertThrows(NullPointerException.class, () -> ratio.set(null));
    assertTrue(e.getMessage().contains("'ratio'"), e.getMessage());
    assertEquals(revision, engine.revision());
    assertEquals(7, count.getAsInt());
    count.set(9);
    assertEquals(10, reader.getAsInt());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void settingAPrimitiveVarInsideAComputationThrowsNamingBoth(String name,
      Supplier<Engine> engines) {
    Engine engine = engines.get();
    IntVar target = engine.intVar(0).label("target");
    IntComputed sneaky = engine.computedInt(() -> {
      target.set(1);
      return 0;
    }).label("sneaky");
    IllegalStateException e = assertThrows(IllegalStateException.class, sneaky::getAsInt);
    assertTrue(e.getMessage().contains("target") && e.getMessage().contains("sneaky"),
        e.getMessage());
    assertEquals(0, target.getAsInt());
    target.set(2);
    assertEquals(2, target.getAsInt());
    IntComputed fine = engine.computedInt(() -> target.getAsInt() + 1);
    assertEquals(3, fine.getAsInt());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aPrimitiveFunctionThatThrowsKeepsTheOldValueAndReRunsNextTime(String name,
      Supplier<Engine> engines) {
    Engine engine = engines.get();
    IntVar divisor = engine.intVar(2);
    IntComputed quotient = engine.computedInt(() -> 10 / divisor.getAsInt()).label("quotient");
    assertEquals(5, quotient.getAsInt());
    divisor.set(0);
    assertThrows(ArithmeticException.class, quotient::getAsInt);
    assertThrows(ArithmeticException.class, quotient::getAsInt);
    assertTrue(engine.graph(quotient).toDot().contains("5"),
        "the last good value is kept: " + engine.graph(quotient).toDot());
    divisor.set(5);
    assertEquals(2, quotient.getAsInt());
    EngineInternals.checkInvariants(engine, List.of(divisor, quotient));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aPrimitiveCycleThrowsNamingItsNodes(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    AtomicReference<IntComputed> self = new AtomicReference<>();
    IntComputed loop = engine.computedInt(() -> self.get().getAsInt() + 1).label("loop");
    self.set(loop);
    CycleException e = assertThrows(CycleException.class, loop::getAsInt);
    assertEquals(List.of("loop", "loop"), e.cycle());
    IntVar x = engine.intVar(1);
    assertEquals(2, engine.computedInt(() -> x.getAsInt() + 1).getAsInt());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void readingAPrimitiveNodeOfAnotherEngineInsideAComputationThrowsNamingIt(String name,
      Supplier<Engine> engines) {
    Engine engine = engines.get();
    Engine other = engines.get();
    IntVar foreignVar = other.intVar(1).label("foreignVar");
    LongComputed foreignComputed = other.computedLong(() -> 2).label("foreignComputed");
    foreignComputed.getAsLong();
    IntComputed readsVar = engine.computedInt(foreignVar::getAsInt);
    LongComputed readsComputed = engine.computedLong(foreignComputed::getAsLong);
    IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class, readsVar::getAsInt);
    assertTrue(e1.getMessage().contains("foreignVar"), e1.getMessage());
    IllegalArgumentException e2 =
        assertThrows(IllegalArgumentException.class, readsComputed::getAsLong);
    assertTrue(e2.getMessage().contains("foreignComputed"), e2.getMessage());
    assertEquals(1, foreignVar.getAsInt());
    assertEquals(2, foreignComputed.getAsLong());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void nullFunctionsAreRejectedNamingTheFactory(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> engine.computedInt(null));
    assertTrue(e.getMessage().contains("computedInt"), e.getMessage());
    e = assertThrows(NullPointerException.class, () -> engine.computedLong(null));
    assertTrue(e.getMessage().contains("computedLong"), e.getMessage());
    e = assertThrows(NullPointerException.class, () -> engine.computedDouble(null));
    assertTrue(e.getMessage().contains("computedDouble"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void labelsStatsAndGraphsCoverPrimitiveNodes(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    EngineStats before = engine.stats();
    IntVar a = engine.intVar(41);
    assertSame(a, a.label("a"));
    IntComputed b = engine.computedInt(() -> a.getAsInt() + 1);
    assertTrue(b.label().startsWith("computedInt@"), b.label());
    assertTrue(engine.longVar(0).label().startsWith("longVar@"));
    assertTrue(engine.computedDouble(() -> 0).label().startsWith("computedDouble@"));
    assertEquals(42, b.getAsInt());
    EngineStats after = engine.stats();
    assertEquals(before.vars() + 2, after.vars());
    assertEquals(before.computeds() + 2, after.computeds());
    String dot = engine.graph(b).toDot();
    assertTrue(dot.contains("41") && dot.contains("42"), dot);
    Why why = engine.why(b);
    Why.Step last = why.chain().get(why.chain().size() - 1);
    assertSame(a, last.node(), why.toString());
    assertTrue(last.input(), why.toString());
    assertEquals("a", last.label());
  }
}
