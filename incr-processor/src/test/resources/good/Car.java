package good;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;

/** A member type named like the runtime's {@code Engine}, used by an input and a query. */
public abstract class Car {
  /** The car's engine, not incr's. */
  public static final class Engine {
    final int cylinders;

    public Engine(int cylinders) {
      this.cylinders = cylinders;
    }
  }

  @Input int gear = 1;
  @Input Engine engine = new Engine(4);

  @Query
  int power() {
    return engine.cylinders * gear;
  }
}
