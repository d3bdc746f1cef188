package dev.incr.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** From-scratch helpers for oracles: multisets as counts, exact sums, stable sorts. */
final class Bags {
  private Bags() {}

  /** The multiset of {@code elements}: element -> number of occurrences. */
  static Map<Object, Integer> bag(Collection<?> elements) {
    Map<Object, Integer> bag = new HashMap<>();
    for (Object e : elements) {
      bag.merge(e, 1, Integer::sum);
    }
    return bag;
  }

  /** Asserts that two lists hold the same elements with the same multiplicities. */
  static void assertSameBag(Collection<?> expected, Collection<?> actual, String what) {
    assertEquals(
        bag(expected), bag(actual), () -> what + ": expected " + expected + " but was " + actual);
  }

  /** The exactly rounded sum, as the collections' sum() promises. */
  static <T> double exactSum(Collection<T> elements, ToDoubleFunction<? super T> value) {
    BigDecimal sum = BigDecimal.ZERO;
    for (T e : elements) {
      sum = sum.add(new BigDecimal(value.applyAsDouble(e)));
    }
    return sum.signum() == 0 ? 0.0 : sum.doubleValue();
  }

  /** Every run of {@code n} consecutive elements of {@code sorted}. */
  static <T> List<List<T>> windows(List<T> sorted, int n) {
    List<List<T>> out = new ArrayList<>();
    for (int s = 0; s + n <= sorted.size(); s++) {
      out.add(List.copyOf(sorted.subList(s, s + n)));
    }
    return out;
  }

  /** Removes the last occurrence of {@code x}; returns whether there was one. */
  static <T> boolean removeLast(List<T> list, T x) {
    int i = list.lastIndexOf(x);
    if (i < 0) {
      return false;
    }
    list.remove(i);
    return true;
  }
}
