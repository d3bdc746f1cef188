package dev.incr.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.Engine;
import dev.incr.support.QueryArgs;
import dev.incr.support.QueryMemo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The memo table behind generated queries with parameters ({@code dev.incr.support}). */
class QueryMemoTest {
  private final Engine engine = Engine.singleThreaded();
  private final QueryMemo<String> memo = new QueryMemo<>(engine, "Rect.describe");

  @Test
  void oneNodePerDistinctKeyIncludingNull() {
    AtomicInteger runs = new AtomicInteger();
    for (Object key : new Object[] {"a", "b", "a", null, null, 1, 1L}) {
      memo.get(key, () -> runs.incrementAndGet() + ":" + key);
    }
    assertEquals(5, memo.size()); // "a", "b", null, Integer 1, Long 1
    assertEquals(5, runs.get());
    assertEquals("3:null", memo.get(null, () -> "unused"));
  }

  @Test
  void argumentListsCompareElementByElementAndArraysByContent() {
    assertEquals(new QueryArgs("a", 1), new QueryArgs("a", 1));
    assertEquals(new QueryArgs("a", 1).hashCode(), new QueryArgs("a", 1).hashCode());
    assertNotEquals(new QueryArgs("a", 1), new QueryArgs(1, "a"));
    assertEquals(
        new QueryArgs((Object) new int[] {1, 2}), new QueryArgs((Object) new int[] {1, 2}));
    assertEquals(new QueryArgs(null, "x"), new QueryArgs(null, "x"));
    assertNotEquals(new QueryArgs("a", 1), List.of("a", 1));
  }

  @Test
  void nodesAreLabelledWithTheirArguments() {
    assertEquals("Rect.describe(cm)", labelOf("cm"));
    assertEquals("Rect.describe(a, 1)", labelOf(new QueryArgs("a", 1)));
    assertEquals(
        "Rect.describe([x, y])", labelOf(new QueryArgs((Object) new String[] {"x", "y"})));
    assertEquals("Rect.describe(null)", labelOf(null));
  }

  /** Reads the label through a cycle: the engine names the node in the exception. */
  private String labelOf(Object key) {
    QueryMemo<Integer> m = new QueryMemo<>(engine, "Rect.describe");
    List<String> labels = new ArrayList<>();
    m.get(key, () -> {
      try {
        m.get(key, () -> 0);
      } catch (dev.incr.CycleException e) {
        labels.addAll(e.cycle());
      }
      return 0;
    });
    return labels.get(0);
  }

  @Test
  void concurrentFirstReadsOfOneKeyShareOneNode() throws InterruptedException {
    Engine concurrent = Engine.concurrent();
    QueryMemo<Integer> shared = new QueryMemo<>(concurrent, "Q.f");
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger wrong = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        for (int k = 0; k < 1000; k++) {
          int key = k;
          int value = shared.get(key, () -> {
            runs.incrementAndGet();
            return key * 2;
          });
          if (value != key * 2) {
            wrong.incrementAndGet();
          }
        }
      });
      threads.add(thread);
      thread.start();
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(0, wrong.get());
    assertEquals(1000, shared.size());
    assertEquals(1000, runs.get());
  }

  @Test
  void aBoundedTableKeepsAtMostItsMaximumAndEvictsAnEntryNotUsedSinceTheHandPassed() {
    QueryMemo<String> bounded = new QueryMemo<>(engine, "Q.f", 3);
    List<String> runs = new ArrayList<>();
    for (String key : List.of("a", "b", "c")) {
      bounded.get(key, () -> run(runs, key));
    }
    bounded.get("a", () -> run(runs, "a")); // a hit: "a" is used
    bounded.get("d", () -> run(runs, "d")); // full: the hand passes "a" (used), evicts "b"
    assertEquals(3, bounded.size());
    bounded.get("a", () -> run(runs, "a"));
    bounded.get("c", () -> run(runs, "c"));
    assertEquals(List.of("a", "b", "c", "d"), runs); // a, c and d were kept
    bounded.get("b", () -> run(runs, "b")); // evicted: computed again, evicting another
    assertEquals(List.of("a", "b", "c", "d", "b"), runs);
    assertEquals(3, bounded.size());
  }

  @Test
  void aBoundedTableGrowsToItsMaximumAndThenEvictsTheOldestUnusedFirst() {
    QueryMemo<Integer> bounded = new QueryMemo<>(engine, "Q.h", 40);
    AtomicInteger runs = new AtomicInteger();
    for (int k = 0; k < 100; k++) {
      int key = k;
      bounded.get(key, () -> counted(runs, key));
    }
    assertEquals(40, bounded.size());
    assertEquals(100, runs.get());
    for (int k = 60; k < 100; k++) {
      int key = k;
      assertEquals(key, bounded.get(key, () -> counted(runs, key)));
    }
    assertEquals(100, runs.get()); // the 40 newest were kept
  }

  private static int counted(AtomicInteger runs, int key) {
    runs.incrementAndGet();
    return key;
  }

  private static String run(List<String> runs, String key) {
    runs.add(key);
    return key.toUpperCase();
  }

  @Test
  void anEvictedEntryComputesAgainFromCurrentInputsAndItsReadersStayRight() {
    dev.incr.Var<Integer> base = engine.var(10);
    QueryMemo<Integer> bounded = new QueryMemo<>(engine, "Q.plus", 1);
    dev.incr.Computed<Integer> reader = engine.computed(() -> bounded.get(1, () -> base.get() + 1));
    assertEquals(11, reader.get());
    assertEquals(12, bounded.get(2, () -> base.get() + 2)); // evicts key 1, which reader holds
    base.set(20);
    assertEquals(21, reader.get()); // still tracked: reader re-runs, creating key 1 anew
    assertEquals(21, bounded.get(1, () -> base.get() + 1));
    assertEquals(1, bounded.size());
  }

  @Test
  void aMaximumBelowOneIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new QueryMemo<>(engine, "Rect.describe", 0));
    assertEquals("The memo of Rect.describe must keep at least one argument list"
        + " (maxEntries = 0); pass 1 or more.", e.getMessage());
    assertEquals(Integer.MAX_VALUE, memo.maxEntries());
  }

  @Test
  void concurrentUseOfABoundedTableGivesRightValuesAndStaysWithinItsMaximum()
      throws InterruptedException {
    Engine concurrent = Engine.concurrent();
    QueryMemo<Integer> shared = new QueryMemo<>(concurrent, "Q.g", 16);
    AtomicInteger wrong = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int seed = t;
      Thread thread = new Thread(() -> {
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < 20_000; i++) {
          int key = random.nextInt(64);
          if (shared.get(key, () -> key * 3) != key * 3) {
            wrong.incrementAndGet();
          }
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(0, wrong.get());
    assertTrue(shared.size() <= 16, "size " + shared.size());
  }
}
