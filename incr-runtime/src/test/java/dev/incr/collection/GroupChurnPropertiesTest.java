package dev.incr.collection;

import static dev.incr.collection.Bags.assertSameBag;
import static dev.incr.collection.Bags.removeLast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.GroupedCollection;
import dev.incr.IncrCollection;
import dev.incr.Pair;
import dev.incr.internal.collection.Introspection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Groups that empty and fill again: few keys, few elements, so a group often loses its last member
 * (and, unless handed out, leaves the grouping) and later gets a new one. Groups are handed out
 * ({@code group(k)}) at random points, before or after they emptied; each handed-out group must
 * stay the same object and hold exactly its key's live elements, and the per-key counts must match,
 * on both engines.
 */
class GroupChurnPropertiesTest {

  static final int KEYS = 5;

  @Property(tries = 500)
  void singleThreadedGroupsThatEmptyAndRefillMatchFromScratch(
      @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 9_999) Integer> ops) {
    run(Engine.singleThreaded(), ops);
  }

  @Property(tries = 300)
  void concurrentGroupsThatEmptyAndRefillMatchFromScratch(
      @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 9_999) Integer> ops) {
    run(Engine.concurrent(), ops);
  }

  static void run(Engine engine, List<Integer> ops) {
    IncrCollection<Integer> xs = engine.collection();
    GroupedCollection<Integer, Integer> grouped = xs.groupBy(x -> x % KEYS);
    IncrCollection<Pair<Integer, Long>> counts = grouped.count();
    List<Integer> live = new ArrayList<>();
    Map<Integer, IncrCollection<Integer>> handedOut = new HashMap<>();
    Map<Integer, Computed<Long>> groupCounts = new HashMap<>();
    for (int op : ops) {
      int v = (op / 8) % 12;
      int k = (op / 8) % KEYS;
      switch (op % 8) {
        case 0, 1, 2 -> {
          xs.insert(v);
          live.add(v);
        }
        case 3, 4 -> assertEquals(removeLast(live, v), xs.delete(v), "delete " + v);
        case 5 -> {
          IncrCollection<Integer> g = grouped.group(k);
          IncrCollection<Integer> before = handedOut.putIfAbsent(k, g);
          if (before != null) {
            assertSame(before, g, "group(" + k + ") is the same object every time");
          } else {
            groupCounts.put(k, g.count());
          }
        }
        case 6 ->
            assertSameBag(
                live.stream()
                    .collect(Collectors.groupingBy(x -> x % KEYS, Collectors.counting()))
                    .entrySet()
                    .stream()
                    .map(e -> Pair.of(e.getKey(), e.getValue()))
                    .toList(),
                counts.toList(),
                "counts per key");
        default -> {
          for (Map.Entry<Integer, IncrCollection<Integer>> e : handedOut.entrySet()) {
            int key = e.getKey();
            List<Integer> expected = live.stream().filter(x -> x % KEYS == key).toList();
            if ((op / 8) % 2 == 0) {
              assertEquals((long) expected.size(), groupCounts.get(key).get(), "count " + key);
            }
            assertSameBag(expected, e.getValue().toList(), "group " + key);
            Introspection.checkInvariants(e.getValue());
          }
        }
      }
    }
    for (int key = 0; key < KEYS; key++) {
      int kk = key;
      List<Integer> expected = live.stream().filter(x -> x % KEYS == kk).toList();
      assertSameBag(expected, grouped.group(key).toList(), "group " + key + " at the end");
      assertEquals((long) expected.size(), grouped.group(key).count().get(), "count " + key);
    }
  }
}
