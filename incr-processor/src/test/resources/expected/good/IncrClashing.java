package good;

import dev.incr.IntVar;
import dev.incr.support.GeneratedByIncr;
import dev.incr.support.QueryArgs;
import dev.incr.support.RuntimeVersion;
import dev.incr.support.StaticDependencies;

/**
 * The incremental {@link Clashing}: its inputs and queries are nodes of an {@link dev.incr.Engine}.
 */
@javax.annotation.processing.Generated("dev.incr.processor.IncrementalProcessor")
@GeneratedByIncr
public final class IncrClashing<Engine> extends Clashing<Engine> {
  private static final RuntimeVersion INCR_RUNTIME_VERSION = new RuntimeVersion("<version>", "good.IncrClashing");

  private final dev.incr.Engine engine_;

  private final dev.incr.Var<Engine> engineInput;

  private final dev.incr.DoubleVar speedInput;

  private final IntVar gearInput;

  private final dev.incr.Var<Clashing.Var> varInput;

  private final dev.incr.Var<java.util.List<String>> namesInput;

  private final dev.incr.IntComputed doubledGearQuery;

  private final dev.incr.support.QueryMemo<Double> atQuery;

  private final dev.incr.support.QueryMemo<String> nameQuery;

  /**
   * Creates the object; its nodes belong to {@code engine}.
   */
  <Computed> IncrClashing(dev.incr.Engine engine, Computed DoubleVar) {
    super(DoubleVar);
    this.engine_ = engine;
    this.engineInput = engine.var(this.engine).label("Clashing.engine");
    this.speedInput = engine.doubleVar(this.speed).label("Clashing.speed");
    this.gearInput = engine.intVar(this.gear).label("Clashing.gear");
    this.varInput = engine.var(this.var).label("Clashing.var");
    this.namesInput = engine.var(this.names).label("Clashing.names");
    this.doubledGearQuery = engine.computedInt(new StaticDependencies.OfInt(1, this.gearInput) {
      @java.lang.Override
      public int getAsInt() {
        return IncrClashing.super.doubledGear();
      }
    }).label("Clashing.doubledGear()");
    this.atQuery = new dev.incr.support.QueryMemo<>(engine, "Clashing.at");
    this.nameQuery = new dev.incr.support.QueryMemo<>(engine, "Clashing.name");
  }

  /**
   * Creates the object; its nodes belong to {@code engine}.
   */
  IncrClashing(dev.incr.Engine engine) {
    super();
    this.engine_ = engine;
    this.engineInput = engine.var(this.engine).label("Clashing.engine");
    this.speedInput = engine.doubleVar(this.speed).label("Clashing.speed");
    this.gearInput = engine.intVar(this.gear).label("Clashing.gear");
    this.varInput = engine.var(this.var).label("Clashing.var");
    this.namesInput = engine.var(this.names).label("Clashing.names");
    this.doubledGearQuery = engine.computedInt(new StaticDependencies.OfInt(1, this.gearInput) {
      @java.lang.Override
      public int getAsInt() {
        return IncrClashing.super.doubledGear();
      }
    }).label("Clashing.doubledGear()");
    this.atQuery = new dev.incr.support.QueryMemo<>(engine, "Clashing.at");
    this.nameQuery = new dev.incr.support.QueryMemo<>(engine, "Clashing.name");
  }

  /**
   * Returns {@code engine}; inside a computation, a tracked read.
   */
  public Engine engine() {
    if (this.engineInput == null) {
      return this.engine;
    }
    return this.engineInput.get();
  }

  /**
   * Sets {@code engine}; queries that read it re-run when next read.
   */
  public void setEngine(Engine engine) {
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
   * Returns {@code speed}; inside a computation, a tracked read.
   */
  public double speed() {
    if (this.speedInput == null) {
      return this.speed;
    }
    return this.speedInput.getAsDouble();
  }

  /**
   * Sets {@code speed}; queries that read it re-run when next read.
   */
  public void setSpeed(double speed) {
    if (this.speedInput == null) {
      this.speed = speed;
      return;
    }
    this.engine_.batch(() -> {
      this.speed = speed;
      this.speedInput.set(speed);
    });
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
   * Returns {@code var}; inside a computation, a tracked read.
   */
  public Clashing.Var var() {
    if (this.varInput == null) {
      return this.var;
    }
    return this.varInput.get();
  }

  /**
   * Sets {@code var}; queries that read it re-run when next read.
   */
  public void setVar(Clashing.Var var) {
    if (this.varInput == null) {
      this.var = var;
      return;
    }
    this.engine_.batch(() -> {
      this.var = var;
      this.varInput.set(var);
    });
  }

  /**
   * Returns {@code names}; inside a computation, a tracked read.
   */
  public java.util.List<String> names() {
    if (this.namesInput == null) {
      return this.names;
    }
    return this.namesInput.get();
  }

  /**
   * Sets {@code names}; queries that read it re-run when next read.
   */
  public void setNames(java.util.List<String> names) {
    if (this.namesInput == null) {
      this.names = names;
      return;
    }
    this.engine_.batch(() -> {
      this.names = names;
      this.namesInput.set(names);
    });
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @java.lang.Override
  int doubledGear() {
    if (this.doubledGearQuery == null) {
      return super.doubledGear();
    }
    return this.doubledGearQuery.getAsInt();
  }

  /**
   * Memoized per argument list: runs again only after something it read has changed.
   */
  @java.lang.Override
  double at(int QueryMemo, double Engine) {
    if (this.atQuery == null) {
      return super.at(QueryMemo, Engine);
    }
    return this.atQuery.get(new QueryArgs(QueryMemo, Engine), () -> {
      this.speedInput.getAsDouble();
      return super.at(QueryMemo, Engine);
    });
  }

  /**
   * Memoized per argument list: runs again only after something it read has changed.
   */
  @java.lang.Override
  String name(int... Var) {
    if (this.nameQuery == null) {
      return super.name(Var);
    }
    return this.nameQuery.get(new QueryArgs((java.lang.Object) Var), () -> {
      this.namesInput.get();
      return super.name(Var);
    });
  }
}
