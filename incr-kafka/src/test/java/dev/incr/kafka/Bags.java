package dev.incr.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Multisets as maps from element to number of occurrences, for comparing collections. */
final class Bags {
  private Bags() {}

  static Map<Object, Long> of(Collection<?> elements) {
    Map<Object, Long> bag = new HashMap<>();
    for (Object e : elements) {
      bag.merge(e, 1L, Long::sum);
    }
    return bag;
  }
}
