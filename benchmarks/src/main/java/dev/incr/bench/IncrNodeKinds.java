package dev.incr.bench;

import static dev.incr.bench.MixedProfile.check;

import dev.incr.Computed;
import dev.incr.DoubleComputed;
import dev.incr.DoubleVar;
import dev.incr.Engine;
import dev.incr.IncrCollection;
import dev.incr.IntComputed;
import dev.incr.IntVar;
import dev.incr.LongComputed;
import dev.incr.LongVar;
import dev.incr.Node;
import dev.incr.SortedCollection;
import dev.incr.Var;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;

/**
 * incr's part of the {@link MixedProfile}: small graphs of every node kind on one single-threaded
 * engine, each a step that writes the round's value, reads, and checks against plain Java.
 */
final class IncrNodeKinds {

  /** How many elements the collection keeps: each round inserts one and deletes the oldest. */
  static final int LIVE = 8;

  private IncrNodeKinds() {}

  /** Builds the graphs on a new single-threaded engine and returns one step per graph. */
  static List<IntUnaryOperator> steps() {
    Engine engine = Engine.singleThreaded();
    List<IntUnaryOperator> steps = new ArrayList<>();
    steps.add(boxedChain(engine));
    steps.add(observedIntChain(engine));
    steps.add(observedLongs(engine));
    steps.add(doubles(engine));
    steps.add(observedString(engine));
    steps.add(dynamic(engine));
    steps.add(observedDiamond(engine));
    steps.add(observedCutoff(engine));
    steps.add(observedBatch(engine));
    steps.add(collection(engine));
    steps.add(generated(engine));
    return steps;
  }

  /** {@code Var<Integer>} under four {@code Computed<Integer>} links, read on demand. */
  private static IntUnaryOperator boxedChain(Engine engine) {
    Var<Integer> input = engine.var(0);
    Node<Integer> previous = input;
    for (int i = 0; i < 4; i++) {
      Node<Integer> p = previous;
      previous = engine.computed(() -> p.get() + 1);
    }
    Node<Integer> top = previous;
    return v -> {
      input.set(v);
      return (int) check("boxed chain", top.get(), v + 4);
    };
  }

  /** An int chain with its top observed. */
  private static IntUnaryOperator observedIntChain(Engine engine) {
    IntVar input = engine.intVar(0);
    IntSupplier previous = input;
    for (int i = 0; i < 4; i++) {
      IntSupplier p = previous;
      previous = engine.computedInt(() -> p.getAsInt() + 3);
    }
    IntComputed top = (IntComputed) previous;
    int[] seen = new int[1];
    engine.observe(top, value -> seen[0] = value);
    return v -> {
      input.set(v);
      check("observed int chain, listener", seen[0], v + 12);
      return (int) check("observed int chain, read", top.getAsInt(), v + 12);
    };
  }

  /** A long var, its square and the square plus one, observed. */
  private static IntUnaryOperator observedLongs(Engine engine) {
    LongVar l = engine.longVar(0);
    LongComputed square = engine.computedLong(() -> l.getAsLong() * l.getAsLong());
    LongComputed plus = engine.computedLong(() -> square.getAsLong() + 1);
    long[] seen = new long[1];
    engine.observe(plus, value -> seen[0] = value);
    return v -> {
      l.set(v);
      return (int) check("observed long square", seen[0], (long) v * v + 1);
    };
  }

  /** A double var, half of it and that plus a quarter: read on demand and observed. */
  private static IntUnaryOperator doubles(Engine engine) {
    DoubleVar d = engine.doubleVar(0);
    DoubleComputed half = engine.computedDouble(() -> d.getAsDouble() / 2);
    DoubleComputed plus = engine.computedDouble(() -> half.getAsDouble() + 0.25);
    double[] seen = new double[1];
    engine.observe(half, value -> seen[0] = value);
    return v -> {
      d.set(v);
      check("observed double half", seen[0], v / 2.0);
      return (int) check("double half plus a quarter", plus.getAsDouble(), v / 2.0 + 0.25);
    };
  }

