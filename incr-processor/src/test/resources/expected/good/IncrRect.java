package good;

import dev.incr.DoubleComputed;
import dev.incr.DoubleVar;
import dev.incr.Engine;
import dev.incr.support.GeneratedByIncr;
import dev.incr.support.QueryMemo;
import dev.incr.support.RuntimeVersion;
import dev.incr.support.StaticDependencies;
import javax.annotation.processing.Generated;

/**
 * The incremental {@link Rect}: its inputs and queries are nodes of an {@link Engine}.
 */
@Generated("dev.incr.processor.IncrementalProcessor")
@GeneratedByIncr
public final class IncrRect extends Rect {
  private static final RuntimeVersion INCR_RUNTIME_VERSION = new RuntimeVersion("<version>", "good.IncrRect");

  private final Engine engine;

  private final DoubleVar widthInput;

  private final DoubleVar heightInput;

  private final DoubleComputed areaQuery;

  private final QueryMemo<String> describeQuery;

  /**
   * Creates the object; its nodes belong to {@code engine}.
   */
  public IncrRect(Engine engine) {
    super();
    this.engine = engine;
    this.widthInput = engine.doubleVar(this.width).label("Rect.width");
    this.heightInput = engine.doubleVar(this.height).label("Rect.height");
    this.areaQuery = engine.computedDouble(new StaticDependencies.OfDouble(2, this.widthInput, this.heightInput) {
      @Override
      public double getAsDouble() {
        return IncrRect.super.area();
      }
    }).label("Rect.area()");
    this.describeQuery = new QueryMemo<>(engine, "Rect.describe");
  }

  /**
   * Returns {@code width}; inside a computation, a tracked read.
   */
  public double width() {
    if (this.widthInput == null) {
      return this.width;
    }
    return this.widthInput.getAsDouble();
  }

  /**
   * Sets {@code width}; queries that read it re-run when next read.
   */
  public void setWidth(double width) {
    if (this.widthInput == null) {
      this.width = width;
      return;
    }
    this.engine.batch(() -> {
      this.width = width;
      this.widthInput.set(width);
    });
  }

  /**
   * Returns {@code height}; inside a computation, a tracked read.
   */
  public double height() {
    if (this.heightInput == null) {
      return this.height;
    }
    return this.heightInput.getAsDouble();
  }

  /**
   * Sets {@code height}; queries that read it re-run when next read.
   */
  public void setHeight(double height) {
    if (this.heightInput == null) {
      this.height = height;
      return;
    }
    this.engine.batch(() -> {
      this.height = height;
      this.heightInput.set(height);
    });
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  double area() {
    if (this.areaQuery == null) {
      return super.area();
    }
    return this.areaQuery.getAsDouble();
  }

  /**
   * Memoized per argument list: runs again only after something it read has changed.
   */
  @Override
  String describe(String unit) {
    if (this.describeQuery == null) {
      return super.describe(unit);
    }
    return this.describeQuery.get(unit, () -> super.describe(unit));
  }
}
