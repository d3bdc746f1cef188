package dev.incr.bench;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.IntComputed;
import dev.incr.IntVar;
import dev.incr.Var;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
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
 * {@code chain}: an input followed by {@code n} nodes, each its predecessor plus one; one operation
 * sets the input to a new value and reads the last node, so every node re-runs.
 *
 * <p>{@code chainObserved}: the same chain with its last node observed, so that a set brings it up
 * to date at once (incr: {@code engine.observe}; JavaFX: a change listener on the last binding; the
 * floor: a set that recomputes); one operation sets the input and returns the value the listener
 * was last given.
 *
 * <p>The score is per operation (the whole chain); {@code benchmarks/RESULTS.md} divides it by
 * {@code n} to report the cost per node. JavaFX and ReactFX recurse once per node both when
 * invalidating and when recomputing, so the fork gets a large thread stack for {@code n = 100000}.
 * Every benchmark is measured in each {@link JvmProfile} ({@code -p profile=pristine,mixed}).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'ChainBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xss1g")
public class ChainBenchmark {

  /** The chain built on an incr engine, of int nodes (as JavaFX's is of int bindings). */
  @State(Scope.Benchmark)
  public abstract static class IncrChain {
    @Param({"10", "100", "1000", "100000"})
    int n;

    IntVar input;
    IntComputed last;
    int next;
    /** The value the observer of {@link #last} was last given, in the observed variants. */
    int seen;

    void build(Engine engine) {
      input = engine.intVar(0);
      IntSupplier previous = input;
      for (int i = 0; i < n; i++) {
        IntSupplier p = previous;
        previous = engine.computedInt(() -> p.getAsInt() + 1);
      }
      last = (IntComputed) previous;
      last.getAsInt();
    }

    int step() {
      input.set(++next);
      return last.getAsInt();
    }
  }

  /**
   * The chain of boxed nodes ({@code Var<Integer>}, {@code Computed<Integer>}) on {@link
   * Engine#singleThreaded()}: what the generic API costs. Not a peer: a second incr row.
   */
  @State(Scope.Benchmark)
  public static class IncrBoxed {
    @Param({"10", "100", "1000", "100000"})
    int n;

    Var<Integer> input;
    Computed<Integer> last;
    int next;

    /** Builds the graph. */
    @Setup
    public void setup() {
      Engine engine = Engine.singleThreaded();
      input = engine.var(0);
      Computed<Integer> previous = null;
      for (int i = 0; i < n; i++) {
        Computed<Integer> p = previous;
        previous = p == null ? engine.computed(() -> input.get() + 1)
            : engine.computed(() -> p.get() + 1);
      }
      last = previous;
      last.get();
    }
  }

  /** The chain on {@link Engine#singleThreaded()}. */
  @State(Scope.Benchmark)
  public static class IncrSingle extends IncrChain {
    /** Builds the graph. */
    @Setup
    public void setup() {
      build(Engine.singleThreaded());
    }
  }
  /** The chain on {@link Engine#singleThreaded()}, its last node observed. */
  @State(Scope.Benchmark)
  public static class IncrSingleObserved extends IncrChain {
    /** Builds the graph and observes its last node. */
    @Setup
    public void setup() {
      Engine engine = Engine.singleThreaded();
      build(engine);
      engine.observe(last, value -> seen = value);
    }

    int stepObserved() {
      input.set(++next);
      return seen;
    }
  }

  /** The chain on {@link Engine#concurrent()}, its last node observed, used from one thread. */
  @State(Scope.Benchmark)
  public static class IncrConcurrentObserved extends IncrChain {
    /** Builds the graph and observes its last node. */
    @Setup
    public void setup() {
      Engine engine = Engine.concurrent();
      build(engine);
      engine.observe(last, value -> seen = value);
    }

    int stepObserved() {
      input.set(++next);
      return seen;
    }
  }

  /** The chain on {@link Engine#concurrent()}, used from one thread. */
  @State(Scope.Benchmark)
  public static class IncrConcurrent extends IncrChain {
    /** Builds the graph. */
    @Setup
    public void setup() {
      build(Engine.concurrent());
    }
  }


  /** The chain as generated objects ({@code IncrGenChainInput}, then links) on one engine. */
  @State(Scope.Benchmark)
  public static class Generated {
    @Param({"10", "100", "1000", "100000"})
    int n;

    Engine engine;
    IncrGenChainInput input;
    IntValue last;
    int next;

    /** Builds the objects. */
    @Setup
    public void setup() {
      engine = Engine.singleThreaded();
      input = new IncrGenChainInput(engine);
      IntValue previous = input;
      for (int i = 1; i < n; i++) {
        previous = new IncrGenChainLink(engine, previous);
      }
      last = previous;
      last.value();
    }
  }

  /**
   * The generated chain with its last link observed. A generated class exposes values, not nodes,
   * so the observed node is one that reads the last link ({@code engine.computedInt(() ->
   * last.value())}), as an application observing a generated query would write it.
   */
  @State(Scope.Benchmark)
  public static class GeneratedObserved {
    @Param({"10", "100", "1000", "100000"})
    int n;

    final Generated graph = new Generated();
    int seen;

    /** Builds the objects and observes the last link. */
    @Setup
    public void setup() {
      graph.n = n;
      graph.setup();
      IntComputed top = graph.engine.computedInt(() -> graph.last.value());
      graph.engine.observe(top, value -> seen = value);
    }
  }


  /** The chain as JavaFX bindings ({@code previous.add(1)}). */
  @State(Scope.Benchmark)
  public static class JavaFx {
    @Param({"10", "100", "1000", "100000"})
    int n;

    SimpleIntegerProperty input;
    IntegerBinding last;
    int next;

