package good;

import dev.incr.Engine;
import dev.incr.IntComputed;
import dev.incr.Var;
import dev.incr.support.GeneratedByIncr;
import dev.incr.support.QueryArgs;
import dev.incr.support.QueryMemo;
import dev.incr.support.RuntimeVersion;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * The incremental {@link Box}: its inputs and queries are nodes of an {@link Engine}.
 */
@Generated("dev.incr.processor.IncrementalProcessor")
@GeneratedByIncr
final class IncrBox<T extends Comparable<T>> extends Box<T> {
  private static final RuntimeVersion INCR_RUNTIME_VERSION = new RuntimeVersion("<version>", "good.IncrBox");

  private final Engine engine;

  private final Var<T> valueInput;

  private final Var<List<T>> historyInput;

  private final Var<Map<String, ? extends Number>> weightsInput;

  private final QueryMemo<Boolean> greaterThanQuery;

  private final IntComputed sizeQuery;

  private final QueryMemo<Integer> countAboveQuery;

  /**
   * Creates the object; its nodes belong to {@code engine}.
   */
  IncrBox(Engine engine) {
    super();
    this.engine = engine;
    this.valueInput = engine.var(this.value).label("Box.value");
    this.historyInput = engine.var(this.history).label("Box.history");
    this.weightsInput = engine.<Map<String, ? extends Number>>var(this.weights)
        .label("Box.weights");
    this.greaterThanQuery = new QueryMemo<>(engine, "Box.greaterThan");
    this.sizeQuery = engine.computedInt(() -> {
      this.historyInput.get();
      this.weightsInput.get();
      return super.size();
    }).label("Box.size()");
    this.countAboveQuery = new QueryMemo<>(engine, "Box.countAbove");
  }

  /**
   * Returns {@code value}; inside a computation, a tracked read.
   */
  public T value() {
    if (this.valueInput == null) {
      return this.value;
    }
    return this.valueInput.get();
  }

  /**
   * Sets {@code value}; queries that read it re-run when next read.
   */
  public void setValue(T value) {
    if (this.valueInput == null) {
      this.value = value;
      return;
    }
    this.engine.batch(() -> {
      this.value = value;
      this.valueInput.set(value);
    });
  }

  /**
   * Returns {@code history}; inside a computation, a tracked read.
   */
  public List<T> history() {
    if (this.historyInput == null) {
      return this.history;
    }
    return this.historyInput.get();
  }

  /**
   * Sets {@code history}; queries that read it re-run when next read.
   */
  public void setHistory(List<T> history) {
    if (this.historyInput == null) {
      this.history = history;
      return;
    }
    this.engine.batch(() -> {
      this.history = history;
      this.historyInput.set(history);
    });
  }

  /**
   * Returns {@code weights}; inside a computation, a tracked read.
   */
  public Map<String, ? extends Number> weights() {
    if (this.weightsInput == null) {
      return this.weights;
    }
    return this.weightsInput.get();
  }

  /**
   * Sets {@code weights}; queries that read it re-run when next read.
   */
  public void setWeights(Map<String, ? extends Number> weights) {
    if (this.weightsInput == null) {
      this.weights = weights;
      return;
    }
    this.engine.batch(() -> {
      this.weights = weights;
      this.weightsInput.set(weights);
    });
  }

  /**
   * Memoized per argument list: runs again only after something it read has changed.
   */
  @Override
  boolean greaterThan(T other) {
    if (this.greaterThanQuery == null) {
      return super.greaterThan(other);
    }
    return this.greaterThanQuery.get(other, () -> {
      this.valueInput.get();
      return super.greaterThan(other);
    });
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  int size() {
    if (this.sizeQuery == null) {
      return super.size();
    }
    return this.sizeQuery.getAsInt();
  }

  /**
   * Memoized per argument list: runs again only after something it read has changed.
   */
  @Override
  @SuppressWarnings("unchecked")
  int countAbove(T... thresholds) {
    if (this.countAboveQuery == null) {
      return super.countAbove(thresholds);
    }
    return this.countAboveQuery.get(new QueryArgs((Object) thresholds), () -> {
      this.valueInput.get();
      return super.countAbove(thresholds);
    });
  }
}
