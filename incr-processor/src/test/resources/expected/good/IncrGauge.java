package good;

import dev.incr.Computed;
import dev.incr.DoubleComputed;
import dev.incr.DoubleVar;
import dev.incr.Engine;
import dev.incr.Var;
import dev.incr.support.GeneratedByIncr;
import dev.incr.support.RuntimeVersion;
import dev.incr.support.StaticDependencies;
import javax.annotation.processing.Generated;

/**
 * The incremental {@link Gauge}: its inputs and queries are nodes of an {@link Engine}.
 */
@Generated("dev.incr.processor.IncrementalProcessor")
@GeneratedByIncr
public final class IncrGauge extends Gauge {
  private static final RuntimeVersion INCR_RUNTIME_VERSION = new RuntimeVersion("<version>", "good.IncrGauge");

  private final Engine engine;

  private final DoubleVar levelInput;

  private final DoubleVar limitInput;

  private final Var<Boolean> metricInput;

  private final Computed<Boolean> overQuery;

  private final DoubleComputed ratioQuery;

  private final Computed<String> shownQuery;

  /**
   * Creates the object; its nodes belong to {@code engine}.
   */
  public IncrGauge(Engine engine) {
    super();
    this.engine = engine;
    this.levelInput = engine.doubleVar(this.level).label("Gauge.level");
    this.limitInput = engine.doubleVar(this.limit).label("Gauge.limit");
    this.metricInput = engine.var(this.metric).label("Gauge.metric");
    this.ratioQuery = engine.computedDouble(new StaticDependencies.OfDouble(1, this.levelInput, this.limitInput) {
      @Override
      public double getAsDouble() {
        return IncrGauge.super.ratio();
      }
    }).label("Gauge.ratio()");
    this.overQuery = engine.computed(new StaticDependencies.Of<Boolean>(0, this.ratioQuery) {
      @Override
      public Boolean get() {
        return IncrGauge.super.over();
      }
    }).label("Gauge.over()");
    this.shownQuery = engine.computed(() -> {
      this.metricInput.get();
      return super.shown();
    }).label("Gauge.shown()");
  }

  /**
   * Returns {@code level}; inside a computation, a tracked read.
   */
  public double level() {
    if (this.levelInput == null) {
      return this.level;
    }
    return this.levelInput.getAsDouble();
  }

  /**
   * Sets {@code level}; queries that read it re-run when next read.
   */
  public void setLevel(double level) {
    if (this.levelInput == null) {
      this.level = level;
      return;
    }
    this.engine.batch(() -> {
      this.level = level;
      this.levelInput.set(level);
    });
  }

  /**
   * Returns {@code limit}; inside a computation, a tracked read.
   */
  @Override
  public double limit() {
    if (this.limitInput == null) {
      return this.limit;
    }
    return this.limitInput.getAsDouble();
  }

  /**
   * Sets {@code limit}; queries that read it re-run when next read.
   */
  public void setLimit(double limit) {
    if (this.limitInput == null) {
      this.limit = limit;
      return;
    }
    this.engine.batch(() -> {
      this.limit = limit;
      this.limitInput.set(limit);
    });
  }

  /**
   * Returns {@code metric}; inside a computation, a tracked read.
   */
  public boolean metric() {
    if (this.metricInput == null) {
      return this.metric;
    }
    return this.metricInput.get();
  }

  /**
   * Sets {@code metric}; queries that read it re-run when next read.
   */
  public void setMetric(boolean metric) {
    if (this.metricInput == null) {
      this.metric = metric;
      return;
    }
    this.engine.batch(() -> {
      this.metric = metric;
      this.metricInput.set(metric);
    });
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  boolean over() {
    if (this.overQuery == null) {
      return super.over();
    }
    return this.overQuery.get();
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  double ratio() {
    if (this.ratioQuery == null) {
      return super.ratio();
    }
    return this.ratioQuery.getAsDouble();
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  String shown() {
    if (this.shownQuery == null) {
      return super.shown();
    }
    return this.shownQuery.get();
  }
}
