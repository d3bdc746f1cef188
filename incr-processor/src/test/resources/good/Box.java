package good;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;
import java.util.List;
import java.util.Map;

/** Generic inputs: a class type parameter, parameterized types and a wildcard. */
abstract class Box<T extends Comparable<T>> {
  @Input T value;
  @Input List<T> history = List.of();
  @Input Map<String, ? extends Number> weights = Map.of();

  @Query
  boolean greaterThan(T other) {
    return value != null && value.compareTo(other) > 0;
  }

  @Query
  int size() {
    return history.size() + weights.size();
  }

  /** Generic variable arguments: the override must not warn of heap pollution either. */
  @Query
  @SuppressWarnings("unchecked")
  int countAbove(T... thresholds) {
    int n = 0;
    for (T t : thresholds) {
      if (value != null && value.compareTo(t) > 0) {
        n++;
      }
    }
    return n;
  }
}
