package dev.incr.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.IntVar;
import dev.incr.Node;
import dev.incr.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Four readers against one writer whose batches keep {@code a + b == 100}. A torn read (a derived
 * value computed over {@code a} from one batch and {@code b} from another) breaks the invariant.
 */
class ReadersVersusWriterStressTest {

  static final int BATCHES = 20_000;
  static final int READERS = 4;

  @Test
  void noDerivedValueEverMixesInputsFromTwoBatches() throws Exception {
    readersAgainstWriter(false);
  }

  /** The same with both derived nodes observed: kept up to date by the writer, read lock-free. */
  @Test
  void noObservedValueEverMixesInputsFromTwoBatches() throws Exception {
    readersAgainstWriter(true);
  }

  /** The same graph of primitive nodes (IntVar, IntComputed), read unboxed. */
  @Test
  void noPrimitiveDerivedValueEverMixesInputsFromTwoBatches() throws Exception {
    readersAgainstWriter(false, true);
  }

  @Test
  void noObservedPrimitiveValueEverMixesInputsFromTwoBatches() throws Exception {
    readersAgainstWriter(true, true);
  }

  private void readersAgainstWriter(boolean observed) throws Exception {
    readersAgainstWriter(observed, false);
  }

  private void readersAgainstWriter(boolean observed, boolean primitive) throws Exception {
    Engine engine = Engine.concurrent();
    Var<Integer> a = primitive ? engine.intVar(50).label("a") : engine.var(50).label("a");
    Var<Integer> b = primitive ? engine.intVar(50).label("b") : engine.var(50).label("b");
    Computed<Integer> sum = computed(engine, primitive, () -> read(a) + read(b)).label("sum");
    Computed<Integer> difference =
        computed(engine, primitive, () -> read(a) - read(b)).label("difference");
    // Reads a and b through two levels, with a dependency that switches branches.
    Computed<Integer> viaDifference = computed(engine, primitive, () -> {
      int d = read(difference);
      return d >= 0 ? (d + 2 * read(b)) : (2 * read(a) - d);
    }).label("viaDifference");
    List<Integer> observedSums = new CopyOnWriteArrayList<>();
    if (observed) {
      engine.observe(sum, observedSums::add);
      engine.observe(viaDifference, observedSums::add);
    }

    List<String> violations = new CopyOnWriteArrayList<>();
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong reads = new AtomicLong();
    CountDownLatch started = new CountDownLatch(READERS);
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < READERS; r++) {
      Thread reader = new Thread(() -> {
        started.countDown();
        while (!done.get()) {
          int s = read(sum);
          if (s != 100) {
            violations.add("sum = " + s);
          }
          int v = read(viaDifference);
          // d >= 0: (a - b) + 2b = a + b; d < 0: 2a - (a - b) = a + b.
          if (v != 100) {
            violations.add("viaDifference = " + v);
          }
          reads.addAndGet(2);
        }
      }, "reader-" + r);
      reader.start();
      readers.add(reader);
    }
    started.await();
    for (int i = 0; i < BATCHES; i++) {
      int x = (i * 37) % 101;
      engine.batch(() -> {
        set(a, x);
        set(b, 100 - x);
      });
    }
    done.set(true);
    for (Thread reader : readers) {
      reader.join(TimeUnit.SECONDS.toMillis(30));
    }
    assertEquals(List.of(), violations.subList(0, Math.min(10, violations.size())));
    assertTrue(reads.get() > 0);
    assertEquals(100, sum.get());
    assertEquals(List.of(), observedSums, "an observed value changed: some batch was torn");
  }

  private static Computed<Integer> computed(Engine engine, boolean primitive,
      IntSupplier function) {
    return primitive ? engine.computedInt(function) : engine.computed(function::getAsInt);
  }

  /** Reads a node, unboxed where it is primitive. */
  private static int read(Node<Integer> node) {
    return node instanceof IntSupplier ? ((IntSupplier) node).getAsInt() : node.get();
  }

  private static void set(Var<Integer> var, int value) {
    if (var instanceof IntVar) {
      ((IntVar) var).set(value);
    } else {
      var.set(value);
    }
  }

  @Test
  void observersSeeEachChangeOnceInRevisionOrder() throws Exception {
    Engine engine = Engine.concurrent();
    Var<Integer> counter = engine.var(0);
    Computed<Integer> doubled = engine.computed(() -> counter.get() * 2);
    List<Integer> seen = new CopyOnWriteArrayList<>();
    engine.observe(doubled, seen::add);
    int writers = 3;
    int perWriter = 2_000;
    Object turn = new Object();
    List<Thread> threads = new ArrayList<>();
    AtomicLong next = new AtomicLong(1);
    for (int w = 0; w < writers; w++) {
      Thread t = new Thread(() -> {
        for (int i = 0; i < perWriter; i++) {
          // Writers race, but each increments, so values observed must strictly increase.
          synchronized (turn) {
            counter.set((int) next.getAndIncrement());
          }
        }
      });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    int total = writers * perWriter;
    // Every delivery happened on some writer thread before its set returned or on a later one.
    assertEquals(total, seen.size());
    for (int i = 0; i < total; i++) {
      assertEquals(2 * (i + 1), seen.get(i), "delivery " + i);
    }
  }

  @Test
  void racingWritersLeaveDeliveriesToOneThreadAtATimeAndNoneIsLostOrRepeated() throws Exception {
    Engine engine = Engine.concurrent();
    Var<Integer> counter = engine.var(0);
    Computed<Integer> doubled = engine.computed(() -> counter.get() * 2);
    List<Integer> seen = new ArrayList<>(); // guarded by "one delivering thread at a time"
    AtomicInteger inListener = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    engine.observe(doubled, value -> {
      if (inListener.incrementAndGet() != 1) {
        overlaps.incrementAndGet();
      }
      seen.add(value);
      Thread.onSpinWait();
      inListener.decrementAndGet();
    });
    int writers = 3;
    int perWriter = 3_000;
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      Thread t = new Thread(() -> {
        for (int i = 0; i < perWriter; i++) {
          engine.batch(() -> counter.set(counter.get() + 1)); // each batch one increment
        }
      });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(0, overlaps.get(), "two threads delivered at once");
    int total = writers * perWriter;
    assertEquals(total, seen.size(), "every change delivered once, by the time writers return");
    for (int i = 0; i < total; i++) {
      assertEquals(2 * (i + 1), seen.get(i), "delivery " + i);
    }
  }

  @Test
  void twoThreadsAskingForTheSameStaleNodeComputeItOnce() throws Exception {
    Engine engine = Engine.concurrent();
    Var<Integer> input = engine.var(0);
    AtomicLong runs = new AtomicLong();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Computed<Integer> slow = engine.computed(() -> {
      runs.incrementAndGet();
      int v = input.get();
      inside.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return v + 1;
    });
    int[] results = new int[2];
    Thread first = new Thread(() -> results[0] = slow.get());
    first.start();
    inside.await();
    Thread second = new Thread(() -> results[1] = slow.get());
    second.start();
    // The second reader waits for the first computation instead of starting its own.
    Thread.sleep(50);
    release.countDown();
    first.join();
    second.join();
    assertEquals(1, results[0]);
    assertEquals(1, results[1]);
    assertEquals(1, runs.get());
  }
}
