package dev.incr.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.Cancelled;
import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.Var;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A write does not wait for computations of an older revision beyond their next read of a node:
 * there they are abandoned, and the get() that asked starts over at the new revision.
 */
class CancellationTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  /** About 100 ms of work that reads {@code tick} every millisecond, then returns {@code x}. */
  private static Computed<Integer> slow(Engine engine, Var<Integer> x, Var<Integer> tick,
      int factor, AtomicInteger runs, CountDownLatch started) {
    return engine.computed(() -> {
      runs.incrementAndGet();
      int base = x.get();
      started.countDown();
      for (int i = 0; i < 100; i++) {
        tick.get();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
      return base * factor;
    });
  }

  @Test
  void aWriteReturnsWithinMillisecondsWhileComputationsRunAndTheirReadersSeeTheNewRevision()
      throws Exception {
    Engine engine = Engine.concurrent();
    Var<Integer> x = engine.var(1).label("x");
    Var<Integer> tick = engine.var(0).label("tick");
    AtomicInteger runs1 = new AtomicInteger();
    AtomicInteger runs2 = new AtomicInteger();
    CountDownLatch started1 = new CountDownLatch(1);
    CountDownLatch started2 = new CountDownLatch(1);
    Computed<Integer> c1 = slow(engine, x, tick, 10, runs1, started1);
    Computed<Integer> c2 = slow(engine, x, tick, 100, runs2, started2);
    Future<Integer> r1 = pool.submit(c1::get);
    Future<Integer> r2 = pool.submit(c2::get);
    // Both computations run, at the same time, on two threads.
    assertTrue(started1.await(10, TimeUnit.SECONDS));
    assertTrue(started2.await(10, TimeUnit.SECONDS));

    long start = System.nanoTime();
    x.set(2);
    long writeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertEquals(20, r1.get(10, TimeUnit.SECONDS), "the first reader sees the new revision");
    assertEquals(200, r2.get(10, TimeUnit.SECONDS), "the second reader sees the new revision");
    assertTrue(writeMillis < 50, "the write waited " + writeMillis + " ms");
    assertEquals(2, runs1.get(), "c1: one abandoned run, one at the new revision");
    assertEquals(2, runs2.get(), "c2: one abandoned run, one at the new revision");
    assertEquals(0, engine.stats().failures(), "a cancelled run is not a failure");
    assertEquals(20, c1.get());
    assertEquals(2, runs1.get(), "nothing left stale");
  }

  @Test
  void checkCancelledIsTheCancellationPointOfALoopThatReadsNoNode() throws Exception {
    Engine engine = Engine.concurrent();
    Var<Integer> x = engine.var(1);
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    Computed<Integer> spinning = engine.computed(() -> {
      int base = x.get();
      if (runs.incrementAndGet() == 1) {
        started.countDown();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
          engine.checkCancelled(); // no node read in here
        }
      }
      return base;
    });
    Future<Integer> reader = pool.submit(spinning::get);
    assertTrue(started.await(10, TimeUnit.SECONDS));
    long start = System.nanoTime();
    x.set(7);
    long writeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(7, reader.get(10, TimeUnit.SECONDS));
    assertTrue(writeMillis < 1000, "the write waited " + writeMillis + " ms");
    assertEquals(2, runs.get());
  }

  @Test
  void aComputationThatSwallowsTheCancellationIsDiscardedAllTheSame() throws Exception {
    Engine engine = Engine.concurrent();
    Var<Integer> x = engine.var(1);
    Var<Integer> tick = engine.var(0);
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger swallowed = new AtomicInteger();
    Computed<Integer> careless = engine.computed(() -> {
      int base = x.get();
      started.countDown();
      try {
        for (int i = 0; i < 200; i++) {
          tick.get();
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
      } catch (RuntimeException e) {
        swallowed.incrementAndGet();
        return -1; // a result computed on an obsolete revision: must never be seen
      }
      return base;
    });
    Future<Integer> reader = pool.submit(careless::get);
    assertTrue(started.await(10, TimeUnit.SECONDS));
    x.set(5);
    assertEquals(5, reader.get(10, TimeUnit.SECONDS));
    assertEquals(1, swallowed.get());
    assertEquals(5, careless.get());
  }

  @Test
  void aComputationThatTurnsTheCancellationIntoAnotherExceptionIsDiscardedAllTheSame()
      throws Exception {
    Engine engine = Engine.concurrent();
    Var<Integer> x = engine.var(1);
    Var<Integer> tick = engine.var(0);
    CountDownLatch started = new CountDownLatch(1);
    Computed<Integer> wrapping = engine.computed(() -> {
      int base = x.get();
      started.countDown();
      try {
        for (int i = 0; i < 200; i++) {
          tick.get();
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException("wrapped", e);
      }
      return base;
    });
    Future<Integer> reader = pool.submit(wrapping::get);
    assertTrue(started.await(10, TimeUnit.SECONDS));
    x.set(5);
    assertEquals(5, reader.get(10, TimeUnit.SECONDS));
    assertEquals(0, engine.stats().failures());
  }

  @Test
  void aCancelledThrownByUserCodeIsAnOrdinaryFailure() {
    Engine engine = Engine.concurrent();
    Cancelled own = new Cancelled();
    Computed<Integer> failing = engine.computed(() -> {
      throw own;
    });
    assertSame(own, assertThrows(Cancelled.class, failing::get));
    assertEquals(1, engine.stats().failures());
  }

  @Test
  void checkCancelledDoesNothingOutsideComputationsOrOnTheSingleThreadedEngine() {
    Engine concurrent = Engine.concurrent();
    concurrent.checkCancelled();
    Engine single = Engine.singleThreaded();
    single.checkCancelled();
    Var<Integer> x = single.var(3);
    Computed<Integer> c = single.computed(() -> {
      single.checkCancelled();
      return x.get() + 1;
    });
    assertEquals(4, c.get());
    Var<Integer> y = concurrent.var(3);
    Computed<Integer> d = concurrent.computed(() -> {
      concurrent.checkCancelled();
      return y.get() + 1;
    });
    assertEquals(4, d.get());
  }

  @Test
  void aBatchAndThePushAfterAWriteAreNeverCancelled() throws Exception {
    Engine engine = Engine.concurrent();
    Var<Integer> x = engine.var(1);
    Var<Integer> tick = engine.var(0);
    AtomicInteger runs = new AtomicInteger();
    Computed<Integer> observed = engine.computed(() -> {
      runs.incrementAndGet();
      for (int i = 0; i < 20; i++) {
        tick.get();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
      return x.get();
    });
    AtomicInteger last = new AtomicInteger();
    engine.observe(observed, last::set);
    // Writers race: each write's push runs the observed node to completion, never cancelled.
    Future<?> other = pool.submit(() -> {
      for (int i = 0; i < 5; i++) {
        engine.batch(() -> tick.set(tick.get() + 1));
      }
    });
    for (int i = 2; i <= 6; i++) {
      x.set(i);
    }
    other.get(30, TimeUnit.SECONDS);
    assertEquals(6, observed.get());
    assertEquals(6, last.get());
    assertEquals(0, engine.stats().failures());
    assertEquals(11, runs.get(), "one run at observe, then one per write");
  }
}
