package com.example.shapes;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;

/** A rectangle whose area is derived incrementally; the incr processor generates IncrRect. */
public abstract class Rect {
  @Input double width = 10;
  @Input double height = 5;

  @Query
  double area() {
    return width * height;
  }

  @Query
  String describe(String unit) {
    return area() + " " + unit;
  }
}