    /** Builds the graph. */
    @Setup
    public void setup() {
      input = new SimpleIntegerProperty(0);
      NumberExpression previous = input;
      for (int i = 0; i < n; i++) {
        previous = previous.add(1);
      }
      last = (IntegerBinding) previous;
      last.get();
    }
  }

  /** The JavaFX chain with a change listener on its last binding, which makes it eager. */
  @State(Scope.Benchmark)
  public static class JavaFxObserved {
    @Param({"10", "100", "1000", "100000"})
    int n;

    final JavaFx graph = new JavaFx();
    int seen;

    /** Builds the graph and listens to its last binding. */
    @Setup
    public void setup() {
      graph.n = n;
      graph.setup();
      graph.last.addListener((observable, old, value) -> seen = value.intValue());
    }
  }

  /** The chain as ReactFX values ({@code previous.map(x -> x + 1)}), the last one observed. */
  @State(Scope.Benchmark)
  public static class ReactFx {
    @Param({"10", "100", "1000", "100000"})
    int n;

    org.reactfx.value.Var<Integer> input;
    Val<Integer> last;
    int next;

    /** Builds the graph. */
    @Setup
    public void setup() {
      input = org.reactfx.value.Var.newSimpleVar(0);
      Val<Integer> previous = input;
      for (int i = 0; i < n; i++) {
        previous = previous.map(x -> x + 1);
      }
      last = previous;
      last.observeInvalidations(old -> { });
      last.getValue();
    }
  }

  /** The floor: see {@link CellChain}. */
  @State(Scope.Benchmark)
  public static class Handwritten {
    @Param({"10", "100", "1000", "100000"})
    int n;

    int input;
    CellChain chain;
    int next;

    /** Builds the chain and computes it. */
    @Setup
    public void setup() {
      chain = new CellChain(n);
      chain.get(input);
    }

    void set(int value) {
      if (value != input) {
        input = value;
        chain.markDirty();
      }
    }

    int get() {
      return chain.get(input);
    }
  }

  /**
   * The floor with the last node observed: a set brings the chain up to date at once and hands a
   * changed last value to the listener (here, a field).
   */
  @State(Scope.Benchmark)
  public static class HandwrittenObserved {
    @Param({"10", "100", "1000", "100000"})
    int n;

    final Handwritten floor = new Handwritten();
    int seen;

    /** Builds the chain and computes it. */
    @Setup
    public void setup() {
      floor.n = n;
      floor.setup();
      seen = floor.get();
    }

    void set(int value) {
      if (value != floor.input) {
        floor.set(value);
        int last = floor.get();
        if (last != seen) {
          seen = last;
        }
      }
    }
  }

  /** The reference point: see {@link BareVerifierChain}. */
  @State(Scope.Benchmark)
  public static class BareVerifier {
    @Param({"10", "100", "1000", "100000"})
    int n;

    BareVerifierChain chain;
    int next;

    /** Builds and computes the chain. */
    @Setup
    public void setup() {
      chain = new BareVerifierChain(n);
    }
  }

  /** Set then get on the single-threaded engine. */
  @Benchmark
  public int chain_incrSingle(IncrSingle s, JvmProfile profile) {
    return s.step();
  }

  /** Set then get through boxed nodes. */
  @Benchmark
  public int chain_incrBoxed(IncrBoxed s, JvmProfile profile) {
    s.input.set(++s.next);
    return s.last.get();
  }

  /** Set then get with JavaFX bindings. */
  @Benchmark
  public int chain_javafx(JavaFx s, JvmProfile profile) {
    s.input.set(++s.next);
    return s.last.get();
  }

  /** Set then get with ReactFX. */
  @Benchmark
  public int chain_reactfx(ReactFx s, JvmProfile profile) {
    s.input.setValue(++s.next);
    return s.last.getValue();
  }

  /** Set then get through the bare verifier (a reference point, not a peer). */
  @Benchmark
  public int chain_bareVerifier(BareVerifier s, JvmProfile profile) {
    s.chain.input.set(++s.next);
    return s.chain.last.get();
  }

  /** Set then get, hand-written. */
  @Benchmark
  public int chain_handwritten(Handwritten s, JvmProfile profile) {
    s.set(++s.next);
    return s.get();
  }
  /** Set then get on the concurrent engine, from one thread. */
  @Benchmark
  public int chain_incrConcurrent(IncrConcurrent s, JvmProfile profile) {
    return s.step();
  }

  /** Set then get through generated classes. */
  @Benchmark
  public int chain_incrGenerated(Generated s, JvmProfile profile) {
    s.input.setInput(++s.next);
    return s.last.value();
  }

  /** Set with the last node observed, single-threaded engine; returns what the listener got. */
  @Benchmark
  public int chainObserved_incrSingle(IncrSingleObserved s, JvmProfile profile) {
    return s.stepObserved();
  }

  /** Set with the last node observed, concurrent engine; returns what the listener got. */
  @Benchmark
  public int chainObserved_incrConcurrent(IncrConcurrentObserved s, JvmProfile profile) {
    return s.stepObserved();
  }

  /** Set with the last generated link observed; returns what the listener got. */
  @Benchmark
  public int chainObserved_incrGenerated(GeneratedObserved s, JvmProfile profile) {
    s.graph.input.setInput(++s.graph.next);
    return s.seen;
  }

  /** Set with a change listener on the last JavaFX binding; returns what the listener got. */
  @Benchmark
  public int chainObserved_javafx(JavaFxObserved s, JvmProfile profile) {
    s.graph.input.set(++s.graph.next);
    return s.seen;
  }

  /** Set with the last node observed, hand-written; returns what the listener got. */
  @Benchmark
  public int chainObserved_handwritten(HandwrittenObserved s, JvmProfile profile) {
    s.set(++s.floor.next);
    return s.seen;
  }
}
