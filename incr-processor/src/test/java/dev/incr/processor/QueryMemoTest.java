package dev.incr.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.incr.Engine;
import dev.incr.internal.gen.QueryMemo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The memo table behind generated queries with parameters ({@code dev.incr.internal.gen}). */
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
    assertEquals(QueryMemo.args("a", 1), QueryMemo.args("a", 1));
    assertEquals(QueryMemo.args("a", 1).hashCode(), QueryMemo.args("a", 1).hashCode());
    assertNotEquals(QueryMemo.args("a", 1), QueryMemo.args(1, "a"));
    assertEquals(
        QueryMemo.args((Object) new int[] {1, 2}), QueryMemo.args((Object) new int[] {1, 2}));
    assertEquals(QueryMemo.args(null, "x"), QueryMemo.args(null, "x"));
    assertNotEquals(QueryMemo.args("a", 1), List.of("a", 1));
  }

  @Test
  void nodesAreLabelledWithTheirArguments() {
    assertEquals("Rect.describe(cm)", labelOf("cm"));
    assertEquals("Rect.describe(a, 1)", labelOf(QueryMemo.args("a", 1)));
    assertEquals(
        "Rect.describe([x, y])", labelOf(QueryMemo.args((Object) new String[] {"x", "y"})));
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
}
