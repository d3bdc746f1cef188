package good;

import dev.incr.Engine;
import dev.incr.Equality;
import dev.incr.IntComputed;
import dev.incr.Var;
import dev.incr.support.GeneratedByIncr;
import dev.incr.support.RuntimeVersion;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The incremental {@link Lines}: its inputs and queries are nodes of an {@link Engine}.
 */
@Generated("dev.incr.processor.IncrementalProcessor")
@GeneratedByIncr
public final class IncrLines extends Lines {
  private static final RuntimeVersion INCR_RUNTIME_VERSION = new RuntimeVersion("<version>", "good.IncrLines");

  private final Engine engine;

  private final Var<List<String>> linesInput;

  private final Var<List<String>> plainInput;

  private final IntComputed countQuery;

  private final IntComputed plainCountQuery;

  /**
   * Creates the object; its nodes belong to {@code engine}.
   */
  public IncrLines(Engine engine) {
    super();
    this.engine = engine;
    this.linesInput = engine.var(this.lines, Equality.IDENTITY).label("Lines.lines");
    this.plainInput = engine.var(this.plain).label("Lines.plain");
    this.countQuery = engine.computedInt(() -> {
      this.linesInput.get();
      return super.count();
    }).label("Lines.count()");
    this.plainCountQuery = engine.computedInt(() -> {
      this.plainInput.get();
      return super.plainCount();
    }).label("Lines.plainCount()");
  }

  /**
   * Returns {@code lines}; inside a computation, a tracked read.
   */
  public List<String> lines() {
    if (this.linesInput == null) {
      return this.lines;
    }
    return this.linesInput.get();
  }

  /**
   * Sets {@code lines}; queries that read it re-run when next read.
   */
  public void setLines(List<String> lines) {
    if (this.linesInput == null) {
      this.lines = lines;
      return;
    }
    this.engine.batch(() -> {
      this.lines = lines;
      this.linesInput.set(lines);
    });
  }

  /**
   * Returns {@code plain}; inside a computation, a tracked read.
   */
  public List<String> plain() {
    if (this.plainInput == null) {
      return this.plain;
    }
    return this.plainInput.get();
  }

  /**
   * Sets {@code plain}; queries that read it re-run when next read.
   */
  public void setPlain(List<String> plain) {
    if (this.plainInput == null) {
      this.plain = plain;
      return;
    }
    this.engine.batch(() -> {
      this.plain = plain;
      this.plainInput.set(plain);
    });
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  int count() {
    if (this.countQuery == null) {
      return super.count();
    }
    return this.countQuery.getAsInt();
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  int plainCount() {
    if (this.plainCountQuery == null) {
      return super.plainCount();
    }
    return this.plainCountQuery.getAsInt();
  }
}
