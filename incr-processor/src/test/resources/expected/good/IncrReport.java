package good;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.IntComputed;
import dev.incr.IntVar;
import dev.incr.Var;
import dev.incr.support.GeneratedByIncr;
import dev.incr.support.QueryValueLru;
import dev.incr.support.RuntimeVersion;
import dev.incr.support.StaticDependencies;
import javax.annotation.processing.Generated;

/**
 * The incremental {@link Report}: its inputs and queries are nodes of an {@link Engine}.
 */
@Generated("dev.incr.processor.IncrementalProcessor")
@GeneratedByIncr
public final class IncrReport extends Report {
  private static final RuntimeVersion INCR_RUNTIME_VERSION = new RuntimeVersion("<version>", "good.IncrReport");

  private final Engine engine;

  private final Var<String> titleInput;

  private final IntVar pagesInput;

  private final Computed<String> renderQuery;

  private final IntComputed lengthQuery;

  /**
   * Creates the object; its nodes belong to {@code engine}.
   */
  public IncrReport(Engine engine) {
    super();
    this.engine = engine;
    this.titleInput = engine.var(this.title).label("Report.title");
    this.pagesInput = engine.intVar(this.pages).label("Report.pages");
    this.renderQuery = engine.computed(new StaticDependencies.Of<String>(2, this.titleInput, this.pagesInput) {
      @Override
      public String get() {
        return IncrReport.super.render();
      }
    }, QueryValueLru.shared(engine, "good.Report.render()", 2)).label("Report.render()");
    this.lengthQuery = engine.computedInt(new StaticDependencies.OfInt(0, this.renderQuery) {
      @Override
      public int getAsInt() {
        return IncrReport.super.length();
      }
    }).label("Report.length()");
  }

  /**
   * Returns {@code title}; inside a computation, a tracked read.
   */
  public String title() {
    if (this.titleInput == null) {
      return this.title;
    }
    return this.titleInput.get();
  }

  /**
   * Sets {@code title}; queries that read it re-run when next read.
   */
  public void setTitle(String title) {
    if (this.titleInput == null) {
      this.title = title;
      return;
    }
    this.engine.batch(() -> {
      this.title = title;
      this.titleInput.set(title);
    });
  }

  /**
   * Returns {@code pages}; inside a computation, a tracked read.
   */
  public int pages() {
    if (this.pagesInput == null) {
      return this.pages;
    }
    return this.pagesInput.getAsInt();
  }

  /**
   * Sets {@code pages}; queries that read it re-run when next read.
   */
  public void setPages(int pages) {
    if (this.pagesInput == null) {
      this.pages = pages;
      return;
    }
    this.engine.batch(() -> {
      this.pages = pages;
      this.pagesInput.set(pages);
    });
  }

  /**
   * Memoized, its value held by at most 2 objects of the class per engine:
   * runs again only after something it read has changed, or to get back its evicted value.
   */
  @Override
  public String render() {
    if (this.renderQuery == null) {
      return super.render();
    }
    return this.renderQuery.get();
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  public int length() {
    if (this.lengthQuery == null) {
      return super.length();
    }
    return this.lengthQuery.getAsInt();
  }
}
