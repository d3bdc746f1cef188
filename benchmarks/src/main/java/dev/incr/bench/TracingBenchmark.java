package dev.incr.bench;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.Var;
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
 * What tracing costs: the {@code chain} and {@code diamond} workloads with tracing off (the
 * default), with JDK Flight Recorder events switched on while no recording enables them, and inside
 * an active {@code engine.trace(...)}. Off, the engine checks one field per recomputed node; the
 * {@code _off} scores should match {@code chain_incrSingle} and {@code diamond_incrSingle}.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'TracingBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TracingBenchmark {

  /** A chain of {@code n} nodes and a diamond on one single-threaded engine. */
  @State(Scope.Benchmark)
  public static class Graphs {
    @Param({"off", "flightEventsOn"})
    String mode;

    Engine engine;
    Var<Integer> chainInput;
    Computed<Integer> chainTop;
    Var<Integer> a;
    Computed<Integer> d;
    int next;

    /** Builds the graphs. */
    @Setup
    public void setup() {
      engine = Engine.singleThreaded();
      engine.recordFlightEvents(mode.equals("flightEventsOn"));
      chainInput = engine.var(0);
      Computed<Integer> previous = engine.computed(() -> chainInput.get() + 1);
      for (int i = 1; i < 100; i++) {
        Computed<Integer> p = previous;
        previous = engine.computed(() -> p.get() + 1);
      }
      chainTop = previous;
      chainTop.get();
      a = engine.var(0);
      Computed<Integer> b = engine.computed(() -> a.get() + 1);
      Computed<Integer> c = engine.computed(() -> a.get() * 2);
      d = engine.computed(() -> b.get() + c.get());
      d.get();
    }
  }

  /** Chain of 100: set the input, read the top. */
  @Benchmark
  public int chain100_untraced(Graphs g) {
    g.chainInput.set(++g.next);
    return g.chainTop.get();
  }

  /** The same inside {@code engine.trace(...)}, which records 100 events. */
  @Benchmark
  public int chain100_traced(Graphs g) {
    g.chainInput.set(++g.next);
    return g.engine.trace(g.chainTop::get).value();
  }

  /** Diamond: set the input, read the bottom. */
  @Benchmark
  public int diamond_untraced(Graphs g) {
    g.a.set(++g.next);
    return g.d.get();
  }

  /** The same inside {@code engine.trace(...)}. */
  @Benchmark
  public int diamond_traced(Graphs g) {
    g.a.set(++g.next);
    return g.engine.trace(g.d::get).value();
  }
}
