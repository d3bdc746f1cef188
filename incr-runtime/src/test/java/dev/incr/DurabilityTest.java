package dev.incr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Durability} on both engines: a computed over high-durability inputs is verified in one
 * step (one verification, nothing below it visited) after a write to a lower-durability input
 * elsewhere, and still re-verifies, and re-runs, when one of its own inputs changes.
 */
class DurabilityTest {

  /** A chain of {@code height} computeds over {@code input}, each adding one; counts runs. */
  private static Computed<Integer> chain(Engine engine, Node<Integer> input, int height,
      AtomicInteger runs) {
    Node<Integer> below = input;
    Computed<Integer> top = null;
    for (int i = 0; i < height; i++) {
      Node<Integer> b = below;
      top = engine.computed(() -> {
        runs.incrementAndGet();
        return b.get() + 1;
      });
      below = top;
    }
    return top;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aHighChainIsVerifiedInOneStepAfterALowWriteElsewhere(String name,
      Supplier<Engine> engines) {
    Engine engine = engines.get();
    Var<Integer> config = engine.var(0, Durability.HIGH);
    Var<Integer> text = engine.var(0);
    AtomicInteger runs = new AtomicInteger();
    Computed<Integer> top = chain(engine, config, 100, runs);
    Computed<Integer> other = engine.computed(() -> text.get() * 2);
    assertEquals(100, top.get());
    assertEquals(0, other.get());
    assertEquals(100, runs.get());

    text.set(1);
    long before = engine.stats().verifications();
    assertEquals(100, top.get());
    assertEquals(1, engine.stats().verifications() - before, "only the top is verified");
    assertEquals(100, runs.get());
    assertEquals(2, other.get());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void withoutDurabilityTheSameReadVisitsTheWholeChain(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    Var<Integer> config = engine.var(0);
    Var<Integer> text = engine.var(0);
    AtomicInteger runs = new AtomicInteger();
    Computed<Integer> top = chain(engine, config, 100, runs);
    assertEquals(100, top.get());
    text.set(1);
    long before = engine.stats().verifications();
    assertEquals(100, top.get());
    assertEquals(100, engine.stats().verifications() - before);
    assertEquals(100, runs.get());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aWriteToAHighInputStillReVerifiesAndReRuns(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    Var<Integer> config = engine.var(0, Durability.HIGH);
    Var<Integer> other = engine.var(0, Durability.HIGH);
    AtomicInteger runs = new AtomicInteger();
    Computed<Integer> top = chain(engine, config, 50, runs);
    assertEquals(50, top.get());

    other.set(1); // HIGH, but not read by the chain: the ordinary verification walks it
    long before = engine.stats().verifications();
    assertEquals(50, top.get());
    assertEquals(50, engine.stats().verifications() - before);
    assertEquals(50, runs.get());

    config.set(10);
    assertEquals(60, top.get());
    assertEquals(100, runs.get());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aComputedTakesTheLowestDurabilityOfWhatItRead(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    Var<Integer> high = engine.var(1, Durability.HIGH);
    Var<Integer> medium = engine.var(2, Durability.MEDIUM);
    Var<Integer> low = engine.var(3);
    Var<Integer> unrelatedLow = engine.var(0);
    Var<Integer> unrelatedMedium = engine.var(0, Durability.MEDIUM);
    AtomicInteger runs = new AtomicInteger();
    Computed<Integer> highAndMedium = engine.computed(() -> {
      runs.incrementAndGet();
      return high.get() + medium.get();
    });
    Computed<Integer> withLow = engine.computed(() -> highAndMedium.get() + low.get());
    assertEquals(3, highAndMedium.get());
    assertEquals(6, withLow.get());

    unrelatedLow.set(1); // below MEDIUM: highAndMedium skips, withLow walks (2 verifications)
    long before = engine.stats().verifications();
    assertEquals(6, withLow.get());
    assertEquals(2, engine.stats().verifications() - before);

    unrelatedMedium.set(1); // MEDIUM: highAndMedium must look at its dependencies now
    before = engine.stats().verifications();
    assertEquals(3, highAndMedium.get());
    assertEquals(1, engine.stats().verifications() - before);
    assertEquals(1, runs.get());

    medium.set(5);
    assertEquals(9, withLow.get());
    assertEquals(2, runs.get());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aDependencyThatStartsReadingALowInputLowersItsReaders(String name,
      Supplier<Engine> engines) {
    Engine engine = engines.get();
    Var<Boolean> useLow = engine.var(false, Durability.HIGH);
    Var<Integer> high = engine.var(1, Durability.HIGH);
    Var<Integer> low = engine.var(100);
    Var<Integer> unrelated = engine.var(0);
    Computed<Integer> pick = engine.computed(() -> useLow.get() ? low.get() : high.get());
    Computed<Integer> flag = engine.computed(() -> useLow.get() ? 1 : 1); // cut off below top
    Computed<Integer> top = engine.computed(() -> flag.get() + pick.get());
    assertEquals(2, top.get());
    useLow.set(true); // pick now reads a LOW input, top re-runs and becomes LOW
    assertEquals(101, top.get());
    low.set(200);
    assertEquals(201, top.get());
    unrelated.set(1);
    low.set(300);
    assertEquals(301, top.get());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aReaderVerifiedWithoutRunningTakesItsDependencysLowerDurability(String name,
      Supplier<Engine> engines) {
    Engine engine = engines.get();
    Var<Boolean> useLow = engine.var(false, Durability.HIGH);
    Var<Integer> high = engine.var(1, Durability.HIGH);
    Var<Integer> low = engine.var(1);
    // pick switches to the LOW input with the same value: it is cut off, and top is verified
    // (not re-run); top must still see the LOW input from then on.
    Computed<Integer> pick = engine.computed(() -> useLow.get() ? low.get() : high.get());
    AtomicInteger runs = new AtomicInteger();
    Computed<Integer> top = engine.computed(() -> {
      runs.incrementAndGet();
      return pick.get() * 10;
    });
    assertEquals(10, top.get());
    useLow.set(true);
    assertEquals(10, top.get());
    assertEquals(1, runs.get());
    low.set(7);
    assertEquals(70, top.get());
    assertEquals(2, runs.get());
  }

  /**
   * An observed node is confirmed by push without being verified: when what it reads switches to a
   * LOW input with an equal value, it is not re-run, and after its observer closes it must still
   * see that input.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aNodeNoLongerObservedSeesTheLowInputItsDependencyNowReads(String name,
      Supplier<Engine> engines) {
    Engine engine = engines.get();
    Var<Boolean> useLow = engine.var(false, Durability.HIGH);
    Var<Integer> high = engine.var(1, Durability.HIGH);
    Var<Integer> low = engine.var(1);
    Computed<Integer> pick = engine.computed(() -> useLow.get() ? low.get() : high.get());
    AtomicInteger runs = new AtomicInteger();
    Computed<Integer> top = engine.computed(() -> {
      runs.incrementAndGet();
      return pick.get() * 10;
    });
    List<Integer> seen = new ArrayList<>();
    try (Observation o = engine.observe(top, seen::add)) {
      useLow.set(true); // pick re-runs to an equal value: top is not re-run
      assertEquals(1, runs.get());
    }
    low.set(7);
    assertEquals(70, top.get());
    assertEquals(2, runs.get());
    assertEquals(List.of(), seen);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aComputedThatReadNothingIsVerifiedInOneStep(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    Var<Integer> low = engine.var(0);
    Computed<Integer> constant = engine.computed(() -> 42);
    Computed<Integer> above = engine.computed(() -> constant.get() + 1);
    assertEquals(43, above.get());
    low.set(1);
    long before = engine.stats().verifications();
    assertEquals(43, above.get());
    assertEquals(1, engine.stats().verifications() - before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aFailedRunIsRetriedAsWithoutDurability(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    Var<Integer> high = engine.var(0, Durability.HIGH);
    Var<Integer> low = engine.var(0);
    AtomicInteger attempts = new AtomicInteger();
    Computed<Integer> flaky = engine.computed(() -> {
      int v = high.get();
      if (attempts.incrementAndGet() == 1) {
        throw new IllegalStateException("first attempt fails");
      }
      return v;
    });
    Computed<String> caught = engine.computed(() -> {
      try {
        return "ok " + flaky.get();
      } catch (IllegalStateException e) {
        return "failed";
      }
    });
    assertEquals("failed", caught.get());
    low.set(1); // a LOW write: caught read a failed node, so it is verified and flaky retried
    assertEquals("ok 0", caught.get());
    assertEquals(2, attempts.get());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void primitiveVarsAndEqualityTakeADurability(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    IntVar i = engine.intVar(1, Durability.HIGH);
    LongVar l = engine.longVar(2L, Durability.MEDIUM);
    DoubleVar d = engine.doubleVar(3.0, Durability.HIGH);
    List<String> list = new ArrayList<>(List.of("a"));
    Var<List<String>> mutable = engine.var(list, Equality.IDENTITY, Durability.HIGH);
    Var<Integer> low = engine.var(0, Durability.LOW);
    AtomicInteger runs = new AtomicInteger();
    Computed<Double> sum = engine.computed(() -> {
      runs.incrementAndGet();
      return i.getAsInt() + l.getAsLong() + d.getAsDouble() + mutable.get().size();
    });
    assertEquals(7.0, sum.get());
    low.set(1);
    long before = engine.stats().verifications();
    assertEquals(7.0, sum.get());
    assertEquals(1, engine.stats().verifications() - before);
    mutable.set(new ArrayList<>(list)); // identity: an equal copy is a change
    assertEquals(7.0, sum.get());
    assertEquals(2, runs.get());
    l.set(3L);
    assertEquals(8.0, sum.get());
    assertEquals(3, runs.get());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aNullDurabilityIsRejectedNamingTheCall(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    String choices = ": pass Durability.LOW, Durability.MEDIUM or Durability.HIGH";
    assertEquals("var(initial, null)" + choices, assertThrows(NullPointerException.class,
        () -> engine.var(1, (Durability) null)).getMessage());
    assertEquals("var(initial, equality, null)" + choices, assertThrows(
        NullPointerException.class, () -> engine.var(1, Equality.EQUALS, null)).getMessage());
    assertEquals("var(initial, null, durability): pass Equality.EQUALS or Equality.IDENTITY",
        assertThrows(NullPointerException.class,
            () -> engine.var(1, null, Durability.HIGH)).getMessage());
    assertEquals("intVar(initial, null)" + choices, assertThrows(NullPointerException.class,
        () -> engine.intVar(1, null)).getMessage());
    assertEquals("longVar(initial, null)" + choices, assertThrows(NullPointerException.class,
        () -> engine.longVar(1L, null)).getMessage());
    assertEquals("doubleVar(initial, null)" + choices, assertThrows(NullPointerException.class,
        () -> engine.doubleVar(1.0, null)).getMessage());
    assertEquals(0, engine.stats().vars(), "no var is created by a rejected call");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void anObservedHighNodeStaysCorrect(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    Var<Integer> high = engine.var(1, Durability.HIGH);
    Var<Integer> low = engine.var(1);
    Computed<Integer> h = engine.computed(() -> high.get() * 2);
    Computed<Integer> both = engine.computed(() -> h.get() + low.get());
    List<Integer> seen = new ArrayList<>();
    try (Observation o = engine.observe(both, seen::add)) {
      low.set(2);
      high.set(5);
      engine.batch(() -> {
        low.set(3);
        high.set(6);
      });
    }
    assertEquals(List.of(4, 12, 15), seen);
    low.set(4);
    assertEquals(16, both.get());
    assertEquals(12, h.get());
  }
}
