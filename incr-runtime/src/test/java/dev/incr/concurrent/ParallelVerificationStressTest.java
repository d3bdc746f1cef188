package dev.incr.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several threads read a layered graph at once after each write, so that their verifications meet
 * each other's paths and runs on every layer: every value agrees with the graph computed from
 * scratch, and no node runs twice for one write (two threads that need it compute it once, whether
 * they met it as the node read, deep in a verification, or in a computation's read).
 */
class ParallelVerificationStressTest {

  static final int VARS = 4;
  static final int LAYERS = 5;
  static final int WIDTH = 5;
  static final int THREADS = 4;
  static final int ROUNDS = 2_000;

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  /** One node of the graph: what it reads and how, so that the oracle can compute it too. */
  private record Shape(int[] reads, boolean branches) {}

  /**
   * The graph the tests read: layer 0 reads vars; layer k reads two or three nodes of layer k - 1
   * (a branching node reads its second operand only when the first is even, so its dependencies
   * change). Every node counts its runs; every {@code yieldEvery}-th yields in its run, to let
   * other threads in while it is outside the lock.
   */
  private static final class LayeredGraph {
    final List<Var<Integer>> vars = new ArrayList<>();
    final Shape[] shapes = new Shape[LAYERS * WIDTH];
    final List<Computed<Integer>> nodes = new ArrayList<>();
    final AtomicIntegerArray runs = new AtomicIntegerArray(LAYERS * WIDTH);

    LayeredGraph(Engine engine, Random random, int yieldEvery) {
      for (int i = 0; i < VARS; i++) {
        vars.add(engine.var(0).label("v" + i));
      }
      for (int layer = 0; layer < LAYERS; layer++) {
        for (int j = 0; j < WIDTH; j++) {
          int id = layer * WIDTH + j;
          int below = layer == 0 ? VARS : WIDTH;
          int[] reads = new int[2 + random.nextInt(2)];
          for (int k = 0; k < reads.length; k++) {
            reads[k] = random.nextInt(below);
          }
          Shape shape = new Shape(reads, random.nextInt(3) == 0);
          shapes[id] = shape;
          int first = layer == 0 ? -1 : (layer - 1) * WIDTH;
          nodes.add(engine.computed(() -> {
            runs.incrementAndGet(id);
            if (id % yieldEvery == 0) {
              Thread.yield();
            }
            return evaluate(shape, first, vars, nodes);
          }).label("n" + id));
        }
      }
    }
  }

  @Test
  void readersOnManyThreadsComputeEachStaleNodeOnceAndAgreeWithTheOracle() throws Exception {
    Random random = new Random(20261206L);
    Engine engine = Engine.concurrent();
    int[] inputs = new int[VARS];
    LayeredGraph graph = new LayeredGraph(engine, random, 3);
    List<Var<Integer>> vars = graph.vars;
    int count = LAYERS * WIDTH;
    Shape[] shapes = graph.shapes;
    List<Computed<Integer>> nodes = graph.nodes;
    AtomicIntegerArray runs = graph.runs;

    CyclicBarrier start = new CyclicBarrier(THREADS);
    for (int round = 0; round < ROUNDS; round++) {
      int changed = random.nextInt(VARS);
      int value = random.nextInt(7);
      inputs[changed] = value;
      vars.get(changed).set(value);
      int[] expected = oracle(shapes, inputs);
      for (int i = 0; i < count; i++) {
        runs.set(i, 0);
      }
      List<Future<Void>> readers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        long seed = random.nextLong();
        readers.add(pool.submit(() -> {
          Random order = new Random(seed);
          start.await(10, TimeUnit.SECONDS);
          // Mostly reads of the top layers, whose verifications walk down through the rest.
          for (int k = 0; k < 6; k++) {
            int id = count - 1 - order.nextInt(k < 3 ? WIDTH : count);
            assertEquals(expected[id], nodes.get(id).get(), "n" + id);
          }
          return null;
        }));
      }
      for (Future<Void> reader : readers) {
        reader.get(30, TimeUnit.SECONDS);
      }
      for (int i = 0; i < count; i++) {
        assertTrue(runs.get(i) <= 1, "round " + round + ": n" + i + " ran " + runs.get(i)
            + " times for one write");
      }
    }
  }

  /**
   * The same graph read while a writer keeps writing: computations of old revisions are cancelled
   * in the middle of verifications, and once the writer stops every node agrees with the oracle.
   */
  @Test
  void verificationsCancelledByWritesInTheMiddleLeaveNothingBehind() throws Exception {
    Random random = new Random(7L);
    Engine engine = Engine.concurrent();
    LayeredGraph graph = new LayeredGraph(engine, random, 1);
    List<Var<Integer>> vars = graph.vars;
    int count = LAYERS * WIDTH;
    Shape[] shapes = graph.shapes;
    List<Computed<Integer>> nodes = graph.nodes;
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Future<Void>> readers = new ArrayList<>();
    for (int t = 0; t < THREADS - 1; t++) {
      long seed = random.nextLong();
      readers.add(pool.submit(() -> {
        Random order = new Random(seed);
        while (writing.get()) {
          nodes.get(count - 1 - order.nextInt(count)).get();
        }
        return null;
      }));
    }
    int[] inputs = new int[VARS];
    for (int w = 0; w < 3_000; w++) {
      int changed = random.nextInt(VARS);
      inputs[changed] = random.nextInt(7);
      vars.get(changed).set(inputs[changed]);
    }
    writing.set(false);
    for (Future<Void> reader : readers) {
      reader.get(30, TimeUnit.SECONDS);
    }
    int[] expected = oracle(shapes, inputs);
    for (int id = 0; id < count; id++) {
      assertEquals(expected[id], nodes.get(id).get(), "n" + id);
    }
  }

  private static int combine(Shape shape, int[] values) {
    int result = 0;
    for (int k = 0; k < values.length; k++) {
      result = (result * 31 + values[k]) % 1_000_003;
    }
    return shape.branches() ? result + 1 : result;
  }

  /** Every node computed from scratch, layer by layer. */
  private static int[] oracle(Shape[] shapes, int[] inputs) {
    int[] values = new int[shapes.length];
    for (int id = 0; id < shapes.length; id++) {
      Shape shape = shapes[id];
      int layer = id / WIDTH;
      int[] read = new int[shape.reads().length];
      for (int k = 0; k < read.length; k++) {
        if (shape.branches() && k > 0 && read[0] % 2 != 0) {
          break;
        }
        read[k] = layer == 0 ? inputs[shape.reads()[k]]
            : values[(layer - 1) * WIDTH + shape.reads()[k]];
      }
      values[id] = combine(shape, read);
    }
    return values;
  }

  /**
   * A node's function: reads what its shape says (vars when {@code first} is negative, else the
   * nodes of the layer below, which starts at {@code first}), stopping after the first read if it
   * branches and that value is odd, and combines the values.
   */
  private static int evaluate(Shape shape, int first, List<Var<Integer>> vars,
      List<Computed<Integer>> nodes) {
    int[] values = new int[shape.reads().length];
    for (int k = 0; k < values.length; k++) {
      if (shape.branches() && k > 0 && values[0] % 2 != 0) {
        break;
      }
      values[k] = first < 0 ? vars.get(shape.reads()[k]).get()
          : nodes.get(first + shape.reads()[k]).get();
    }
    return combine(shape, values);
  }
}
