package dev.incr.bench;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.IntComputed;
import dev.incr.IntVar;
import dev.incr.Var;
import java.util.Arrays;
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
import org.reactfx.value.Val;

/**
 * {@code diamond}: one input {@code a} read by {@code width} middle nodes, all read by one sum
 * {@code d}; one operation sets {@code a} to a new value and reads {@code d}, so every node
 * re-runs.
 * Middle node {@code i} is {@code a * times(i) + plus(i)}: {@code a + 1}, {@code a * 2}, {@code a +
 * 2}, {@code a * 3}, ... (every JavaFX middle node is one {@code add} or {@code multiply} binding).
 * With {@code width = 2} it is the classic diamond {@code d = (a + 1) + (a * 2)}.
 *
 * <p>{@code diamondObserved}: the same graph with {@code d} observed, so that a set brings it up to
 * date at once (incr: {@code engine.observe}; JavaFX: a change listener on {@code d}; the floor: a
 * set that recomputes); one operation sets {@code a} and returns the value the listener was last
 * given.
 *
 * <p>Every benchmark is measured in each {@link JvmProfile} ({@code -p profile=pristine,mixed}).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'DiamondBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DiamondBenchmark {

  /** The factor of middle node {@code i}: 1 for even {@code i}, {@code i / 2 + 2} for odd. */
  static int times(int i) {
    return i % 2 == 0 ? 1 : i / 2 + 2;
  }

  /** The addend of middle node {@code i}: {@code i / 2 + 1} for even {@code i}, 0 for odd. */
  static int plus(int i) {
    return i % 2 == 0 ? i / 2 + 1 : 0;
  }

  /** What {@code d} is for input {@code a}: the sum of the middle nodes, from scratch. */
  static int expected(int a, int width) {
    int d = 0;
    for (int i = 0; i < width; i++) {
      d += a * times(i) + plus(i);
    }
    return d;
  }

  /** The diamond built on an incr engine, of int nodes (as JavaFX's is of int bindings). */
  @State(Scope.Benchmark)
  public abstract static class IncrDiamond {
    @Param({"2", "10", "1000"})
    int width;

    IntVar a;
    IntComputed d;
    int next;
    /** The value the observer of {@link #d} was last given, in the observed variant. */
    int seen;

    void build(Engine engine) {
      a = engine.intVar(0);
      IntComputed[] middles = new IntComputed[width];
      for (int i = 0; i < width; i++) {
        int k = i % 2 == 0 ? plus(i) : times(i);
        middles[i] = i % 2 == 0 ? engine.computedInt(() -> a.getAsInt() + k)
            : engine.computedInt(() -> a.getAsInt() * k);
      }
      d = engine.computedInt(() -> {
        int sum = 0;
        for (IntComputed middle : middles) {
          sum += middle.getAsInt();
        }
        return sum;
      });
      d.getAsInt();
    }

    int step() {
      a.set(++next);
      return d.getAsInt();
    }
  }

  /**
   * The diamond of boxed nodes ({@code Var<Integer>}, {@code Computed<Integer>}) on {@link
   * Engine#singleThreaded()}: what the generic API costs. Not a peer: a second incr row.
   */
  @State(Scope.Benchmark)
  public static class IncrBoxed {
    @Param({"2", "10", "1000"})
    int width;

    Var<Integer> a;
    Computed<Integer> d;
    int next;

    /** Builds the graph. */
    @Setup
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void setup() {
      Engine engine = Engine.singleThreaded();
      a = engine.var(0);
      Computed<Integer>[] middles = new Computed[width];
      for (int i = 0; i < width; i++) {
        int k = i % 2 == 0 ? plus(i) : times(i);
        middles[i] = i % 2 == 0 ? engine.computed(() -> a.get() + k)
            : engine.computed(() -> a.get() * k);
      }
      d = engine.computed(() -> {
        int sum = 0;
        for (Computed<Integer> middle : middles) {
          sum += middle.get();
        }
        return sum;
      });
      d.get();
    }
  }

  /** The diamond on {@link Engine#singleThreaded()}. */
  @State(Scope.Benchmark)
  public static class IncrSingle extends IncrDiamond {
    /** Builds the graph. */
    @Setup
    public void setup() {
      build(Engine.singleThreaded());
    }
  }

  /** The diamond on {@link Engine#singleThreaded()}, {@code d} observed. */
  @State(Scope.Benchmark)
  public static class IncrSingleObserved extends IncrDiamond {
    /** Builds the graph and observes {@code d}. */
    @Setup
    public void setup() {
      Engine engine = Engine.singleThreaded();
      build(engine);
      engine.observe(d, value -> seen = value);
    }

    int stepObserved() {
      a.set(++next);
      return seen;
    }
  }

  /** The diamond on {@link Engine#concurrent()}, {@code d} observed, used from one thread. */
  @State(Scope.Benchmark)
  public static class IncrConcurrentObserved extends IncrDiamond {
    /** Builds the graph and observes {@code d}. */
    @Setup
    public void setup() {
      Engine engine = Engine.concurrent();
      build(engine);
      engine.observe(d, value -> seen = value);
    }

    int stepObserved() {
      a.set(++next);
      return seen;
    }
  }

  /** The diamond on {@link Engine#concurrent()}, used from one thread. */
  @State(Scope.Benchmark)
  public static class IncrConcurrent extends IncrDiamond {
    /** Builds the graph. */
    @Setup
    public void setup() {
      build(Engine.concurrent());
    }
  }

  /**
   * The diamond as generated objects on the single-threaded engine: an {@code IncrGenFanSource}
   * (the input), {@code width} {@code IncrGenDiamondMiddle}s and an {@code IncrGenFanSum}.
   */
  @State(Scope.Benchmark)
  public static class Generated {
    @Param({"2", "10", "1000"})
    int width;

    Engine engine;
    IncrGenFanSource source;
    IntValue d;
    int next;

    /** Builds the objects. */
    @Setup
    public void setup() {
      engine = Engine.singleThreaded();
      source = new IncrGenFanSource(engine);
      IntValue[] middles = new IntValue[width];
      for (int i = 0; i < width; i++) {
        middles[i] = new IncrGenDiamondMiddle(engine, source, i);
      }
      d = new IncrGenFanSum(engine, middles);
      d.value();
    }
  }

  /**
   * The generated diamond with its sum observed, through a node that reads it ({@code
   * engine.computedInt(() -> d.value())}): a generated class exposes values, not nodes.
   */
  @State(Scope.Benchmark)
  public static class GeneratedObserved {
    @Param({"2", "10", "1000"})
    int width;

    final Generated graph = new Generated();
    int seen;

    /** Builds the objects and observes the sum. */
    @Setup
    public void setup() {
      graph.width = width;
      graph.setup();
      IntComputed d = graph.engine.computedInt(() -> graph.d.value());
      graph.engine.observe(d, value -> seen = value);
    }
  }

  /** The diamond as JavaFX bindings (lazy: a set invalidates, a get recomputes). */
  @State(Scope.Benchmark)
  public static class JavaFx {
    @Param({"2", "10", "1000"})
    int width;

    SimpleIntegerProperty a;
    IntegerBinding d;
    int next;

    /** Builds the graph: {@code add} and {@code multiply} bindings, and a binding summing them. */
    @Setup
    public void setup() {
      a = new SimpleIntegerProperty(0);
      IntegerBinding[] middles = new IntegerBinding[width];
      for (int i = 0; i < width; i++) {
        middles[i] = i % 2 == 0 ? a.add(plus(i)) : a.multiply(times(i));
      }
      d = new IntegerBinding() {
        {
          bind(middles);
        }

        @Override
        protected int computeValue() {
          int sum = 0;
          for (IntegerBinding middle : middles) {
            sum += middle.get();
          }
          return sum;
        }
      };
      d.get();
    }
  }

  /** The JavaFX diamond with a change listener on {@code d}, which makes it eager. */
  @State(Scope.Benchmark)
  public static class JavaFxObserved {
    @Param({"2", "10", "1000"})
    int width;

    final JavaFx graph = new JavaFx();
    int seen;

    /** Builds the graph and listens to {@code d}. */
    @Setup
    public void setup() {
      graph.width = width;
      graph.setup();
      graph.d.addListener((observable, old, value) -> seen = value.intValue());
    }
  }

  /** The diamond as ReactFX values, observed so that they cache. */
  @State(Scope.Benchmark)
  public static class ReactFx {
    @Param({"2", "10", "1000"})
    int width;

    org.reactfx.value.Var<Integer> a;
    Val<Integer> d;
    int next;

    /** Builds the graph. */
    @Setup
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void setup() {
      a = org.reactfx.value.Var.newSimpleVar(0);
      Val<Integer>[] middles = new Val[width];
      for (int i = 0; i < width; i++) {
        int k = i % 2 == 0 ? plus(i) : times(i);
        middles[i] = i % 2 == 0 ? a.map(x -> x + k) : a.map(x -> x * k);
      }
      d = Val.create(() -> {
        int sum = 0;
        for (Val<Integer> middle : middles) {
          sum += middle.getValue();
        }
        return sum;
      }, middles);
      d.observeInvalidations(old -> { });
      d.getValue();
    }
  }

  /**
   * The floor: the middle nodes' values in an int array with a dirty flag each, a dirty flag on
   * {@code d}, and early cutoff by comparison.
   */
  @State(Scope.Benchmark)
  public static class Handwritten {
    @Param({"2", "10", "1000"})
    int width;

    int a;
    int[] times;
    int[] plus;
    int[] values;
    boolean[] dirty;
    int d;
    boolean dDirty;
    int next;

    /** Computes the initial values. */
    @Setup
    public void setup() {
      times = new int[width];
      plus = new int[width];
      for (int i = 0; i < width; i++) {
        times[i] = times(i);
        plus[i] = plus(i);
      }
      values = new int[width];
      dirty = new boolean[width];
      Arrays.fill(dirty, true);
      Arrays.fill(values, Integer.MIN_VALUE);
      dDirty = true;
      get();
    }

    void set(int value) {
      if (value != a) {
        a = value;
        Arrays.fill(dirty, true);
        dDirty = true;
      }
    }

    int get() {
      if (dDirty) {
        dDirty = false;
        boolean changed = false;
        for (int i = 0; i < values.length; i++) {
          if (dirty[i]) {
            dirty[i] = false;
            int v = a * times[i] + plus[i];
            if (v != values[i]) {
              values[i] = v;
              changed = true;
            }
          }
        }
        if (changed) {
          int sum = 0;
          for (int v : values) {
            sum += v;
          }
          d = sum;
        }
      }
      return d;
    }
  }

  /**
   * The floor with {@code d} observed: a set brings the graph up to date at once and hands a
   * changed {@code d} to the listener (here, a field).
   */
  @State(Scope.Benchmark)
  public static class HandwrittenObserved {
    @Param({"2", "10", "1000"})
    int width;

    final Handwritten floor = new Handwritten();
    int seen;

    /** Computes the initial values. */
    @Setup
    public void setup() {
      floor.width = width;
      floor.setup();
      seen = floor.get();
    }

    void set(int value) {
      if (value != floor.a) {
        floor.set(value);
        int d = floor.get();
        if (d != seen) {
          seen = d;
        }
      }
    }
  }

  /** Set then get on the single-threaded engine. */
  @Benchmark
  public int diamond_incrSingle(IncrSingle s, JvmProfile profile) {
    return s.step();
  }

  /** Set then get through boxed nodes. */
  @Benchmark
  public int diamond_incrBoxed(IncrBoxed s, JvmProfile profile) {
    s.a.set(++s.next);
    return s.d.get();
  }

  /** Set then get on the concurrent engine, from one thread. */
  @Benchmark
  public int diamond_incrConcurrent(IncrConcurrent s, JvmProfile profile) {
    return s.step();
  }

  /** Set then get through the generated classes. */
  @Benchmark
  public int diamond_incrGenerated(Generated s, JvmProfile profile) {
    s.source.setA(++s.next);
    return s.d.value();
  }

  /** Set then get with JavaFX bindings. */
  @Benchmark
  public int diamond_javafx(JavaFx s, JvmProfile profile) {
    s.a.set(++s.next);
    return s.d.get();
  }

  /** Set then get with ReactFX. */
  @Benchmark
  public int diamond_reactfx(ReactFx s, JvmProfile profile) {
    s.a.setValue(++s.next);
    return s.d.getValue();
  }

  /** Set then get, hand-written. */
  @Benchmark
  public int diamond_handwritten(Handwritten s, JvmProfile profile) {
    s.set(++s.next);
    return s.get();
  }

  /** Set with {@code d} observed, single-threaded engine; returns what the listener got. */
  @Benchmark
  public int diamondObserved_incrSingle(IncrSingleObserved s, JvmProfile profile) {
    return s.stepObserved();
  }

  /** Set with {@code d} observed, concurrent engine; returns what the listener got. */
  @Benchmark
  public int diamondObserved_incrConcurrent(IncrConcurrentObserved s, JvmProfile profile) {
    return s.stepObserved();
  }

  /** Set with the generated sum observed; returns what the listener got. */
  @Benchmark
  public int diamondObserved_incrGenerated(GeneratedObserved s, JvmProfile profile) {
    s.graph.source.setA(++s.graph.next);
    return s.seen;
  }

  /** Set with a change listener on the JavaFX {@code d}; returns what the listener got. */
  @Benchmark
  public int diamondObserved_javafx(JavaFxObserved s, JvmProfile profile) {
    s.graph.a.set(++s.graph.next);
    return s.seen;
  }

  /** Set with {@code d} observed, hand-written; returns what the listener got. */
  @Benchmark
  public int diamondObserved_handwritten(HandwrittenObserved s, JvmProfile profile) {
    s.set(++s.floor.next);
    return s.seen;
  }
}
