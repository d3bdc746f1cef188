package dev.incr.bench;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;

/** The diamond as an annotated class: {@code d = (a + 1) + (a * 2)}. */
public abstract class GenDiamond {
  @Input int a;

  @Query
  int b() {
    return a + 1;
  }

  @Query
  int c() {
    return a * 2;
  }

  @Query
  int d() {
    return b() + c();
  }
}
