package dev.incr.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.IntComputed;
import dev.incr.IntVar;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A writer whose batches keep {@code a == b} reads inside its own batches, between its two writes,
 * while other threads read: the writer must see its own writes ({@code diff == -1} in the middle of
 * a batch), and nobody else may ever see a value computed in the middle of one ({@code diff} is 0
 * at every revision), however the reads interleave.
 */
class BatchAtomicityStressTest {

  static final long READS = 10_000_000L;
  /** Long enough for many thousands of batches to interleave with the reads. */
  static final long MIN_NANOS = TimeUnit.SECONDS.toNanos(4);
  static final int READERS = 2;

  @Test
  void readsInsideBatchesAreNeverSeenByOtherThreads() throws Exception {
    Engine engine = Engine.concurrent();
    IntVar a = engine.intVar(0).label("a");
    IntVar b = engine.intVar(0).label("b");
    IntComputed cb = engine.computedInt(b::getAsInt).label("cb");
    // Always 0 at every revision: each batch sets a and b to the same value.
    IntComputed diff = engine.computedInt(() -> cb.getAsInt() - a.getAsInt()).label("diff");
    Computed<Long> boxed = engine.computed(() -> (long) a.getAsInt() - b.getAsInt()).label("boxed");
    Computed<Boolean> equal = engine.computed(() -> diff.getAsInt() == 0 && boxed.get() == 0);
    // Odd only in the middle of a batch, which writes it twice.
    IntVar parity = engine.intVar(0).label("parity");

    List<String> violations = new CopyOnWriteArrayList<>();
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong reads = new AtomicLong();
    List<Thread> readers = new ArrayList<>();
    long start = System.nanoTime();
    for (int r = 0; r < READERS; r++) {
      Thread reader = new Thread(() -> {
        long local = 0;
        while (local < READS / READERS || System.nanoTime() - start < MIN_NANOS) {
          int d = diff.getAsInt();
          long x = boxed.get();
          boolean same = equal.get();
          int p = parity.getAsInt();
          if (d != 0 || x != 0 || !same || p % 2 != 0) {
            violations.add("diff = " + d + ", boxed = " + x + ", equal = " + same
                + ", parity = " + p);
          }
          local += 4;
        }
        reads.addAndGet(local);
      }, "reader-" + r);
      reader.start();
      readers.add(reader);
    }
    Thread writer = new Thread(() -> {
      int i = 0;
      while (!done.get()) {
        int value = ++i;
        engine.batch(() -> {
          parity.set(2 * value - 1);
          a.set(value);
          if (value % 2 == 0) {
            // Read-your-writes: the writer sees a new and b old.
            int inside = diff.getAsInt();
            if (inside != -1) {
              violations.add("inside the batch, diff = " + inside);
            }
          }
          b.set(value);
          parity.set(2 * value);
          if (value % 3 == 0 && diff.getAsInt() != 0) {
            violations.add("inside the batch after both writes, diff != 0");
          }
        });
      }
    }, "writer");
    writer.start();
    for (Thread reader : readers) {
      reader.join(TimeUnit.SECONDS.toMillis(120));
    }
    done.set(true);
    writer.join(TimeUnit.SECONDS.toMillis(10));
    assertEquals(List.of(), violations.subList(0, Math.min(10, violations.size())),
        violations.size() + " torn reads");
    assertTrue(reads.get() >= READS, "reads: " + reads.get());
    assertEquals(0, diff.getAsInt());
    assertTrue(engine.revision() > 10_000, "the writer made few batches: " + engine.revision());
  }
}
