package dev.incr.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.Computed;
import dev.incr.CycleException;
import dev.incr.Engine;
import dev.incr.Var;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Computations of a concurrent engine run in parallel: each test below needs two computations to
 * be inside the engine at the same time to finish (every wait has a timeout, so a serialized
 * engine fails instead of hanging).
 */
class ParallelComputationTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(3);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  /** Waits for the other party at {@code barrier}; a timeout means the two never ran together. */
  private static void meet(CyclicBarrier barrier) {
    try {
      barrier.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the other computation never ran at the same time", e);
    }
  }

  @Test
  void twoStaleNodesAreComputedAtTheSameTimeOnTwoThreads() throws Exception {
    Engine engine = Engine.concurrent();
    Var<Integer> x = engine.var(1).label("x");
    CyclicBarrier barrier = new CyclicBarrier(2);
    AtomicInteger runs1 = new AtomicInteger();
    AtomicInteger runs2 = new AtomicInteger();
    Computed<Integer> c1 = engine.computed(() -> {
      runs1.incrementAndGet();
      int v = x.get();
      meet(barrier);
      return v + 1;
    }).label("c1");
    Computed<Integer> c2 = engine.computed(() -> {
      runs2.incrementAndGet();
      int v = x.get();
      meet(barrier);
      return v + 2;
    }).label("c2");
    Future<Integer> r1 = pool.submit(c1::get);
    Future<Integer> r2 = pool.submit(c2::get);
    assertEquals(2, r1.get(20, TimeUnit.SECONDS));
    assertEquals(3, r2.get(20, TimeUnit.SECONDS));
    assertEquals(1, runs1.get());
    assertEquals(1, runs2.get());

    // Again after a write: both re-run, in parallel, once each.
    x.set(10);
    r1 = pool.submit(c1::get);
    r2 = pool.submit(c2::get);
    assertEquals(11, r1.get(20, TimeUnit.SECONDS));
    assertEquals(12, r2.get(20, TimeUnit.SECONDS));
    assertEquals(2, runs1.get());
    assertEquals(2, runs2.get());
  }

  @Test
  void nodesReadInsideComputationsAreComputedInParallelAndASharedOneOnce() throws Exception {
    Engine engine = Engine.concurrent();
    Var<Integer> x = engine.var(1).label("x");
    CyclicBarrier barrier = new CyclicBarrier(2);
    CountDownLatch sharedStarted = new CountDownLatch(1);
    AtomicInteger sharedRuns = new AtomicInteger();
    AtomicInteger innerRuns = new AtomicInteger();
    Computed<Integer> shared = engine.computed(() -> {
      sharedRuns.incrementAndGet();
      sharedStarted.countDown();
      sleep(50); // the other thread asks for it meanwhile, and waits for this run
      return x.get() * 100;
    }).label("shared");
    Computed<Integer> inner1 = engine.computed(() -> {
      innerRuns.incrementAndGet();
      int s = shared.get();
      meet(barrier); // nested runs on two threads at once
      return s + 1;
    }).label("inner1");
    Computed<Integer> inner2 = engine.computed(() -> {
      innerRuns.incrementAndGet();
      int s = shared.get();
      meet(barrier);
      return s + 2;
    }).label("inner2");
    Computed<Integer> top1 = engine.computed(() -> inner1.get() * 2).label("top1");
    Computed<Integer> top2 = engine.computed(() -> inner2.get() * 2).label("top2");
    Future<Integer> r1 = pool.submit(top1::get);
    assertTrue(sharedStarted.await(10, TimeUnit.SECONDS));
    Future<Integer> r2 = pool.submit(top2::get);
    assertEquals(202, r1.get(20, TimeUnit.SECONDS));
    assertEquals(204, r2.get(20, TimeUnit.SECONDS));
    assertEquals(1, sharedRuns.get(), "needed by two threads, computed once");
    assertEquals(2, innerRuns.get());
  }

  @Test
  void aComputationMayWaitForAnotherThreadReadingTheSameEngine() throws Exception {
    Engine engine = Engine.concurrent();
    Var<Integer> x = engine.var(1).label("x");
    Var<Integer> y = engine.var(10).label("y");
    Computed<Integer> other = engine.computed(() -> y.get() * 2).label("other");
    Computed<Integer> c = engine.computed(() -> {
      try {
        return x.get() + pool.submit(other::get).get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).label("c");
    Computed<Integer> above = engine.computed(() -> c.get() + 1000).label("above");
    assertEquals(1021, above.get(), "c runs nested inside above's computation");
    // What another thread reads is not a dependency of c: only x is.
    y.set(20);
    x.set(2);
    assertEquals(42, c.get(), "c runs as the node a top-level read asked for");
    assertEquals(1042, above.get());
  }

  @Test
  void threadsWhoseComputationsWaitForEachOthersNodesGetACycleExceptionNotAHang()
      throws Exception {
    Engine engine = Engine.concurrent();
    Var<Integer> input = engine.var(1).label("input");
    CyclicBarrier bothRunning = new CyclicBarrier(2);
    AtomicInteger runs = new AtomicInteger();
    Computed<Integer>[] nodes = newArray(2);
    nodes[0] = engine.computed(() -> {
      int v = input.get();
      if (runs.incrementAndGet() <= 2) {
        meet(bothRunning); // the first runs of both, each on its own thread
      }
      return v + nodes[1].get();
    }).label("left");
    nodes[1] = engine.computed(() -> {
      int v = input.get();
      if (runs.incrementAndGet() <= 2) {
        meet(bothRunning);
      }
      return v + nodes[0].get();
    }).label("right");
    Future<Integer> left = pool.submit(nodes[0]::get);
    Future<Integer> right = pool.submit(nodes[1]::get);
    CycleException first = cycleOf(left);
    CycleException second = cycleOf(right);
    for (CycleException e : List.of(first, second)) {
      List<String> cycle = e.cycle();
      assertTrue(cycle.contains("left") && cycle.contains("right"), cycle.toString());
      assertEquals(cycle.get(0), cycle.get(cycle.size() - 1), cycle.toString());
    }
    // The engine stays usable: the outcome is kept, and reads on one thread agree.
    assertThrows(CycleException.class, nodes[0]::get);
  }

  private static CycleException cycleOf(Future<Integer> read) throws Exception {
    try {
      read.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return assertInstanceOf(CycleException.class, e.getCause());
    }
    throw new AssertionError("no CycleException");
  }

  @SuppressWarnings("unchecked")
  private static Computed<Integer>[] newArray(int n) {
    return (Computed<Integer>[]) new Computed<?>[n];
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
