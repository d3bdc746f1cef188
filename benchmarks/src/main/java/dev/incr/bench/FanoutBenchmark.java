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
 * {@code fanout}: one input read by {@link #WIDTH} nodes ({@code a + i}), all summed by one node;
 * one operation sets the input to a new value and reads the sum, so every node re-runs.
 *
 * <p>Every benchmark is measured in each {@link JvmProfile} ({@code -p profile=pristine,mixed}).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'FanoutBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FanoutBenchmark {

  /** How many nodes read the input. */
  static final int WIDTH = 1000;

  /** The graph built on an incr engine. */
  @State(Scope.Benchmark)
  public abstract static class IncrFanout {
    IntVar a;
    IntComputed sum;
    int next;

    void build(Engine engine) {
      a = engine.intVar(0);
      IntComputed[] nodes = new IntComputed[WIDTH];
      for (int i = 0; i < WIDTH; i++) {
        int k = i;
        nodes[i] = engine.computedInt(() -> a.getAsInt() + k);
      }
      sum = engine.computedInt(() -> {
        int s = 0;
        for (IntComputed node : nodes) {
          s += node.getAsInt();
        }
        return s;
      });
      sum.getAsInt();
    }

    int step() {
      a.set(++next);
      return sum.getAsInt();
    }
  }

  /** On {@link Engine#singleThreaded()}. */
  @State(Scope.Benchmark)
  public static class IncrSingle extends IncrFanout {
    /** Builds the graph. */
    @Setup
    public void setup() {
      build(Engine.singleThreaded());
    }
  }
  /** The graph on {@link Engine#concurrent()}, used from one thread. */
  @State(Scope.Benchmark)
  public static class IncrConcurrent extends IncrFanout {
    /** Builds the graph. */
    @Setup
    public void setup() {
      build(Engine.concurrent());
    }
  }


  /** The graph as generated objects: a source, {@link #WIDTH} nodes and a sum. */
  @State(Scope.Benchmark)
  public static class Generated {
    IncrGenFanSource source;
    IncrGenFanSum sum;
    int next;

    /** Builds the objects. */
    @Setup
    public void setup() {
      Engine engine = Engine.singleThreaded();
      source = new IncrGenFanSource(engine);
      IntValue[] nodes = new IntValue[WIDTH];
      for (int i = 0; i < WIDTH; i++) {
        nodes[i] = new IncrGenFanNode(engine, source, i);
      }
      sum = new IncrGenFanSum(engine, nodes);
      sum.value();
    }
  }


  /** JavaFX: {@code a.add(i)} bindings and an {@link IntegerBinding} bound to all of them. */
  @State(Scope.Benchmark)
  public static class JavaFx {
    SimpleIntegerProperty a;
    IntegerBinding sum;
    int next;

    /** Builds the graph. */
    @Setup
    public void setup() {
      a = new SimpleIntegerProperty(0);
      IntegerBinding[] nodes = new IntegerBinding[WIDTH];
      for (int i = 0; i < WIDTH; i++) {
        nodes[i] = a.add(i);
      }
      sum = new IntegerBinding() {
        {
          bind(nodes);
        }

        @Override
        protected int computeValue() {
          int s = 0;
          for (IntegerBinding node : nodes) {
            s += node.get();
          }
          return s;
        }
      };
      sum.get();
    }
  }

  /** ReactFX: {@code a.map(x -> x + i)} values and {@code Val.create} over all of them, observed. */
  @State(Scope.Benchmark)
  public static class ReactFx {
    org.reactfx.value.Var<Integer> a;
    Val<Integer> sum;
    int next;

    /** Builds the graph. */
    @SuppressWarnings("unchecked")
    @Setup
    public void setup() {
      a = org.reactfx.value.Var.newSimpleVar(0);
      Val<Integer>[] nodes = new Val[WIDTH];
      for (int i = 0; i < WIDTH; i++) {
        int k = i;
        nodes[i] = a.map(x -> x + k);
      }
      sum = Val.create(() -> {
        int s = 0;
        for (Val<Integer> node : nodes) {
          s += node.getValue();
        }
        return s;
      }, nodes);
      sum.observeInvalidations(old -> { });
      sum.getValue();
    }
  }

  /** The floor: an int array of node values with a dirty flag each, and a dirty flag on the sum. */
  @State(Scope.Benchmark)
  public static class Handwritten {
    int a;
    final int[] values = new int[WIDTH];
    final boolean[] dirty = new boolean[WIDTH];
    int sum;
    boolean sumDirty;
    int next;

    /** Computes the values. */
    @Setup
    public void setup() {
      a = -1;
      set(0);
      get();
    }

    void set(int value) {
      if (value != a) {
        a = value;
        java.util.Arrays.fill(dirty, true);
        sumDirty = true;
      }
    }

    int get() {
      if (sumDirty) {
        sumDirty = false;
        boolean changed = false;
        for (int i = 0; i < WIDTH; i++) {
          if (dirty[i]) {
            dirty[i] = false;
            int v = a + i;
            if (v != values[i]) {
              values[i] = v;
              changed = true;
            }
          }
        }
        if (changed) {
          int s = 0;
          for (int v : values) {
            s += v;
          }
          sum = s;
        }
      }
      return sum;
    }
  }

  /** Set then get on the single-threaded engine. */
  @Benchmark
  public int fanout_incrSingle(IncrSingle s, JvmProfile profile) {
    return s.step();
  }

  /** Set then get with JavaFX bindings. */
  @Benchmark
  public int fanout_javafx(JavaFx s, JvmProfile profile) {
    s.a.set(++s.next);
    return s.sum.get();
  }

  /** Set then get with ReactFX. */
  @Benchmark
  public int fanout_reactfx(ReactFx s, JvmProfile profile) {
    s.a.setValue(++s.next);
    return s.sum.getValue();
  }

  /** Set then get, hand-written. */
  @Benchmark
  public int fanout_handwritten(Handwritten s, JvmProfile profile) {
    s.set(++s.next);
    return s.get();
  }
  /** Set then get on the concurrent engine, from one thread. */
  @Benchmark
  public int fanout_incrConcurrent(IncrConcurrent s, JvmProfile profile) {
    return s.step();
  }

  /** Set then get through generated classes. */
  @Benchmark
  public int fanout_incrGenerated(Generated s, JvmProfile profile) {
    s.source.setA(++s.next);
    return s.sum.value();
  }
}
