package dev.incr.concurrent;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.IntComputed;
import dev.incr.IntVar;
import dev.incr.LongComputed;
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
 * Lincheck over the primitive nodes of the concurrent engine: unboxed sets (plain and batched) and
 * unboxed reads of int and long computeds (lock-free when up to date, recomputed under the lock
 * otherwise), against a sequential execution of the same operations.
 */
@Param(name = "value", gen = IntGen.class, conf = "0:3")
public class PrimitiveNodesLincheckTest {

  final Engine engine = Engine.concurrent();
  private final IntVar a = engine.intVar(0);
  private final IntVar b = engine.intVar(0);
  final IntComputed sum = engine.computedInt(() -> a.getAsInt() + b.getAsInt());
  private final IntComputed parity = engine.computedInt(() -> a.getAsInt() & 1);
  /** Reads through a cutoff (parity) and a boxed node, so both kinds meet. */
  final LongComputed weighted = engine.computedLong(() -> parity.getAsInt() * 100L + sum.getAsInt());
  final Computed<String> summary =
      engine.computed(() -> (parity.getAsInt() == 0 ? "even:" : "odd:") + weighted.getAsLong());

  /** As in ConcurrentEngineLincheckTest: the model checker abandons threads mid-operation. */
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
  public void setB(@Param(name = "value") int value) {
    b.set(value);
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
    return sum.getAsInt();
  }

  @Operation
  public long weighted() {
    return weighted.getAsLong();
  }

  @Operation
  public String summary() {
    return summary.get();
  }

  @Operation
  public int readA() {
    return a.getAsInt();
  }

  @Test
  void modelCheckingFindsNoNonLinearizableOutcome() {
    LinChecker.check(getClass(), new ModelCheckingOptions()
        .iterations(10)
        .invocationsPerIteration(150)
        .threads(2)
        .actorsPerThread(3));
  }

  @Test
  void stressTestingFindsNoNonLinearizableOutcome() {
    LinChecker.check(getClass(), new StressOptions()
        .iterations(8)
        .invocationsPerIteration(500)
        .threads(3)
        .actorsPerThread(3));
  }
}
