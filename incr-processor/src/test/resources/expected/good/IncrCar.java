package good;

import dev.incr.IntComputed;
import dev.incr.IntVar;
import dev.incr.Var;
import dev.incr.support.GeneratedByIncr;
import dev.incr.support.RuntimeVersion;
import dev.incr.support.StaticDependencies;
import javax.annotation.processing.Generated;

/**
 * The incremental {@link Car}: its inputs and queries are nodes of an {@link dev.incr.Engine}.
 */
@Generated("dev.incr.processor.IncrementalProcessor")
@GeneratedByIncr
public final class IncrCar extends Car {
  private static final RuntimeVersion INCR_RUNTIME_VERSION = new RuntimeVersion("<version>", "good.IncrCar");

  private final dev.incr.Engine engine_;

  private final IntVar gearInput;

  private final Var<Car.Engine> engineInput;

  private final IntComputed powerQuery;

  /**
   * Creates the object; its nodes belong to {@code engine}.
   */
  public IncrCar(dev.incr.Engine engine) {
    super();
    this.engine_ = engine;
    this.gearInput = engine.intVar(this.gear).label("Car.gear");
    this.engineInput = engine.var(this.engine).label("Car.engine");
    this.powerQuery = engine.computedInt(new StaticDependencies.OfInt(2, this.gearInput, this.engineInput) {
      @Override
      public int getAsInt() {
        return IncrCar.super.power();
      }
    }).label("Car.power()");
  }

  /**
   * Returns {@code gear}; inside a computation, a tracked read.
   */
  public int gear() {
    if (this.gearInput == null) {
      return this.gear;
    }
    return this.gearInput.getAsInt();
  }

  /**
   * Sets {@code gear}; queries that read it re-run when next read.
   */
  public void setGear(int gear) {
    if (this.gearInput == null) {
      this.gear = gear;
      return;
    }
    this.engine_.batch(() -> {
      this.gear = gear;
      this.gearInput.set(gear);
    });
  }

  /**
   * Returns {@code engine}; inside a computation, a tracked read.
   */
  public Car.Engine engine() {
    if (this.engineInput == null) {
      return this.engine;
    }
    return this.engineInput.get();
  }

  /**
   * Sets {@code engine}; queries that read it re-run when next read.
   */
  public void setEngine(Car.Engine engine) {
    if (this.engineInput == null) {
      this.engine = engine;
      return;
    }
    this.engine_.batch(() -> {
      this.engine = engine;
      this.engineInput.set(engine);
    });
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  int power() {
    if (this.powerQuery == null) {
      return super.power();
    }
    return this.powerQuery.getAsInt();
  }
}
