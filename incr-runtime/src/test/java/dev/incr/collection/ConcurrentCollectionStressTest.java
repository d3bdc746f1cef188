package dev.incr.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.IncrCollection;
import dev.incr.Pair;
import dev.incr.SortedCollection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Readers against a writer on the concurrent engine. Every batch moves value between two elements
 * (delete x and y, insert x + 1 and y - 1), so the count and the total never change: a read that
 * saw half a batch, or a stage caught mid-update, would break that.
 */
class ConcurrentCollectionStressTest {

  static final int ELEMENTS = 200;
  static final int BATCHES = 4_000;

  @Test
  void readersNeverSeeHalfABatch() throws InterruptedException {
    Engine engine = Engine.concurrent();
    IncrCollection<Integer> xs = engine.collection();
    for (int i = 0; i < ELEMENTS; i++) {
      xs.insert(i * 10);
    }
    long total = (long) ELEMENTS * (ELEMENTS - 1) / 2 * 10;
    Computed<Long> count = xs.count();
    Computed<Long> sum = xs.reduce(0L, (a, x) -> a + x, (a, x) -> a - x);
    SortedCollection<Integer> sorted = xs.sortBy(x -> x);
    IncrCollection<Pair<Integer, Integer>> pairs = sorted.pairwise();
    Computed<Long> groupedTotal =
        xs.groupBy(x -> Math.floorMod(x, 7))
            .count()
            .reduce(0L, (a, p) -> a + p.second(), (a, p) -> a - p.second());
    Computed<String> both = engine.computed(() -> count.get() + "/" + sum.get());

    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    AtomicBoolean done = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(3);
    Runnable reader =
        () -> {
          started.countDown();
          try {
            while (!done.get()) {
              assertEquals(ELEMENTS + "/" + total, both.get());
              List<Integer> entries = sorted.entries();
              assertEquals(ELEMENTS, entries.size());
              assertEquals(total, entries.stream().mapToLong(x -> x).sum());
              for (int i = 1; i < entries.size(); i++) {
                assertTrue(entries.get(i - 1) <= entries.get(i), "sorted");
              }
              assertEquals(ELEMENTS - 1, pairs.toList().size());
              assertEquals(ELEMENTS, groupedTotal.get());
              int i = entries.size() / 2;
              Integer middle = sorted.get(i);
              assertTrue(middle != null);
            }
          } catch (Throwable t) {
            failures.add(t);
          }
        };
    Thread r1 = new Thread(reader);
    Thread r2 = new Thread(reader);
    Thread writer =
        new Thread(
            () -> {
              started.countDown();
              try {
                int[] values = new int[ELEMENTS];
                for (int i = 0; i < ELEMENTS; i++) {
                  values[i] = i * 10;
                }
                for (int b = 0; b < BATCHES; b++) {
                  int i = b % ELEMENTS;
                  int j = (b * 7 + 3) % ELEMENTS;
                  if (i == j) {
                    continue;
                  }
                  int x = values[i];
                  int y = values[j];
                  engine.batch(
                      () -> {
                        xs.delete(x);
                        xs.delete(y);
                        xs.insert(x + 1);
                        xs.insert(y - 1);
                      });
                  values[i] = x + 1;
                  values[j] = y - 1;
                }
              } catch (Throwable t) {
                failures.add(t);
              } finally {
                done.set(true);
              }
            });
    r1.start();
    r2.start();
    writer.start();
    writer.join();
    r1.join();
    r2.join();
    if (!failures.isEmpty()) {
      AssertionError e = new AssertionError("concurrent reads failed: " + failures.peek());
      failures.forEach(e::addSuppressed);
      throw e;
    }
    assertEquals(ELEMENTS + "/" + total, both.get());
  }

  @Test
  void pipelinesBuiltWhileAWriterRunsSeeWholeBatches() throws InterruptedException {
    Engine engine = Engine.concurrent();
    IncrCollection<Integer> xs = engine.collection();
    for (int i = 0; i < ELEMENTS; i++) {
      xs.insert(i * 10);
    }
    long total = (long) ELEMENTS * (ELEMENTS - 1) / 2 * 10;
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    AtomicBoolean done = new AtomicBoolean();
    Runnable builder =
        () -> {
          try {
            for (int round = 0; !done.get(); round++) {
              // A new pipeline each round: it subscribes while the writer keeps writing.
              int modulus = 2 + round % 5;
              SortedCollection<Integer> sorted = xs.filter(x -> true).sortBy(x -> x % modulus);
              Computed<Long> count = sorted.window(2).count();
              Computed<Long> sum = sorted.map(x -> (long) x).reduce(0L, Long::sum, (a, x) -> a - x);
              Computed<String> both = engine.computed(() -> count.get() + "/" + sum.get());
              for (int k = 0; k < 20; k++) {
                assertEquals((ELEMENTS - 1) + "/" + total, both.get());
              }
            }
          } catch (Throwable t) {
            failures.add(t);
          }
        };
    Thread b1 = new Thread(builder);
    Thread b2 = new Thread(builder);
    b1.start();
    b2.start();
    int[] values = new int[ELEMENTS];
    for (int i = 0; i < ELEMENTS; i++) {
      values[i] = i * 10;
    }
    try {
      for (int b = 0; b < BATCHES; b++) {
        int i = b % ELEMENTS;
        int j = (b * 7 + 3) % ELEMENTS;
        if (i == j) {
          continue;
        }
        int x = values[i];
        int y = values[j];
        engine.batch(
            () -> {
              xs.delete(x);
              xs.delete(y);
              xs.insert(x + 1);
              xs.insert(y - 1);
            });
        values[i] = x + 1;
        values[j] = y - 1;
      }
    } finally {
      done.set(true);
    }
    b1.join();
    b2.join();
    if (!failures.isEmpty()) {
      AssertionError e = new AssertionError("concurrent builders failed: " + failures.peek());
      failures.forEach(e::addSuppressed);
      throw e;
    }
  }
}
