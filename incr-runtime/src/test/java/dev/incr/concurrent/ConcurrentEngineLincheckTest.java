package dev.incr.concurrent;

import dev.incr.Computed;
import dev.incr.Engine;
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
 * Lincheck explores interleavings of sets, batches (with reads inside them) and reads of stale
 * computeds by several threads at once on the concurrent engine (reads whose verification finds
 * nodes to run on the way among them), and checks every outcome against a sequential execution of
 * the same operations.
 */
@Param(name = "value", gen = IntGen.class, conf = "0:3")
public class ConcurrentEngineLincheckTest {

  final Engine engine = Engine.concurrent();
  private final Var<Integer> a = engine.var(0);
  private final Var<Integer> b = engine.var(0);
  final Computed<Integer> sum = engine.computed(() -> a.get() + b.get());
  private final Computed<Boolean> aIsEven = engine.computed(() -> a.get() % 2 == 0);
  final Computed<String> summary =
      engine.computed(() -> (aIsEven.get() ? "even:" : "odd:") + sum.get());
  /**
   * Read through one more node: its verification walks into summary and finds aIsEven (and sum)
   * to run on the way, holding summary while they run outside the lock.
   */
  private final Computed<Integer> summaryLength = engine.computed(() -> summary.get().length());

  /**
   * The model checker abandons threads in the middle of operations; the per-thread bookkeeping that
   * reports cross-engine misuse (not under test here) would then outlive its engine.
   */
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

  /**
   * A batch whose own thread reads between its writes: it sees its first write, and no other
   * thread sees anything of the batch before it ends.
   */
  @Operation
  public String setBothReadingInside(@Param(name = "value") int x, @Param(name = "value") int y) {
    String[] inside = new String[1];
    engine.batch(() -> {
      a.set(x);
      inside[0] = summary.get();
      b.set(y);
    });
    return inside[0];
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
  public int summaryLength() {
    return summaryLength.get();
  }

  @Operation
  public int readA() {
    return a.get();
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
