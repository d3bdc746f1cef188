package dev.incr.bench;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.IntComputed;
import dev.incr.IntVar;
import dev.incr.Var;
import java.util.concurrent.TimeUnit;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.SimpleIntegerProperty;
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
 * {@code observers}: {@code n} observed nodes, each {@code input_i + i} over its own input; one
 * operation sets one input to a new value, so exactly one observed node changes and its listener
 * runs. What it measures is how the cost of a write grows with observers it does not affect.
 *
 * <p>Every benchmark is measured in each {@link JvmProfile} ({@code -p profile=pristine,mixed}).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'ObserversBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ObserversBenchmark {

  /** The observed nodes on an incr engine. */
  @State(Scope.Benchmark)
  public abstract static class IncrObservers {
    @Param({"10", "10000"})
    int n;

    IntVar[] inputs;
    int next;
    long seen;

    void build(Engine engine) {
      inputs = new IntVar[n];
      for (int i = 0; i < n; i++) {
        IntVar input = engine.intVar(0);
        int k = i;
        IntComputed plus = engine.computedInt(() -> input.getAsInt() + k);
        inputs[i] = input;
        engine.observe(plus, value -> seen += value);
      }
    }

    long step() {
      next++;
      inputs[Math.floorMod(next, n)].set(next);
      return seen;
    }
  }

  /** On {@link Engine#singleThreaded()}. */
  @State(Scope.Benchmark)
  public static class IncrSingle extends IncrObservers {
    /** Builds the graph. */
    @Setup
    public void setup() {
      build(Engine.singleThreaded());
    }
  }

  /** On {@link Engine#concurrent()}, used from one thread. */
  @State(Scope.Benchmark)
  public static class IncrConcurrent extends IncrObservers {
    /** Builds the graph. */
    @Setup
    public void setup() {
      build(Engine.concurrent());
    }
  }

  /** JavaFX: {@code n} bindings {@code input_i + i}, each with a change listener. */
  @State(Scope.Benchmark)
  public static class JavaFx {
    @Param({"10", "10000"})
    int n;

    SimpleIntegerProperty[] inputs;
    /** Held strongly: a property refers to its bindings only weakly. */
    IntegerBinding[] bindings;
    int next;
    long seen;

    /** Builds the bindings and listeners. */
    @Setup
    public void setup() {
      inputs = new SimpleIntegerProperty[n];
      bindings = new IntegerBinding[n];
      for (int i = 0; i < n; i++) {
        SimpleIntegerProperty input = new SimpleIntegerProperty(0);
        IntegerBinding plus = input.add(i);
        plus.addListener((observable, old, value) -> seen += value.intValue());
        inputs[i] = input;
        bindings[i] = plus;
      }
    }
  }

  /**
   * The floor: the inputs and the observed values in int arrays; a set recomputes its one value
   * and, when it changed, runs the listener's body.
   */
  @State(Scope.Benchmark)
  public static class Handwritten {
    @Param({"10", "10000"})
    int n;

    int[] inputs;
    int[] values;
    int next;
    long seen;

    /** Computes the values. */
    @Setup
    public void setup() {
      inputs = new int[n];
      values = new int[n];
      for (int i = 0; i < n; i++) {
        values[i] = inputs[i] + i;
      }
    }

    void set(int i, int value) {
      if (value != inputs[i]) {
        inputs[i] = value;
        int v = value + i;
        if (v != values[i]) {
          values[i] = v;
          seen += v;
        }
      }
    }
  }

  /** Set one input of {@code n}, single-threaded engine. */
  @Benchmark
  public long observers_incrSingle(IncrSingle s, JvmProfile profile) {
    return s.step();
  }

  /** Set one input of {@code n}, concurrent engine. */
  @Benchmark
  public long observers_incrConcurrent(IncrConcurrent s, JvmProfile profile) {
    return s.step();
  }

  /** Set one input of {@code n}, JavaFX. */
  @Benchmark
  public long observers_javafx(JavaFx s, JvmProfile profile) {
    s.next++;
    s.inputs[Math.floorMod(s.next, s.n)].set(s.next);
    return s.seen;
  }

  /** Set one input of {@code n}, hand-written. */
  @Benchmark
  public long observers_handwritten(Handwritten s, JvmProfile profile) {
    s.next++;
    s.set(Math.floorMod(s.next, s.n), s.next);
    return s.seen;
  }
}
