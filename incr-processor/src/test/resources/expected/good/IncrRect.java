package good;

import dev.incr.DoubleComputed;
import dev.incr.DoubleVar;
import dev.incr.Engine;
import dev.incr.internal.gen.QueryMemo;
import javax.annotation.processing.Generated;

/**
 * The incremental {@link Rect}: its inputs and queries are nodes of an {@link Engine}.
 */
@Generated("dev.incr.processor.IncrementalProcessor")
public final class IncrRect extends Rect {
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
    this.areaQuery = engine.computedDouble(() -> {
      this.widthInput.getAsDouble();
      this.heightInput.getAsDouble();
      return super.area();
    }).label("Rect.area()");
    this.describeQuery = new QueryMemo<>(engine, "Rect.describe");
  }

  /**
   * Returns {@code width}; inside a computation, a tracked read.
   */
  public double width() {
    return this.widthInput.getAsDouble();
  }

  /**
   * Sets {@code width}; queries that read it re-run when next read.
   */
  public void setWidth(double width) {
    this.engine.batch(() -> {
      this.width = width;
      this.widthInput.set(width);
    });
  }

  /**
   * Returns {@code height}; inside a computation, a tracked read.
   */
  public double height() {
    return this.heightInput.getAsDouble();
  }

  /**
   * Sets {@code height}; queries that read it re-run when next read.
   */
  public void setHeight(double height) {
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
    return this.areaQuery.getAsDouble();
  }

  /**
   * Memoized per argument list: runs again only after something it read has changed.
   */
  @Override
  String describe(String unit) {
    return this.describeQuery.get(unit, () -> super.describe(unit));
  }
}
