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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.reactfx.value.Val;

/**
 * {@code read}: reading a derived node that is already up to date (nothing changed since it was
 * last read), from outside any computation.
 *
 * <p>Every benchmark is measured in each {@link JvmProfile} ({@code -p profile=pristine,mixed}).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'ReadBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReadBenchmark {

  /** {@code a + 1} on an incr engine, computed once. */
  @State(Scope.Benchmark)
  public abstract static class IncrRead {
    IntComputed node;

    void build(Engine engine) {
      IntVar a = engine.intVar(1000);
      node = engine.computedInt(() -> a.getAsInt() + 1);
      node.getAsInt();
    }
  }

  /** On {@link Engine#singleThreaded()}. */
  @State(Scope.Benchmark)
  public static class IncrSingle extends IncrRead {
    /** Builds the graph. */
    @Setup
    public void setup() {
      build(Engine.singleThreaded());
    }
  }
  /** The node on {@link Engine#concurrent()}, used from one thread. */
  @State(Scope.Benchmark)
  public static class IncrConcurrent extends IncrRead {
    /** Builds the graph. */
    @Setup
    public void setup() {
      build(Engine.concurrent());
    }
  }


  /** The generated {@code IncrGenChainInput} ({@code input + 1}), computed once. */
  @State(Scope.Benchmark)
  public static class Generated {
    IncrGenChainInput node;

    /** Builds the object. */
    @Setup
    public void setup() {
      node = new IncrGenChainInput(Engine.singleThreaded());
      node.setInput(1000);
      node.value();
    }
  }


  /** {@code a.add(1)} as a JavaFX binding, computed once. */
  @State(Scope.Benchmark)
  public static class JavaFx {
    IntegerBinding node;

    /** Builds the graph. */
    @Setup
    public void setup() {
      node = new SimpleIntegerProperty(1000).add(1);
      node.get();
    }
  }

  /** {@code a.map(x -> x + 1)} in ReactFX, observed so that it caches. */
  @State(Scope.Benchmark)
  public static class ReactFx {
    Val<Integer> node;

    /** Builds the graph. */
    @Setup
    public void setup() {
      node = org.reactfx.value.Var.newSimpleVar(1000).map(x -> x + 1);
      node.observeInvalidations(old -> { });
      node.getValue();
    }
  }

  /** The floor: a cached field behind a dirty flag. */
  @State(Scope.Benchmark)
  public static class Handwritten {
    int a = 1000;
    int value;
    boolean dirty = true;

    int get() {
      if (dirty) {
        value = a + 1;
        dirty = false;
      }
      return value;
    }

    /** Computes the value. */
    @Setup
    public void setup() {
      get();
    }
  }

  /**
   * A clean read of an {@code IntComputed} on the single-threaded engine, an {@code int} like every
   * other system's read (JavaFX, the floor and the generated class all return {@code int}).
   */
  @Benchmark
  public int read_incrSingle(IncrSingle s, JvmProfile profile) {
    return s.node.getAsInt();
  }

  /** A clean read of a JavaFX binding. */
  @Benchmark
  public int read_javafx(JavaFx s, JvmProfile profile) {
    return s.node.get();
  }

  /** A clean read of a ReactFX value. */
  @Benchmark
  public Integer read_reactfx(ReactFx s, JvmProfile profile) {
    return s.node.getValue();
  }

  /** A clean read, hand-written. */
  @Benchmark
  public int read_handwritten(Handwritten s, JvmProfile profile) {
    return s.get();
  }
  /** A clean read on the concurrent engine (no lock), from one thread, unboxed. */
  @Benchmark
  public int read_incrConcurrent(IncrConcurrent s, JvmProfile profile) {
    return s.node.getAsInt();
  }

  /** A clean read of a generated query. */
  @Benchmark
  public int read_incrGenerated(Generated s, JvmProfile profile) {
    return s.node.value();
  }
}
