package good;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.Var;
import dev.incr.annotations.Input;
import dev.incr.annotations.Query;
import java.io.IOException;

/**
 * Constructors with parameters: one that takes the engine itself (the generated one passes it
 * through) and one that does not (the generated one takes it first); abstract accessors to
 * implement.
 */
public abstract class Account {
  @Input String owner;
  @Input long balance;
  final Var<Long> fee;
  final Computed<Long> net;

  protected Account(Engine engine, String owner) {
    this.owner = owner;
    this.fee = engine.var(5L);
    this.net = engine.computed(() -> balance() - fee.get());
  }

  Account(String owner, long balance, Engine engine) throws IOException {
    this(engine, owner);
    this.balance = balance;
  }

  /** The generated class implements this by returning its engine. */
  protected abstract Engine engine();

  abstract long balance();

  public abstract void setBalance(long balance);

  @Query
  public String summary() {
    return owner + ": " + net.get();
  }
}
