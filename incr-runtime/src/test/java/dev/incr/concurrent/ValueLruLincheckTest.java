package dev.incr.concurrent;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.ValueLru;
import dev.incr.Var;
import dev.incr.internal.EngineInternals;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lincheck explores interleavings of sets, batches and reads on the concurrent engine where every
 * computed shares a {@link ValueLru} of one value, so nearly every read finds its value evicted by
 * the read before and brings it back (lock-free readers racing evictions), and checks every
 * outcome against a sequential execution of the same operations.
 */
@Param(name = "value", gen = IntGen.class, conf = "0:3")
public class ValueLruLincheckTest {

  final Engine engine = Engine.concurrent();
  private final ValueLru lru = engine.valueLru(1);
  private final Var<Integer> a = engine.var(0);
  private final Var<Integer> b = engine.var(0);
  final Computed<Integer> sum = engine.computed(() -> a.get() + b.get(), lru);
  private final Computed<Boolean> aIsEven = engine.computed(() -> a.get() % 2 == 0, lru);
  final Computed<String> summary =
      engine.computed(() -> (aIsEven.get() ? "even:" : "odd:") + sum.get(), lru);
  private final Computed<Integer> twiceB = engine.computed(() -> 2 * b.get(), lru);

  /** See {@link ConcurrentEngineLincheckTest#withoutCrossEngineDetection()}. */
  @BeforeAll
  static void withoutCrossEngineDetection() {
    EngineInternals.detectCrossEngineAccess(false);
  }

  @AfterAll
  static void restoreCrossEngineDetection() {
    EngineInternals.detectCrossEngineAccess(true);
  }

  @Operation
  public void setA(@Param(name = "value") int value) {
    a.set(value);
  }

  @Operation
  public void setBoth(@Param(name = "value") int x, @Param(name = "value") int y) {
    engine.batch(() -> {
      a.set(x);
      b.set(y);
    });
  }

  @Operation
  public int sum() {
    return sum.get();
  }

  @Operation
  public String summary() {
    return summary.get();
  }

  @Operation
  public int twiceB() {
    return twiceB.get();
  }

  @Test
  void modelCheckingFindsNoNonLinearizableOutcome() {
    LinChecker.check(getClass(), new ModelCheckingOptions()
        .iterations(5)
        .invocationsPerIteration(150)
        .threads(2)
        .actorsPerThread(3));
  }

  @Test
  void stressTestingFindsNoNonLinearizableOutcome() {
    LinChecker.check(getClass(), new StressOptions()
        .iterations(4)
        .invocationsPerIteration(500)
        .threads(3)
        .actorsPerThread(3));
  }
}