  /** A {@code Computed<String>} from an int var, and its length, observed. */
  private static IntUnaryOperator observedString(Engine engine) {
    IntVar n = engine.intVar(0);
    Computed<String> text = engine.computed(() -> "n" + n.getAsInt());
    Computed<Integer> length = engine.computed(() -> text.get().length());
    int[] seen = {length.get()};
    engine.observe(length, value -> seen[0] = value);
    return v -> {
      n.set(v);
      check("observed string length", seen[0], ("n" + v).length());
      return text.get().charAt(1);
    };
  }

  /** {@code flag ? x * 2 : y * 3} with a {@code Var<Boolean>} flag, read on demand. */
  private static IntUnaryOperator dynamic(Engine engine) {
    Var<Boolean> flag = engine.var(true);
    IntVar x = engine.intVar(0);
    IntVar y = engine.intVar(0);
    IntComputed left = engine.computedInt(() -> x.getAsInt() * 2);
    IntComputed right = engine.computedInt(() -> y.getAsInt() * 3);
    Computed<Integer> out = engine.computed(() -> flag.get() ? left.getAsInt() : right.getAsInt());
    return v -> {
      flag.set(v % 2 == 0);
      x.set(v);
      y.set(v + 1);
      return (int) check("dynamic", out.get(), v % 2 == 0 ? 2 * v : 3 * (v + 1));
    };
  }

  /** A diamond of a boxed and an int middle node, its bottom observed and read. */
  private static IntUnaryOperator observedDiamond(Engine engine) {
    IntVar a = engine.intVar(0);
    Computed<Integer> b = engine.computed(() -> a.getAsInt() + 1);
    IntComputed c = engine.computedInt(() -> a.getAsInt() * 2);
    IntComputed d = engine.computedInt(() -> b.get() + c.getAsInt());
    int[] seen = new int[1];
    engine.observe(d, value -> seen[0] = value);
    return v -> {
      a.set(v);
      check("observed diamond, listener", seen[0], 3 * v + 1);
      return (int) check("observed diamond, read", d.getAsInt(), 3 * v + 1);
    };
  }

  /** A clamp {@code min(x, 100)} under three links, the top observed: cut off from round 100. */
  private static IntUnaryOperator observedCutoff(Engine engine) {
    IntVar x = engine.intVar(0);
    IntComputed clamp = engine.computedInt(() -> Math.min(x.getAsInt(), 100));
    IntSupplier previous = clamp;
    for (int i = 0; i < 3; i++) {
      IntSupplier p = previous;
      previous = engine.computedInt(() -> p.getAsInt() + 1);
    }
    IntComputed top = (IntComputed) previous;
    engine.observe(top, value -> { });
    return v -> {
      x.set(v);
      return (int) check("observed cutoff", top.getAsInt(), Math.min(v, 100) + 3);
    };
  }

  /** Two int vars written in one batch, their long product observed. */
  private static IntUnaryOperator observedBatch(Engine engine) {
    IntVar a = engine.intVar(0);
    IntVar b = engine.intVar(0);
    LongComputed product = engine.computedLong(() -> (long) a.getAsInt() * b.getAsInt());
    long[] seen = new long[1];
    engine.observe(product, value -> seen[0] = value);
    return v -> {
      engine.batch(() -> {
        a.set(v);
        b.set(v + 1);
      });
      return (int) check("observed batch product", seen[0], (long) v * (v + 1));
    };
  }

