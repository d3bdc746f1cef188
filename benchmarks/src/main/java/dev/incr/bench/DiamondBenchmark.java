package dev.incr.bench;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.IntComputed;
import dev.incr.IntVar;
import dev.incr.Var;
import java.util.concurrent.TimeUnit;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.NumberBinding;
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
 * {@code diamond}: one input {@code a} read by {@code b = a + 1} and {@code c = a * 2}, both read by
 * {@code d = b + c}; one operation sets {@code a} to a new value and reads {@code d}.
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

  /** The diamond built on an incr engine, of int nodes (as JavaFX's is of int properties). */
  @State(Scope.Benchmark)
  public abstract static class IncrDiamond {
    IntVar a;
    IntComputed d;
    int next;

    void build(Engine engine) {
      a = engine.intVar(0);
      IntComputed b = engine.computedInt(() -> a.getAsInt() + 1);
      IntComputed c = engine.computedInt(() -> a.getAsInt() * 2);
      d = engine.computedInt(() -> b.getAsInt() + c.getAsInt());
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
    Var<Integer> a;
    Computed<Integer> d;
    int next;

    /** Builds the graph. */
    @Setup
    public void setup() {
      Engine engine = Engine.singleThreaded();
      a = engine.var(0);
      Computed<Integer> b = engine.computed(() -> a.get() + 1);
      Computed<Integer> c = engine.computed(() -> a.get() * 2);
      d = engine.computed(() -> b.get() + c.get());
      d.get();
    }
  }

  /** Set then get through boxed nodes. */
  @Benchmark
  public int diamond_incrBoxed(IncrBoxed s) {
    s.a.set(++s.next);
    return s.d.get();
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
  /** The diamond on {@link Engine#concurrent()}, used from one thread. */
  @State(Scope.Benchmark)
  public static class IncrConcurrent extends IncrDiamond {
    /** Builds the graph. */
    @Setup
    public void setup() {
      build(Engine.concurrent());
    }
  }


  /** The diamond as the generated {@code IncrGenDiamond} on the single-threaded engine. */
  @State(Scope.Benchmark)
  public static class Generated {
    IncrGenDiamond diamond;
    int next;

    /** Builds the object. */
    @Setup
    public void setup() {
      diamond = new IncrGenDiamond(Engine.singleThreaded());
      diamond.d();
    }
  }


  /** The diamond as JavaFX bindings (lazy: a set invalidates, a get recomputes). */
  @State(Scope.Benchmark)
  public static class JavaFx {
    SimpleIntegerProperty a;
    NumberBinding d;
    int next;

    /** Builds the graph. */
    @Setup
    public void setup() {
      a = new SimpleIntegerProperty(0);
      IntegerBinding b = a.add(1);
      IntegerBinding c = a.multiply(2);
      d = b.add(c);
      d.intValue();
    }
  }

  /** The diamond as ReactFX values, observed so that they cache. */
  @State(Scope.Benchmark)
  public static class ReactFx {
    org.reactfx.value.Var<Integer> a;
    Val<Integer> d;
    int next;

    /** Builds the graph. */
    @Setup
    public void setup() {
      a = org.reactfx.value.Var.newSimpleVar(0);
      Val<Integer> b = a.map(x -> x + 1);
      Val<Integer> c = a.map(x -> x * 2);
      d = Val.combine(b, c, Integer::sum);
      d.observeInvalidations(old -> { });
      d.getValue();
    }
  }

  /** The floor: plain fields, one dirty flag per derived node, early cutoff by comparison. */
  @State(Scope.Benchmark)
  public static class Handwritten {
    int a;
    int b;
    int c;
    int d;
    boolean bDirty = true;
    boolean cDirty = true;
    boolean dDirty = true;
    int next;

    void set(int value) {
      if (value != a) {
        a = value;
        bDirty = true;
        cDirty = true;
        dDirty = true;
      }
    }

    int get() {
      if (dDirty) {
        boolean changed = false;
        if (bDirty) {
          int nb = a + 1;
          changed |= nb != b;
          b = nb;
          bDirty = false;
        }
        if (cDirty) {
          int nc = a * 2;
          changed |= nc != c;
          c = nc;
          cDirty = false;
        }
        if (changed) {
          d = b + c;
        }
        dDirty = false;
      }
      return d;
    }

    /** Computes the initial values. */
    @Setup
    public void setup() {
      get();
    }
  }

  /** Set then get on the single-threaded engine. */
  @Benchmark
  public int diamond_incrSingle(IncrSingle s) {
    return s.step();
  }

  /** Set then get with JavaFX bindings. */
  @Benchmark
  public int diamond_javafx(JavaFx s) {
    s.a.set(++s.next);
    return s.d.intValue();
  }

  /** Set then get with ReactFX. */
  @Benchmark
  public int diamond_reactfx(ReactFx s) {
    s.a.setValue(++s.next);
    return s.d.getValue();
  }

  /** Set then get, hand-written. */
  @Benchmark
  public int diamond_handwritten(Handwritten s) {
    s.set(++s.next);
    return s.get();
  }
  /** Set then get on the concurrent engine, from one thread. */
  @Benchmark
  public int diamond_incrConcurrent(IncrConcurrent s) {
    return s.step();
  }

  /** Set then get through the generated class. */
  @Benchmark
  public int diamond_incrGenerated(Generated s) {
    s.diamond.setA(++s.next);
    return s.diamond.d();
  }
}
