package good;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;

/** The plain case: primitive inputs, an argument-less query, a query with a parameter. */
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
