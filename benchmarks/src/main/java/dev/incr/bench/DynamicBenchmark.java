package dev.incr.bench;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.IntComputed;
import dev.incr.IntVar;
import dev.incr.Var;
import java.util.concurrent.TimeUnit;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.NumberBinding;
import javafx.beans.property.SimpleBooleanProperty;
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
 * {@code dynamic}: {@code out = useLeft ? left : right} with {@code left = x * 2} and {@code right =
 * y * 3}. One operation flips {@code useLeft}, sets the input of the branch just left (which {@code
 * out} no longer reads) to a new value, and reads {@code out}. A system with dynamic dependencies
 * does not let the unread branch disturb {@code out}.
 *
 * <p>Every benchmark is measured in each {@link JvmProfile} ({@code -p profile=pristine,mixed}).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'DynamicBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DynamicBenchmark {

  /** The graph built on an incr engine. */
  @State(Scope.Benchmark)
  public abstract static class IncrDynamic {
    Var<Boolean> useLeft;
    IntVar x;
    IntVar y;
    IntComputed out;
    boolean left = true;
    int next;

    void build(Engine engine) {
      useLeft = engine.var(true);
      x = engine.intVar(0);
      y = engine.intVar(0);
      IntComputed l = engine.computedInt(() -> x.getAsInt() * 2);
      IntComputed r = engine.computedInt(() -> y.getAsInt() * 3);
      out = engine.computedInt(() -> useLeft.get() ? l.getAsInt() : r.getAsInt());
      out.getAsInt();
    }

    int step() {
      left = !left;
      useLeft.set(left);
      (left ? y : x).set(++next);
      return out.getAsInt();
    }
  }

  /** On {@link Engine#singleThreaded()}. */
  @State(Scope.Benchmark)
  public static class IncrSingle extends IncrDynamic {
    /** Builds the graph. */
    @Setup
    public void setup() {
      build(Engine.singleThreaded());
    }
  }
  /** The graph on {@link Engine#concurrent()}, used from one thread. */
  @State(Scope.Benchmark)
  public static class IncrConcurrent extends IncrDynamic {
    /** Builds the graph. */
    @Setup
    public void setup() {
      build(Engine.concurrent());
    }
  }


  /** The graph as the generated {@code IncrGenDynamic}. */
  @State(Scope.Benchmark)
  public static class Generated {
    IncrGenDynamic graph;
    boolean left = true;
    int next;

    /** Builds the object. */
    @Setup
    public void setup() {
      graph = new IncrGenDynamic(Engine.singleThreaded());
      graph.out();
    }
  }


  /** JavaFX: {@code Bindings.when(useLeft).then(left).otherwise(right)} (static dependencies). */
  @State(Scope.Benchmark)
  public static class JavaFx {
    SimpleBooleanProperty useLeft;
    SimpleIntegerProperty x;
    SimpleIntegerProperty y;
    NumberBinding out;
    boolean left = true;
    int next;

    /** Builds the graph. */
    @Setup
    public void setup() {
      useLeft = new SimpleBooleanProperty(true);
      x = new SimpleIntegerProperty(0);
      y = new SimpleIntegerProperty(0);
      IntegerBinding l = x.multiply(2);
      IntegerBinding r = y.multiply(3);
      out = Bindings.when(useLeft).then(l).otherwise(r);
      out.intValue();
    }
  }

  /** ReactFX: {@code useLeft.flatMap(b -> b ? left : right)} (dynamic), observed. */
  @State(Scope.Benchmark)
  public static class ReactFx {
    org.reactfx.value.Var<Boolean> useLeft;
    org.reactfx.value.Var<Integer> x;
    org.reactfx.value.Var<Integer> y;
    Val<Integer> out;
    boolean left = true;
    int next;

    /** Builds the graph. */
    @Setup
    public void setup() {
      useLeft = org.reactfx.value.Var.newSimpleVar(true);
      x = org.reactfx.value.Var.newSimpleVar(0);
      y = org.reactfx.value.Var.newSimpleVar(0);
      Val<Integer> l = x.map(v -> v * 2);
      Val<Integer> r = y.map(v -> v * 3);
      out = useLeft.flatMap(b -> b ? l : r);
      out.observeInvalidations(old -> { });
      out.getValue();
    }
  }

  /** The floor: fields with a dirty flag per derived value. */
  @State(Scope.Benchmark)
  public static class Handwritten {
    boolean useLeft = true;
    int x;
    int y;
    int l;
    int r;
    int out;
    boolean lDirty = true;
    boolean rDirty = true;
    boolean outDirty = true;
    boolean left = true;
    int next;

    /** Computes the values. */
    @Setup
    public void setup() {
      get();
    }

    void setUseLeft(boolean value) {
      if (value != useLeft) {
        useLeft = value;
        outDirty = true;
      }
    }

    void setX(int value) {
      if (value != x) {
        x = value;
        lDirty = true;
        if (useLeft) {
          outDirty = true;
        }
      }
    }

    void setY(int value) {
      if (value != y) {
        y = value;
        rDirty = true;
        if (!useLeft) {
          outDirty = true;
        }
      }
    }

    int get() {
      if (outDirty) {
        outDirty = false;
        if (useLeft) {
          if (lDirty) {
            l = x * 2;
            lDirty = false;
          }
          out = l;
        } else {
          if (rDirty) {
            r = y * 3;
            rDirty = false;
          }
          out = r;
        }
      }
      return out;
    }
  }

  /** Flip, change the unread branch, read, on the single-threaded engine. */
  @Benchmark
  public int dynamic_incrSingle(IncrSingle s, JvmProfile profile) {
    return s.step();
  }

  /** Flip, change the unread branch, read, with JavaFX bindings. */
  @Benchmark
  public int dynamic_javafx(JavaFx s, JvmProfile profile) {
    boolean left = !s.left;
    s.left = left;
    s.useLeft.set(left);
    (left ? s.y : s.x).set(++s.next);
    return s.out.intValue();
  }

  /** Flip, change the unread branch, read, with ReactFX. */
  @Benchmark
  public int dynamic_reactfx(ReactFx s, JvmProfile profile) {
    boolean left = !s.left;
    s.left = left;
    s.useLeft.setValue(left);
    (left ? s.y : s.x).setValue(++s.next);
    return s.out.getValue();
  }

  /** Flip, change the unread branch, read, hand-written. */
  @Benchmark
  public int dynamic_handwritten(Handwritten s, JvmProfile profile) {
    boolean left = !s.left;
    s.left = left;
    s.setUseLeft(left);
    if (left) {
      s.setY(++s.next);
    } else {
      s.setX(++s.next);
    }
    return s.get();
  }
  /** Flip, change the unread branch, read, on the concurrent engine from one thread. */
  @Benchmark
  public int dynamic_incrConcurrent(IncrConcurrent s, JvmProfile profile) {
    return s.step();
  }

  /** Flip, change the unread branch, read, through the generated class. */
  @Benchmark
  public int dynamic_incrGenerated(Generated s, JvmProfile profile) {
    boolean left = !s.left;
    s.left = left;
    s.graph.setUseLeft(left);
    if (left) {
      s.graph.setY(++s.next);
    } else {
      s.graph.setX(++s.next);
    }
    return s.graph.out();
  }
}
