package good;

import dev.incr.Engine;
import dev.incr.Var;
import dev.incr.support.GeneratedByIncr;
import dev.incr.support.QueryMemo;
import dev.incr.support.RuntimeVersion;
import java.math.BigInteger;
import javax.annotation.processing.Generated;

/**
 * The incremental {@link Fib}: its inputs and queries are nodes of an {@link Engine}.
 */
@Generated("dev.incr.processor.IncrementalProcessor")
@GeneratedByIncr
public final class IncrFib extends Fib {
  private static final RuntimeVersion INCR_RUNTIME_VERSION = new RuntimeVersion("<version>", "good.IncrFib");

  private final Engine engine;

  private final Var<BigInteger> seedInput;

  private final QueryMemo<BigInteger> fibQuery;

  private final QueryMemo<String> digitsQuery;

  /**
   * Creates the object; its nodes belong to {@code engine}.
   */
  public IncrFib(Engine engine) {
    super();
    this.engine = engine;
    this.seedInput = engine.var(this.seed).label("Fib.seed");
    this.fibQuery = new QueryMemo<>(engine, "Fib.fib");
    this.digitsQuery = new QueryMemo<>(engine, "Fib.digits", 100);
  }

  /**
   * Returns {@code seed}; inside a computation, a tracked read.
   */
  public BigInteger seed() {
    if (this.seedInput == null) {
      return this.seed;
    }
    return this.seedInput.get();
  }

  /**
   * Sets {@code seed}; queries that read it re-run when next read.
   */
  public void setSeed(BigInteger seed) {
    if (this.seedInput == null) {
      this.seed = seed;
      return;
    }
    this.engine.batch(() -> {
      this.seed = seed;
      this.seedInput.set(seed);
    });
  }

  /**
   * Memoized per argument list: runs again only after something it read has changed.
   */
  @Override
  public BigInteger fib(int n) {
    if (this.fibQuery == null) {
      return super.fib(n);
    }
    return this.fibQuery.get(n, () -> {
      this.seedInput.get();
      return super.fib(n);
    });
  }

  /**
   * Memoized per argument list, at most 100 kept: runs again only after something it read has changed,
   * or after its entry was evicted.
   */
  @Override
  public String digits(int n) {
    if (this.digitsQuery == null) {
      return super.digits(n);
    }
    return this.digitsQuery.get(n, () -> super.digits(n));
  }
}
