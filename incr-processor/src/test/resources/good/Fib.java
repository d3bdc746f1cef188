package good;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;
import java.math.BigInteger;

/** A recursive query with a parameter, memoized per argument. */
public abstract class Fib {
  @Input BigInteger seed = BigInteger.ONE;

  @Query
  public BigInteger fib(int n) {
    return n < 2 ? seed.multiply(BigInteger.valueOf(n)) : fib(n - 1).add(fib(n - 2));
  }

  /** A memo that keeps at most 100 argument lists. */
  @Query(maxEntries = 100)
  public String digits(int n) {
    return fib(n).toString();
  }
}
