package good;

import dev.incr.Engine;
import dev.incr.IntComputed;
import dev.incr.IntVar;
import dev.incr.Var;
import dev.incr.support.GeneratedByIncr;
import dev.incr.support.RuntimeVersion;
import dev.incr.support.StaticDependencies;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The incremental {@link Legacy}: its inputs and queries are nodes of an {@link Engine}.
 */
@Generated("dev.incr.processor.IncrementalProcessor")
@GeneratedByIncr
@SuppressWarnings("deprecation")
public final class IncrLegacy extends Legacy {
  private static final RuntimeVersion INCR_RUNTIME_VERSION = new RuntimeVersion("<version>", "good.IncrLegacy");

  private final Engine engine;

  private final IntVar oldInput;

  private final Var<List<String>> namesInput;

  private final IntComputed oldTwiceQuery;

  private final IntComputed countQuery;

  /**
   * Creates the object; its nodes belong to {@code engine}.
   */
  @Deprecated
  public IncrLegacy(Engine engine) {
    super();
    this.engine = engine;
    this.oldInput = engine.intVar(this.old).label("Legacy.old");
    this.namesInput = engine.var(this.names).label("Legacy.names");
    this.oldTwiceQuery = engine.computedInt(new StaticDependencies.OfInt(1, this.oldInput) {
      @Override
      public int getAsInt() {
        return IncrLegacy.super.oldTwice();
      }
    }).label("Legacy.oldTwice()");
    this.countQuery = engine.computedInt(() -> {
      this.namesInput.get();
      return super.count();
    }).label("Legacy.count()");
  }

  /**
   * Creates the object; its nodes belong to {@code engine}.
   */
  public IncrLegacy(Engine engine, String first) {
    super(first);
    this.engine = engine;
    this.oldInput = engine.intVar(this.old).label("Legacy.old");
    this.namesInput = engine.var(this.names).label("Legacy.names");
    this.oldTwiceQuery = engine.computedInt(new StaticDependencies.OfInt(1, this.oldInput) {
      @Override
      public int getAsInt() {
        return IncrLegacy.super.oldTwice();
      }
    }).label("Legacy.oldTwice()");
    this.countQuery = engine.computedInt(() -> {
      this.namesInput.get();
      return super.count();
    }).label("Legacy.count()");
  }

  /**
   * Returns {@code old}; inside a computation, a tracked read.
   */
  @Deprecated
  public int old() {
    if (this.oldInput == null) {
      return this.old;
    }
    return this.oldInput.getAsInt();
  }

  /**
   * Sets {@code old}; queries that read it re-run when next read.
   */
  @Deprecated
  public void setOld(int old) {
    if (this.oldInput == null) {
      this.old = old;
      return;
    }
    this.engine.batch(() -> {
      this.old = old;
      this.oldInput.set(old);
    });
  }

  /**
   * Returns {@code names}; inside a computation, a tracked read.
   */
  public List<String> names() {
    if (this.namesInput == null) {
      return this.names;
    }
    return this.namesInput.get();
  }

  /**
   * Sets {@code names}; queries that read it re-run when next read.
   */
  public void setNames(List<String> names) {
    if (this.namesInput == null) {
      this.names = names;
      return;
    }
    this.engine.batch(() -> {
      this.names = names;
      this.namesInput.set(names);
    });
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  @Deprecated
  public int oldTwice() {
    if (this.oldTwiceQuery == null) {
      return super.oldTwice();
    }
    return this.oldTwiceQuery.getAsInt();
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  public int count() {
    if (this.countQuery == null) {
      return super.count();
    }
    return this.countQuery.getAsInt();
  }
}
