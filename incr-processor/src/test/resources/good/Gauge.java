package good;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;

/**
 * Queries with compile-time dependencies beside one that records them as it runs: over() reads
 * ratio(), declared after it, so ratio's node is created first; shown() calls queries in the
 * branches of an if, so it stays dynamic.
 */
public abstract class Gauge {
  @Input double level = 1;
  @Input double limit = 10;
  @Input boolean metric = true;

  abstract double limit();

  @Query
  boolean over() {
    return ratio() > 1;
  }

  @Query
  double ratio() {
    return level / limit();
  }

  @Query
  String shown() {
    if (metric) {
      return ratio() + " m";
    }
    return over() + " ft";
  }
}