  /**
   * A collection of the last {@link #LIVE} round values through filter, map, count, sum, min,
   * sortBy, groupBy and join; the sum observed.
   */
  private static IntUnaryOperator collection(Engine engine) {
    IncrCollection<Integer> items = engine.collection();
    LongComputed evens = items.filter(x -> x % 2 == 0).map(x -> x * 3).count();
    DoubleComputed sum = items.sum(x -> x);
    Computed<Optional<Integer>> min = items.min(Comparator.naturalOrder());
    SortedCollection<Integer> descending = items.sortBy(x -> -x);
    LongComputed thirds = items.groupBy(x -> x % 3).group(0).count();
    IncrCollection<Integer> keys = engine.collection();
    keys.insertAll(List.of(0, 1, 2, 3));
    LongComputed joined = items.join(keys, x -> x % 4, k -> k).count();
    double[] seenSum = new double[1];
    engine.observe(sum, value -> seenSum[0] = value);
    return v -> {
      items.insert(v);
      if (v > LIVE) {
        items.delete(v - LIVE);
      }
      int lo = Math.max(1, v - LIVE + 1);
      long live = v - lo + 1;
      check("collection count of evens", evens.getAsLong(), v / 2 - (lo - 1) / 2);
      check("collection sum, observed", seenSum[0], (double) (lo + v) * live / 2);
      check("collection min", min.get().orElseThrow(), lo);
      check("collection sorted descending, first", descending.get(0), v);
      check("collection group of multiples of 3, count", thirds.getAsLong(),
          v / 3 - (lo - 1) / 3);
      return (int) check("collection join on x % 4, count", joined.getAsLong(), live);
    };
  }

  /**
   * The generated classes: {@link GenMixed}, and a chain, a clamp, a diamond, a dynamic choice and
   * a fan-out of the workloads' classes; the diamond observed through a node that reads it.
   */
  private static IntUnaryOperator generated(Engine engine) {
    IncrGenMixed mixed = new IncrGenMixed(engine);
    IncrGenChainInput input = new IncrGenChainInput(engine);
    IntValue previous = input;
    for (int i = 0; i < 3; i++) {
      previous = new IncrGenChainLink(engine, previous);
    }
    IntValue chainTop = previous;
    IncrGenClamp clamp = new IncrGenClamp(engine);
    IntValue clampTop = new IncrGenChainLink(engine, clamp);
    IncrGenDiamond diamond = new IncrGenDiamond(engine);
    IncrGenDynamic dynamic = new IncrGenDynamic(engine);
    IncrGenFanSource source = new IncrGenFanSource(engine);
    IntValue[] nodes = new IntValue[4];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = new IncrGenFanNode(engine, source, i);
    }
    IntValue fanSum = new IncrGenFanSum(engine, nodes);
    IntComputed diamondBottom = engine.computedInt(() -> diamond.d());
    int[] seen = new int[1];
    engine.observe(diamondBottom, value -> seen[0] = value);
    return v -> {
      long count = v % 100;
      boolean discounted = v % 3 == 0;
      String name = v % 2 == 0 ? "a" : "bb";
      mixed.setCount(count);
      mixed.setName(name);
      mixed.setDiscounted(discounted);
      double total = count * 1.5 * (discounted ? 0.5 : 1);
      check("generated mixed total", mixed.total(), total);
      check("generated mixed rounded", mixed.rounded(), Math.round(total));
      check("generated mixed padded", mixed.padded(v % 4),
          (name + ":" + count).length() + v % 4);
      input.setInput(v);
      check("generated chain", chainTop.value(), v + 4);
      clamp.setX(CutoffBenchmark.LIMIT + v);
      check("generated clamp", clampTop.value(), CutoffBenchmark.LIMIT + 1);
      diamond.setA(v);
      check("generated diamond, observed", seen[0], 3 * v + 1);
      dynamic.setUseLeft(v % 2 == 0);
      dynamic.setX(v);
      dynamic.setY(v + 1);
      check("generated dynamic", dynamic.out(), v % 2 == 0 ? 2 * v : 3 * (v + 1));
      source.setA(v);
      int fanOut = fanSum.value();
      return (int) check("generated fan-out", fanOut, 4 * v + 6);
    };
  }
}
