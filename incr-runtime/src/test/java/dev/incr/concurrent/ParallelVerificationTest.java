package dev.incr.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.incr.Computed;
import dev.incr.CycleException;
import dev.incr.Engine;
import dev.incr.Var;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The nodes that a verification finds it must run on its way down (a stale dependency below the
 * node read) run outside the engine's lock too: each test needs such a run and another thread's
 * computation to be inside the engine at once to finish (every wait has a timeout, so an engine
 * that held its lock while they ran fails instead of hanging), or checks that a node met on a
 * verification's path by another thread is waited for and computed once.
 */
class ParallelVerificationTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(3);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private static void await(CountDownLatch latch, String what) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A chain top -> mid -> bottom over var {@code x} (values x * 10, + 1, + 1), each counting its
   * runs. Once {@link #arm}ed, bottom's next run signals {@link #bottomStarted}, waits for {@link
   * #gate}, then does {@code afterGate} before it returns.
   */
  private static final class GatedChain {
    final Var<Integer> x;
    final AtomicInteger bottomRuns = new AtomicInteger();
    final AtomicInteger midRuns = new AtomicInteger();
    final AtomicInteger topRuns = new AtomicInteger();
    volatile CountDownLatch bottomStarted = new CountDownLatch(0);
    volatile CountDownLatch gate = new CountDownLatch(0);
    final Computed<Integer> bottom;
    final Computed<Integer> mid;
    final Computed<Integer> top;

    GatedChain(Engine engine, String gateName, Runnable afterGate) {
      x = engine.var(1).label("x");
      bottom = engine.computed(() -> {
        bottomRuns.incrementAndGet();
        int v = x.get();
        bottomStarted.countDown();
        await(gate, gateName);
        afterGate.run();
        return v * 10;
      }).label("bottom");
      mid = engine.computed(() -> {
        midRuns.incrementAndGet();
        return bottom.get() + 1;
      }).label("mid");
      top = engine.computed(() -> {
        topRuns.incrementAndGet();
        return mid.get() + 1;
      }).label("top");
    }

    /** From now on, bottom's runs wait for the gate to open. */
    void arm() {
      bottomStarted = new CountDownLatch(1);
      gate = new CountDownLatch(1);
    }
  }

  /**
   * A stale chain top -> mid -> bottom: reading top verifies mid, which finds bottom must run.
   * bottom's run waits for a latch that only another thread's computation of an unrelated stale
   * node opens, so it finishes only if that computation can run while bottom's does.
   */
  @Test
  void aRunFoundDeepInAVerificationLetsAnotherThreadComputeMeanwhile() throws Exception {
    Engine engine = Engine.concurrent();
    GatedChain chain = new GatedChain(engine, "the other thread's computation", () -> { });
    Var<Integer> y = engine.var(1).label("y");
    AtomicInteger otherRuns = new AtomicInteger();
    Computed<Integer> other = engine.computed(() -> {
      otherRuns.incrementAndGet();
      int v = y.get();
      chain.gate.countDown();
      return v * 2;
    }).label("other");
    assertEquals(12, chain.top.get());
    assertEquals(2, other.get());

    chain.arm();
    engine.batch(() -> {
      chain.x.set(2);
      y.set(5);
    });
    Future<Integer> readTop = pool.submit(chain.top::get);
    await(chain.bottomStarted, "bottom's run");
    Future<Integer> readOther = pool.submit(other::get);
    assertEquals(10, readOther.get(20, TimeUnit.SECONDS));
    assertEquals(22, readTop.get(20, TimeUnit.SECONDS));
    assertEquals(2, chain.bottomRuns.get());
    assertEquals(2, chain.midRuns.get());
    assertEquals(2, chain.topRuns.get());
    assertEquals(2, otherRuns.get());
  }

  /**
   * A diamond top -> (m1, m2) -> x: the verification of top walks into m1 first and finds it must
   * run; m1's run waits for another thread's computation.
   */
  @Test
  void theFirstMiddleOfADiamondRunsOutsideTheLock() throws Exception {
    Engine engine = Engine.concurrent();
    Var<Integer> x = engine.var(1).label("x");
    Var<Integer> y = engine.var(1).label("y");
    CountDownLatch[] opened = {new CountDownLatch(0)};
    CountDownLatch[] m1Started = {new CountDownLatch(0)};
    AtomicInteger m1Runs = new AtomicInteger();
    AtomicInteger m2Runs = new AtomicInteger();
    AtomicInteger topRuns = new AtomicInteger();
    Computed<Integer> m1 = engine.computed(() -> {
      m1Runs.incrementAndGet();
      int v = x.get();
      m1Started[0].countDown();
      await(opened[0], "the other thread's computation");
      return v + 1;
    }).label("m1");
    Computed<Integer> m2 = engine.computed(() -> {
      m2Runs.incrementAndGet();
      return x.get() + 2;
    }).label("m2");
    Computed<Integer> top = engine.computed(() -> {
      topRuns.incrementAndGet();
      return m1.get() * 100 + m2.get();
    }).label("top");
    Computed<Integer> other = engine.computed(() -> {
      int v = y.get();
      opened[0].countDown();
      return -v;
    }).label("other");
    assertEquals(203, top.get());
    assertEquals(-1, other.get());

    opened[0] = new CountDownLatch(1);
    m1Started[0] = new CountDownLatch(1);
    engine.batch(() -> {
      x.set(5);
      y.set(7);
    });
    Future<Integer> readTop = pool.submit(top::get);
    await(m1Started[0], "m1's run");
    Future<Integer> readOther = pool.submit(other::get);
    assertEquals(-7, readOther.get(20, TimeUnit.SECONDS));
    assertEquals(607, readTop.get(20, TimeUnit.SECONDS));
    assertEquals(2, m1Runs.get());
    assertEquals(2, m2Runs.get());
    assertEquals(2, topRuns.get());
  }

  /**
   * A chain longer than the verification's recursion (so it walks an explicit stack): a run found
   * at the bottom of it still leaves the lock, and the walk goes on where it was once it returns.
   */
  @Test
  void aRunFoundAtTheBottomOfAnExplicitStackWalkLeavesTheLockToo() throws Exception {
    Engine engine = Engine.concurrent();
    Var<Integer> x = engine.var(1).label("x");
    Var<Integer> y = engine.var(1).label("y");
    CountDownLatch[] opened = {new CountDownLatch(0)};
    CountDownLatch[] bottomStarted = {new CountDownLatch(0)};
    AtomicInteger runs = new AtomicInteger();
    Computed<Integer> bottom = engine.computed(() -> {
      int v = x.get();
      bottomStarted[0].countDown();
      await(opened[0], "the other thread's computation");
      return v;
    }).label("bottom");
    Computed<Integer> node = bottom;
    int links = 5000;
    for (int i = 0; i < links; i++) {
      Computed<Integer> below = node;
      node = engine.computed(() -> {
        runs.incrementAndGet();
        return below.get() + 1;
      });
    }
    Computed<Integer> top = node;
    Computed<Integer> other = engine.computed(() -> {
      int v = y.get();
      opened[0].countDown();
      return v;
    }).label("other");
    assertEquals(1 + links, top.get());
    assertEquals(1, other.get());
    runs.set(0);

    opened[0] = new CountDownLatch(1);
    bottomStarted[0] = new CountDownLatch(1);
    engine.batch(() -> {
      x.set(2);
      y.set(3);
    });
    Future<Integer> readTop = pool.submit(top::get);
    await(bottomStarted[0], "bottom's run");
    Future<Integer> readOther = pool.submit(other::get);
    assertEquals(3, readOther.get(20, TimeUnit.SECONDS));
    assertEquals(2 + links, readTop.get(60, TimeUnit.SECONDS));
    assertEquals(links, runs.get(), "every link re-ran once");
  }

  /**
   * While one thread's verification of top is out running bottom, another thread reads bottom,
   * mid (on the first thread's path, being verified) and top: each waits for that node, and every
   * node runs once.
   */
  @Test
  void nodesOnAVerificationsPathAreWaitedForAndComputedOnce() throws Exception {
    Engine engine = Engine.concurrent();
    GatedChain chain = new GatedChain(engine, "the test", () -> { });
    assertEquals(12, chain.top.get());

    chain.arm();
    chain.x.set(3);
    Future<Integer> readTop = pool.submit(chain.top::get);
    await(chain.bottomStarted, "bottom's run");
    Future<Integer> readBottom = pool.submit(chain.bottom::get);
    Future<Integer> readMid = pool.submit(chain.mid::get);
    Thread.sleep(100); // both readers get as far as waiting
    assertTrue(!readBottom.isDone() && !readMid.isDone(), "they wait for the first thread's run");
    chain.gate.countDown();
    assertEquals(32, readTop.get(20, TimeUnit.SECONDS));
    assertEquals(30, readBottom.get(20, TimeUnit.SECONDS));
    assertEquals(31, readMid.get(20, TimeUnit.SECONDS));
    assertEquals(2, chain.bottomRuns.get(), "bottom computed once for both threads");
    assertEquals(2, chain.midRuns.get(), "mid computed once for both threads");
    assertEquals(2, chain.topRuns.get());
  }

  /**
   * One thread's verification of top is out running bottom, whose new run reads side; another
   * thread is running side, which reads mid, on the first thread's path: the dependencies close a
   * cycle through the verification, and both reads end with a CycleException instead of waiting
   * for each other.
   */
  @Test
  void aCycleThroughANodeBeingVerifiedByAnotherThreadIsReportedNotAHang() throws Exception {
    Engine engine = Engine.concurrent();
    Var<Integer> x = engine.var(1).label("x");
    Var<Boolean> closed = engine.var(false).label("closed");
    CountDownLatch[] bothRunning = {new CountDownLatch(0)};
    Computed<Integer>[] side = newArray(1);
    Computed<Integer> bottom = engine.computed(() -> {
      int v = x.get();
      if (closed.get()) {
        bothRunning[0].countDown();
        await(bothRunning[0], "side's run");
        return v + side[0].get();
      }
      return v;
    }).label("bottom");
    Computed<Integer> mid = engine.computed(() -> bottom.get() + 1).label("mid");
    Computed<Integer> top = engine.computed(() -> mid.get() + 1).label("top");
    side[0] = engine.computed(() -> {
      int v = x.get();
      if (closed.get()) {
        bothRunning[0].countDown();
        await(bothRunning[0], "bottom's run");
        return v + mid.get();
      }
      return v;
    }).label("side");
    assertEquals(3, top.get());
    assertEquals(1, side[0].get());

    bothRunning[0] = new CountDownLatch(2);
    closed.set(true);
    Future<Integer> readTop = pool.submit(top::get);
    Future<Integer> readSide = pool.submit(side[0]::get);
    for (Future<Integer> read : List.of(readTop, readSide)) {
      try {
        read.get(20, TimeUnit.SECONDS);
        fail("no CycleException");
      } catch (ExecutionException e) {
        CycleException cycle = assertInstanceOf(CycleException.class, e.getCause());
        assertTrue(cycle.cycle().contains("side"), cycle.cycle().toString());
      }
    }
  }

  /**
   * A write while a run found deep in a verification is outside the lock: the write does not wait
   * for it; the run is abandoned at its next read, the verification of the nodes above it is
   * abandoned with it (they stay as they were), and the get() starts over at the new revision,
   * running each node once there.
   */
  @Test
  void aWriteCancelsARunFoundDeepInAVerificationAndTheReadStartsOver() throws Exception {
    Engine engine = Engine.concurrent();
    Var<Integer> tick = engine.var(0).label("tick");
    // The next read after the write: the run is abandoned there.
    GatedChain chain = new GatedChain(engine, "the write", tick::get);
    assertEquals(12, chain.top.get());

    chain.arm();
    chain.x.set(2);
    Future<Integer> readTop = pool.submit(chain.top::get);
    await(chain.bottomStarted, "bottom's run");
    long start = System.nanoTime();
    chain.x.set(3);
    long writeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    chain.gate.countDown();
    assertEquals(32, readTop.get(20, TimeUnit.SECONDS), "the read sees the new revision");
    assertTrue(writeMillis < 1_000, "the write waited " + writeMillis + " ms for the run");
    assertEquals(3, chain.bottomRuns.get(), "bottom: the first run, the abandoned one, one at the"
        + " new revision");
    assertEquals(2, chain.midRuns.get(), "mid ran once, at the new revision");
    assertEquals(2, chain.topRuns.get(), "top ran once, at the new revision");
    assertEquals(0, engine.stats().failures(), "a cancelled run is not a failure");
    assertEquals(32, chain.top.get());
    assertEquals(3, chain.bottomRuns.get(), "nothing left stale");
  }

  @SuppressWarnings("unchecked")
  private static Computed<Integer>[] newArray(int n) {
    return (Computed<Integer>[]) new Computed<?>[n];
  }
}
