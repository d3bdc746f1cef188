package dev.incr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.support.QueryMemo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The bytes {@link Engine#footprint(Node[])} computes from field layouts, checked against the heap:
 * the growth of the used heap, after full collections, when many nodes are made and kept. The
 * program's own objects (the values, the shared functions, the array keeping the nodes) are made
 * before the first measurement, so that the growth is the engine's alone; the figures must agree
 * within 15%.
 */
class FootprintMeasurementTest {

  private static final int N = 40_000;
  private static final double TOLERANCE = 0.15;
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  @Test
  void primitiveVars() {
    Engine engine = Engine.singleThreaded();
    Node<?>[] keep = new Node<?>[N];
    long before = usedAfterGc();
    for (int i = 0; i < N; i++) {
      keep[i] = engine.intVar(i);
    }
    check("IntVar", engine.footprint(keep).bytes(), usedAfterGc() - before);
    Reference.reachabilityFence(keep);
  }

  @Test
  void boxedComputedsWithDependencyArrays() {
    Engine engine = Engine.singleThreaded();
    Var<Integer> a = engine.var(1);
    Var<Integer> b = engine.var(2);
    Supplier<Integer> sum = () -> a.get() + b.get();
    Node<?>[] keep = new Node<?>[N];
    long before = usedAfterGc();
    for (int i = 0; i < N; i++) {
      Computed<Integer> c = engine.computed(sum);
      c.get();
      keep[i] = c;
    }
    MemoryFootprint f = engine.footprint(keep);
    assertTrue(f.dependencyBytes() > 0);
    // The two vars were made before the first measurement.
    long vars = engine.footprint(a, b).bytes();
    check("computed reading two vars", f.bytes() - vars, usedAfterGc() - before);
    Reference.reachabilityFence(keep);
  }

  @Test
  void observedComputeds() {
    Engine engine = Engine.concurrent();
    IntVar input = engine.intVar(1);
    IntSupplier read = input::getAsInt;
    java.util.function.Consumer<Integer> listener = v -> { };
    Node<?>[] keep = new Node<?>[N];
    Observation[] observations = new Observation[N];
    long before = usedAfterGc();
    for (int i = 0; i < N; i++) {
      IntComputed c = engine.computedInt(read);
      observations[i] = engine.observe(c, listener);
      keep[i] = c;
    }
    MemoryFootprint f = engine.footprint(keep);
    assertTrue(f.necessityBytes() > f.nodeBytes() / 2, f.toString());
    check("observed computedInt", f.bytes(), usedAfterGc() - before);
    Reference.reachabilityFence(keep);
    Reference.reachabilityFence(observations);
  }

  @Test
  void memoEntries() {
    Engine engine = Engine.singleThreaded();
    Var<Integer> base = engine.var(1);
    Integer[] keys = new Integer[N];
    for (int i = 0; i < N; i++) {
      keys[i] = 1_000 + i;
    }
    Supplier<Integer> read = base::get;
    QueryMemo<Integer> memo = new QueryMemo<>(engine, "q", N / 2);
    long empty = engine.footprint().bytes();
    long before = usedAfterGc();
    for (Integer key : keys) {
      memo.get(key, read);
    }
    long measured = usedAfterGc() - before;
    MemoryFootprint f = engine.footprint();
    assertTrue(f.memoEntries() == N / 2 && f.computeds() == N / 2, f.toString());
    // The var the entries read was made before the first measurement.
    Engine other = Engine.singleThreaded();
    long var = other.footprint(other.var(1)).bytes();
    // Each entry's node carries a label made from its key, a string that the footprint leaves to
    // the program: measured apart, by making and keeping the same strings.
    String[] labels = new String[N / 2];
    long beforeLabels = usedAfterGc();
    for (int i = 0; i < labels.length; i++) {
      labels[i] = "q(" + keys[N / 2 + i] + ")";
    }
    long labelBytes = usedAfterGc() - beforeLabels;
    Reference.reachabilityFence(labels);
    check("bounded memo entry", f.bytes() - empty - var, measured - labelBytes);
    Reference.reachabilityFence(memo);
    Reference.reachabilityFence(keys);
  }

  private static void check(String what, long computed, long measured) {
    int n = what.contains("memo") ? N / 2 : N;
    double ratio = computed / (double) measured;
    System.out.printf("footprint of %d x %s: computed %d bytes (%.1f per node), measured %d"
        + " (%.1f per node), ratio %.3f%n", n, what, computed, computed / (double) n, measured,
        measured / (double) n, ratio);
    assertTrue(Math.abs(ratio - 1) <= TOLERANCE, what + ": computed " + computed
        + " bytes, the heap grew by " + measured);
  }

  private static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
