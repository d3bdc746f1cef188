package good;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.LongVar;
import dev.incr.Var;
import dev.incr.support.GeneratedByIncr;
import dev.incr.support.RuntimeVersion;
import java.io.IOException;
import javax.annotation.processing.Generated;

/**
 * The incremental {@link Account}: its inputs and queries are nodes of an {@link Engine}.
 */
@Generated("dev.incr.processor.IncrementalProcessor")
@GeneratedByIncr
public final class IncrAccount extends Account {
  private static final RuntimeVersion INCR_RUNTIME_VERSION = new RuntimeVersion("<version>", "good.IncrAccount");

  private final Engine engine;

  private final Var<String> ownerInput;

  private final LongVar balanceInput;

  private final Computed<String> summaryQuery;

  /**
   * Creates the object; its nodes belong to {@code engine}.
   */
  public IncrAccount(Engine engine, String owner) {
    super(engine, owner);
    this.engine = engine;
    this.ownerInput = engine.var(this.owner).label("Account.owner");
    this.balanceInput = engine.longVar(this.balance).label("Account.balance");
    this.summaryQuery = engine.computed(() -> {
      this.ownerInput.get();
      return super.summary();
    }).label("Account.summary()");
  }

  /**
   * Creates the object; its nodes belong to {@code engine}.
   */
  IncrAccount(String owner, long balance, Engine engine) throws IOException {
    super(owner, balance, engine);
    this.engine = engine;
    this.ownerInput = engine.var(this.owner).label("Account.owner");
    this.balanceInput = engine.longVar(this.balance).label("Account.balance");
    this.summaryQuery = engine.computed(() -> {
      this.ownerInput.get();
      return super.summary();
    }).label("Account.summary()");
  }

  @Override
  protected Engine engine() {
    return this.engine;
  }

  /**
   * Returns {@code owner}; inside a computation, a tracked read.
   */
  public String owner() {
    if (this.ownerInput == null) {
      return this.owner;
    }
    return this.ownerInput.get();
  }

  /**
   * Sets {@code owner}; queries that read it re-run when next read.
   */
  public void setOwner(String owner) {
    if (this.ownerInput == null) {
      this.owner = owner;
      return;
    }
    this.engine.batch(() -> {
      this.owner = owner;
      this.ownerInput.set(owner);
    });
  }

  /**
   * Returns {@code balance}; inside a computation, a tracked read.
   */
  @Override
  public long balance() {
    if (this.balanceInput == null) {
      return this.balance;
    }
    return this.balanceInput.getAsLong();
  }

  /**
   * Sets {@code balance}; queries that read it re-run when next read.
   */
  @Override
  public void setBalance(long balance) {
    if (this.balanceInput == null) {
      this.balance = balance;
      return;
    }
    this.engine.batch(() -> {
      this.balance = balance;
      this.balanceInput.set(balance);
    });
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  public String summary() {
    if (this.summaryQuery == null) {
      return super.summary();
    }
    return this.summaryQuery.get();
  }
}
