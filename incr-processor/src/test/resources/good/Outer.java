package good;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;

/** A static nested class: the generated class is {@code IncrOuter_Counter}. */
public class Outer {
  /** The nested incremental class. */
  public abstract static class Counter {
    @Input protected int count;

    @Query
    public boolean positive() {
      return this.count > 0;
    }
  }
}
