package dev.incr.bench;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;

/** The dynamic workload as an annotated class: {@code out = useLeft ? x * 2 : y * 3}. */
public abstract class GenDynamic {
  @Input boolean useLeft = true;
  @Input int x;
  @Input int y;

  @Query
  int left() {
    return x * 2;
  }

  @Query
  int right() {
    return y * 3;
  }

  @Query
  int out() {
    return useLeft ? left() : right();
  }
}
