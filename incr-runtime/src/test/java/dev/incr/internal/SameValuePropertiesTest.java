package dev.incr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The engine's inline cutoff test decides exactly as {@link Objects#equals}. */
class SameValuePropertiesTest {

  @Property(tries = 2000)
  void agreesWithObjectsEquals(@ForAll("values") Object a, @ForAll("values") Object b) {
    assertEquals(Objects.equals(a, b), SameValue.test(a, b), a + " vs " + b);
    assertEquals(Objects.equals(a, b), SameValue.test(copy(a), b), "a fresh box of " + a);
  }

  /**
   * Small ranges, so that equal values in different boxes (outside the Integer and Long caches)
   * and equal numbers of different types come up often.
   */
  @Provide
  Arbitrary<Object> values() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(120, 140).map(i -> (Object) i),
        Arbitraries.longs().between(120, 140).map(l -> (Object) l),
        Arbitraries.of(0.0, -0.0, Double.NaN, 130.0).map(d -> (Object) d),
        Arbitraries.strings().withChars('a', 'b').ofMaxLength(2).map(s -> (Object) s),
        Arbitraries.just(null));
  }

  /** An equal value in a new object where the type allows one. */
  @SuppressWarnings({"removal", "deprecation"})
  private static Object copy(Object value) {
    if (value instanceof Integer) {
      return new Integer((Integer) value);
    }
    if (value instanceof Long) {
      return new Long((Long) value);
    }
    if (value instanceof String) {
      return new String((String) value);
    }
    return value;
  }
}
