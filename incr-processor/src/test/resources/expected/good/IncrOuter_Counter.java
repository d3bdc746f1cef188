package good;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.IntVar;
import dev.incr.support.GeneratedByIncr;
import dev.incr.support.RuntimeVersion;
import dev.incr.support.StaticDependencies;
import javax.annotation.processing.Generated;

/**
 * The incremental {@link Outer.Counter}: its inputs and queries are nodes of an {@link Engine}.
 */
@Generated("dev.incr.processor.IncrementalProcessor")
@GeneratedByIncr
public final class IncrOuter_Counter extends Outer.Counter {
  private static final RuntimeVersion INCR_RUNTIME_VERSION = new RuntimeVersion("<version>", "good.IncrOuter_Counter");

  private final Engine engine;

  private final IntVar countInput;

  private final Computed<Boolean> positiveQuery;

  /**
   * Creates the object; its nodes belong to {@code engine}.
   */
  public IncrOuter_Counter(Engine engine) {
    super();
    this.engine = engine;
    this.countInput = engine.intVar(this.count).label("Outer.Counter.count");
    this.positiveQuery = engine.computed(new StaticDependencies.Of<Boolean>(1, this.countInput) {
      @Override
      public Boolean get() {
        return IncrOuter_Counter.super.positive();
      }
    }).label("Outer.Counter.positive()");
  }

  /**
   * Returns {@code count}; inside a computation, a tracked read.
   */
  public int count() {
    if (this.countInput == null) {
      return this.count;
    }
    return this.countInput.getAsInt();
  }

  /**
   * Sets {@code count}; queries that read it re-run when next read.
   */
  public void setCount(int count) {
    if (this.countInput == null) {
      this.count = count;
      return;
    }
    this.engine.batch(() -> {
      this.count = count;
      this.countInput.set(count);
    });
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  public boolean positive() {
    if (this.positiveQuery == null) {
      return super.positive();
    }
    return this.positiveQuery.get();
  }
}
