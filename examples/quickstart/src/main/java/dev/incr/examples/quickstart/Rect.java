package dev.incr.examples.quickstart;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;

/**
 * A rectangle whose derived values are incremental: the incr processor generates {@code IncrRect},
 * whose setters record changes and whose queries re-run only when an input they read has changed.
 */
public abstract class Rect {
  @Input double width = 10;
  @Input double height = 5;

  /** Counts how often {@link #area()} really ran, to show what was recomputed. */
  int areaRuns;

  @Query
  @SuppressWarnings("incr-untracked") // areaRuns is a deliberate, untracked counter
  double area() {
    areaRuns++;
    return width * height;
  }

  @Query
  String describe(String unit) {
    return area() + " " + unit;
  }

  @Query
  boolean isWide() {
    return width > height;
  }
}
