package dev.incr.processor;

import static dev.incr.processor.CompiledClasses.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.incr.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The end-to-end tests on {@link Engine#concurrent()}, plus readers racing a writer. */
class ConcurrentEndToEndTest extends EndToEndContract {

  private static final CompiledClasses BALANCED = CompiledClasses.compile(
      Compilations.source("e2e.Balanced",
          "package e2e;",
          "import dev.incr.annotations.Input;",
          "import dev.incr.annotations.Query;",
          "public abstract class Balanced {",
          "  @Input long debit;",
          "  @Input long credit;",
          "  @Query long imbalance() { return debit - credit; }", // direct field reads
          "  @Query long viaGetters(int unused) { return debit() - credit(); }",
          "  abstract long debit();",
          "  abstract long credit();",
          "}"));

  @Override
  Engine newEngine() {
    return Engine.concurrent();
  }

  @Test
  void readersNeverSeeHalfOfABatchOfSetterCalls() throws InterruptedException {
    Engine engine = newEngine();
    Object balanced = BALANCED.create("e2e.IncrBalanced", engine);
    int writes = 20_000;
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<String> torn = new AtomicReference<>();
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      int arg = r;
      Thread reader = new Thread(() -> {
        while (!done.get() && torn.get() == null) {
          long a = (Long) call(balanced, "imbalance");
          long b = (Long) call(balanced, "viaGetters", arg);
          if (a != 0 || b != 0) {
            torn.compareAndSet(null, "imbalance " + a + ", via getters " + b);
          }
        }
      });
      readers.add(reader);
      reader.start();
    }
    for (long i = 1; i <= writes; i++) {
      long v = i;
      engine.batch(() -> {
        call(balanced, "setDebit", v);
        call(balanced, "setCredit", v);
      });
    }
    done.set(true);
    for (Thread reader : readers) {
      reader.join();
    }
    assertEquals(null, torn.get());
    assertEquals(0L, call(balanced, "imbalance"));
    assertEquals((long) writes, call(balanced, "debit"));
  }
}
