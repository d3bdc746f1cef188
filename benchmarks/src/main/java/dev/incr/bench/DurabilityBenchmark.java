package dev.incr.bench;

import dev.incr.Durability;
import dev.incr.Engine;
import dev.incr.IntComputed;
import dev.incr.IntVar;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code durability}: a graph of {@code n} computeds over {@value #INPUTS} configuration inputs
 * (node {@code i} adds node {@code i - 1} and node {@code i / 2}, so reading the top verifies all
 * of them), and elsewhere a {@code LOW} input read by its own computed. One operation writes the
 * {@code LOW} input and reads the top of the graph, whose value does not change:
 *
 * <ul>
 *   <li>{@code durable}: the configuration inputs are {@link Durability#HIGH}, so the top is
 *       verified in one step;
 *   <li>{@code plain}: the same graph without durability, whose read verifies all {@code n} nodes;
 *   <li>{@code cleanRead}: the read alone, of a top already verified at the current revision (the
 *       floor); {@code lowWriteOnly}: the write alone, the other part of an operation.
 * </ul>
 *
 * <p>Compare {@code durable} with {@code cleanRead} (plus {@code lowWriteOnly}) and with {@code
 * plain}, as ratios within one run:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'DurabilityBenchmark' -f 1 -wi 2 -w 1s -i 3 -r 1s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DurabilityBenchmark {

  /** How many configuration inputs the graph reads. */
  static final int INPUTS = 10;

  /** The two graphs and the {@code LOW} input, on a single-threaded engine. */
  @State(Scope.Benchmark)
  public static class Graphs {
    @Param({"1000"})
    int n;

    IntVar low;
    IntComputed lowReader;
    IntComputed durableTop;
    IntComputed plainTop;
    IntVar plainLow;
    IntComputed plainLowReader;
    int next;

    /** Builds both graphs (in separate engines) and reads them once. */
    @Setup
    public void setup() {
      Engine durableEngine = Engine.singleThreaded();
      durableTop = build(durableEngine, Durability.HIGH);
      Engine plainEngine = Engine.singleThreaded();
      plainTop = build(plainEngine, Durability.LOW);
      low = durableEngine.intVar(0);
      lowReader = durableEngine.computedInt(() -> low.getAsInt() * 2);
      lowReader.getAsInt();
      plainLow = plainEngine.intVar(0);
      plainLowReader = plainEngine.computedInt(() -> plainLow.getAsInt() * 2);
      plainLowReader.getAsInt();
    }

    private IntComputed build(Engine engine, Durability configuration) {
      IntComputed[] nodes = new IntComputed[n];
      IntVar[] inputs = new IntVar[INPUTS];
      for (int i = 0; i < INPUTS; i++) {
        inputs[i] = engine.intVar(i + 1, configuration);
      }
      for (int i = 0; i < n; i++) {
        if (i < INPUTS) {
          IntVar in = inputs[i];
          nodes[i] = engine.computedInt(() -> in.getAsInt() * 3);
        } else {
          IntComputed previous = nodes[i - 1];
          IntComputed half = nodes[i / 2];
          nodes[i] = engine.computedInt(() -> (previous.getAsInt() + half.getAsInt()) % 1_000_003);
        }
      }
      IntComputed top = nodes[n - 1];
      top.getAsInt();
      return top;
    }
  }

  /** Write the {@code LOW} input, read the top of the {@code HIGH} graph: verified in one step. */
  @Benchmark
  public int durable(Graphs g, JvmProfile profile) {
    g.low.set(++g.next);
    return g.durableTop.getAsInt();
  }

  /** The same over a graph without durability: the read verifies every node. */
  @Benchmark
  public int plain(Graphs g, JvmProfile profile) {
    g.plainLow.set(++g.next);
    return g.plainTop.getAsInt();
  }

  /** A read of the top, already verified at the current revision: the floor. */
  @Benchmark
  public int cleanRead(Graphs g, JvmProfile profile) {
    return g.durableTop.getAsInt();
  }

  /** The write alone, as in {@link #durable}. */
  @Benchmark
  public int lowWriteOnly(Graphs g, JvmProfile profile) {
    g.low.set(++g.next);
    return g.next;
  }
}
