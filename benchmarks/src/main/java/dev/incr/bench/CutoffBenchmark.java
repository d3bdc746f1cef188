package dev.incr.bench;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.IntComputed;
import dev.incr.IntVar;
import dev.incr.Var;
import java.util.concurrent.TimeUnit;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.NumberExpression;
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
 * {@code cutoff}: an input {@code x} (always at least {@link #LIMIT}) read by a clamp {@code
 * min(x, LIMIT)}, under a chain of {@code n} nodes each its predecessor plus one; one operation sets
 * {@code x} to a new value, which the clamp absorbs, and reads the top of the chain. A system with
 * early cutoff re-runs only the clamp.
 *
 * <p>Every benchmark is measured in each {@link JvmProfile} ({@code -p profile=pristine,mixed}).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'CutoffBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CutoffBenchmark {

  /** The clamp's bound; {@code x} never goes below it, so the clamp's value never changes. */
  static final int LIMIT = 10;

  /** The graph built on an incr engine. */
  @State(Scope.Benchmark)
  public abstract static class IncrCutoff {
    @Param({"10", "1000"})
    int n;

    IntVar x;
    IntComputed top;
    int next = LIMIT;

    void build(Engine engine) {
      x = engine.intVar(LIMIT);
      IntComputed clamp = engine.computedInt(() -> Math.min(x.getAsInt(), LIMIT));
      IntComputed previous = clamp;
      for (int i = 0; i < n; i++) {
        IntComputed p = previous;
        previous = engine.computedInt(() -> p.getAsInt() + 1);
      }
      top = previous;
      top.getAsInt();
    }

    int step() {
      x.set(++next);
      return top.getAsInt();
    }
  }

  /** The graph on {@link Engine#singleThreaded()}. */
  @State(Scope.Benchmark)
  public static class IncrSingle extends IncrCutoff {
    /** Builds the graph. */
    @Setup
    public void setup() {
      build(Engine.singleThreaded());
    }
  }
  /** The graph on {@link Engine#concurrent()}, used from one thread. */
  @State(Scope.Benchmark)
  public static class IncrConcurrent extends IncrCutoff {
    /** Builds the graph. */
    @Setup
    public void setup() {
      build(Engine.concurrent());
    }
  }


  /**
   * The graph on {@link Engine#singleThreaded()} with the top observed: the engine keeps it up to
   * date by pushing changes, so the clamp's cutoff ends the work wherever the top is.
   */
  @State(Scope.Benchmark)
  public static class IncrSingleObserved extends IncrCutoff {
    /** Builds the graph and observes the top. */
    @Setup
    public void setup() {
      Engine engine = Engine.singleThreaded();
      build(engine);
      engine.observe(top, value -> { });
    }
  }

  /** The observed graph on {@link Engine#concurrent()}, used from one thread. */
  @State(Scope.Benchmark)
  public static class IncrConcurrentObserved extends IncrCutoff {
    /** Builds the graph and observes the top. */
    @Setup
    public void setup() {
      Engine engine = Engine.concurrent();
      build(engine);
      engine.observe(top, value -> { });
    }
  }

  /** The JavaFX graph with a change listener on the top, which makes JavaFX evaluate eagerly. */
  @State(Scope.Benchmark)
  public static class JavaFxObserved {
    @Param({"10", "1000"})
    int n;

    final JavaFx graph = new JavaFx();

    /** Builds the graph and listens to the top. */
    @Setup
    public void setup() {
      graph.n = n;
      graph.setup();
      graph.top.addListener((observable, old, value) -> { });
    }
  }

  /** The graph as generated objects: an {@code IncrGenClamp} under {@code IncrGenChainLink}s. */
  @State(Scope.Benchmark)
  public static class Generated {
    @Param({"10", "1000"})
    int n;

    IncrGenClamp clamp;
    IntValue top;
    int next = LIMIT;

    /** Builds the objects. */
    @Setup
    public void setup() {
      Engine engine = Engine.singleThreaded();
      clamp = new IncrGenClamp(engine);
      IntValue previous = clamp;
      for (int i = 0; i < n; i++) {
        previous = new IncrGenChainLink(engine, previous);
      }
      top = previous;
      top.value();
    }
  }


  /** The graph as JavaFX bindings: {@code Bindings.min}, then {@code previous.add(1)}. */
  @State(Scope.Benchmark)
  public static class JavaFx {
    @Param({"10", "1000"})
    int n;

    SimpleIntegerProperty x;
    IntegerBinding top;
    int next = LIMIT;

    /** Builds the graph. */
    @Setup
    public void setup() {
      x = new SimpleIntegerProperty(LIMIT);
      NumberExpression previous = Bindings.min(x, LIMIT);
      for (int i = 0; i < n; i++) {
        previous = previous.add(1);
      }
      top = (IntegerBinding) previous;
      top.get();
    }
  }

  /** The graph as ReactFX values, the top one observed. */
  @State(Scope.Benchmark)
  public static class ReactFx {
    @Param({"10", "1000"})
    int n;

    org.reactfx.value.Var<Integer> x;
    Val<Integer> top;
    int next = LIMIT;

    /** Builds the graph. */
    @Setup
    public void setup() {
      x = org.reactfx.value.Var.newSimpleVar(LIMIT);
      Val<Integer> previous = x.map(v -> Math.min(v, LIMIT));
      for (int i = 0; i < n; i++) {
        previous = previous.map(v -> v + 1);
      }
      top = previous;
      top.observeInvalidations(old -> { });
      top.getValue();
    }
  }

  /** The floor: a clamp field with a dirty flag under a {@link CellChain}. */
  @State(Scope.Benchmark)
  public static class Handwritten {
    @Param({"10", "1000"})
    int n;

    int x = LIMIT;
    int clamp;
    boolean clampDirty = true;
    CellChain chain;
    int next = LIMIT;

    /** Builds the graph and computes it. */
    @Setup
    public void setup() {
      chain = new CellChain(n);
      clamp = Integer.MIN_VALUE;
      get();
    }

    void set(int value) {
      if (value != x) {
        x = value;
        clampDirty = true;
      }
    }

    int get() {
      if (clampDirty) {
        clampDirty = false;
        int c = Math.min(x, LIMIT);
        if (c != clamp) {
          clamp = c;
          chain.markDirty();
        }
      }
      return chain.get(clamp);
    }
  }

  /** Set then get on the single-threaded engine. */
  @Benchmark
  public int cutoff_incrSingle(IncrSingle s, JvmProfile profile) {
    return s.step();
  }

  /** Set then get with the top observed ({@code cutoffObserved}). */
  @Benchmark
  public int cutoffObserved_incrSingle(IncrSingleObserved s, JvmProfile profile) {
    return s.step();
  }

  /** {@code cutoffObserved} on the concurrent engine. */
  @Benchmark
  public int cutoffObserved_incrConcurrent(IncrConcurrentObserved s, JvmProfile profile) {
    return s.step();
  }

  /** {@code cutoffObserved} in JavaFX: a change listener on the top binding. */
  @Benchmark
  public int cutoffObserved_javafx(JavaFxObserved s, JvmProfile profile) {
    return cutoff_javafx(s.graph, profile);
  }

  /** Set then get with JavaFX bindings. */
  @Benchmark
  public int cutoff_javafx(JavaFx s, JvmProfile profile) {
    s.x.set(++s.next);
    return s.top.get();
  }

  /** Set then get with ReactFX. */
  @Benchmark
  public int cutoff_reactfx(ReactFx s, JvmProfile profile) {
    s.x.setValue(++s.next);
    return s.top.getValue();
  }

  /** Set then get, hand-written. */
  @Benchmark
  public int cutoff_handwritten(Handwritten s, JvmProfile profile) {
    s.set(++s.next);
    return s.get();
  }
  /** Set then get on the concurrent engine, from one thread. */
  @Benchmark
  public int cutoff_incrConcurrent(IncrConcurrent s, JvmProfile profile) {
    return s.step();
  }

  /** Set then get through generated classes. */
  @Benchmark
  public int cutoff_incrGenerated(Generated s, JvmProfile profile) {
    s.clamp.setX(++s.next);
    return s.top.value();
  }
}
