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
 * {@link Engine#var(Object, Equality)} on both engines: a list changed in place and set again (as a
 * copy) is a change under {@link Equality#IDENTITY}; under {@link Equality#EQUALS} (and plain
 * {@code var}) it is not, since the var holds the changed list itself, and readers keep what they
 * computed from the old contents.
 */
class EqualityTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aListChangedInPlaceAndSetAgainIsAChangeUnderIdentity(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    List<String> lines = new ArrayList<>(List.of("a"));
    Var<List<String>> var = engine.var(lines, Equality.IDENTITY);
    AtomicInteger runs = new AtomicInteger();
    Computed<Integer> size = engine.computed(() -> {
      runs.incrementAndGet();
      return var.get().size();
    });
    assertEquals(1, size.get());
    lines.add("b");
    var.set(lines); // the same object: no change by identity either
    assertEquals(1, size.get());
    assertEquals(1, runs.get());
    var.set(new ArrayList<>(lines)); // an equal copy: another object, so a change
    assertEquals(2, size.get());
    assertEquals(2, runs.get());
    List<String> copy = var.get();
    var.set(copy); // the object it holds: no change
    assertEquals(2, size.get());
    assertEquals(2, runs.get());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aListChangedInPlaceAndSetAgainIsNoChangeUnderEquals(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    List<String> a = new ArrayList<>(List.of("a"));
    List<String> b = new ArrayList<>(List.of("a"));
    for (Var<List<String>> var : List.of(engine.var(a, Equality.EQUALS), engine.var(b))) {
      AtomicInteger runs = new AtomicInteger();
      Computed<Integer> size = engine.computed(() -> {
        runs.incrementAndGet();
        return var.get().size();
      });
      assertEquals(1, size.get());
      List<String> lines = var.get();
      lines.add("b");
      var.set(lines); // equal to the value it holds (itself): no change, the reader stays stale
      assertEquals(1, size.get());
      assertEquals(1, runs.get());
      var.set(new ArrayList<>(lines)); // equal too
      assertEquals(1, size.get());
      var.set(List.of("c", "d", "e"));
      assertEquals(3, size.get());
      assertEquals(2, runs.get());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void anEqualCopySetInABatchIsAChangeUnderIdentity(String name, Supplier<Engine> engines) {
    Engine engine = engines.get();
    List<String> lines = new ArrayList<>(List.of("a"));
    Var<List<String>> var = engine.var(lines, Equality.IDENTITY);
    Computed<Integer> size = engine.computed(() -> var.get().size());
    assertEquals(1, size.get());
    lines.add("b");
    engine.batch(() -> var.set(new ArrayList<>(lines)));
    assertEquals(2, size.get());
    List<String> held = var.get();
    engine.batch(() -> {
      var.set(new ArrayList<>());
      var.set(held); // written back to the very object it held: unchanged
    });
    assertEquals(2, size.get());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.incr.BothEngines#engines")
  void aNullEqualityIsRefusedWithAMessage(String name, Supplier<Engine> engines) {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> engines.get().var("x", (Equality) null));
    assertEquals("var(initial, null): pass Equality.EQUALS or Equality.IDENTITY", e.getMessage());
  }
}
