package dev.incr.bench;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;

/**
 * An annotated class with the input and query kinds the function-graph workloads do not use: long,
 * double, boolean and String inputs, boxed and parameterized queries. Exercised by {@link
 * MixedProfile}.
 */
public abstract class GenMixed {
  @Input long count;
  @Input double price = 1.5;
  @Input String name = "";
  @Input boolean discounted;

  @Query
  double total() {
    return count * price * (discounted ? 0.5 : 1);
  }

  @Query
  String label() {
    return name + ":" + count;
  }

  @Query
  Long rounded() {
    return Math.round(total());
  }

  @Query
  int padded(int width) {
    return label().length() + width;
  }
}
