package dev.incr.collection;

import static dev.incr.collection.Bags.assertSameBag;
import static dev.incr.collection.Bags.removeLast;
import static dev.incr.collection.Bags.windows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.IncrCollection;
import dev.incr.Pair;
import dev.incr.SortedCollection;
import dev.incr.internal.collection.Introspection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Sorted views with exact tie order: items with few distinct keys (many ties) and duplicates,
 * sorted directly and after a filter, with pairwise, windows of sizes 1 to 4, positional reads and
 * min/max by key. Bursts of hundreds of changes between reads make lagging readers' logs
 * consolidate, which must keep "ties in insertion order, a delete removes the newest occurrence".
 */
class SortedViewsPropertiesTest {

  record Item(int id, int key) {}

  @Property(tries = 1000)
  void sortedViewsMatchAStableSortOfTheLiveItems(
      @ForAll boolean concurrent,
      @ForAll @Size(max = 50) List<@IntRange(min = 0, max = 99_999) Integer> ops) {
    Engine engine = concurrent ? Engine.concurrent() : Engine.singleThreaded();
    IncrCollection<Item> items = engine.collection();
    List<Item> live = new ArrayList<>();
    SortedCollection<Item> sorted = items.sortBy(Item::key);
    SortedCollection<Item> oddIds = items.filter(i -> i.id() % 2 == 1).sortBy(i -> -i.key());
    sorted.toList();
    oddIds.toList();
    List<IncrCollection<List<Item>>> windowViews = new ArrayList<>();
    for (int n = 1; n <= 4; n++) {
      windowViews.add(sorted.window(n));
    }
    IncrCollection<Pair<Item, Item>> pairs = oddIds.pairwise();
    Computed<Optional<Item>> min = items.min(Comparator.comparingInt(Item::key));
    Computed<Optional<Item>> max = items.max(Comparator.comparingInt(Item::key));

    Runnable check =
        () -> {
          List<Item> expected = new ArrayList<>(live);
          expected.sort(Comparator.comparingInt(Item::key));
          assertEquals(expected, sorted.entries(), "sortBy(key)");
          List<Item> expectedOdd =
              new ArrayList<>(live.stream().filter(i -> i.id() % 2 == 1).toList());
          expectedOdd.sort(Comparator.comparingInt(i -> -i.key()));
          assertEquals(expectedOdd, oddIds.entries(), "filter then sortBy(-key)");
          for (int n = 1; n <= 4; n++) {
            assertSameBag(
                windows(expected, n), windowViews.get(n - 1).toList(), "window(" + n + ")");
          }
          List<Pair<Item, Item>> expectedPairs = new ArrayList<>();
          for (int i = 1; i < expectedOdd.size(); i++) {
            expectedPairs.add(Pair.of(expectedOdd.get(i - 1), expectedOdd.get(i)));
          }
          assertSameBag(expectedPairs, pairs.toList(), "pairwise");
          assertEquals(
              expected.isEmpty() ? Optional.empty() : Optional.of(expected.get(0)), min.get());
          Optional<Item> expectedMax = Optional.empty();
          for (Item i : live) {
            if (expectedMax.isEmpty() || i.key() > expectedMax.get().key()) {
              expectedMax = Optional.of(i);
            }
          }
          assertEquals(expectedMax, max.get(), "max: earliest among the greatest");
          if (!expected.isEmpty()) {
            int at = expected.size() / 3;
            assertEquals(expected.get(at), sorted.get(at));
          }
          Introspection.checkInvariants(sorted);
          Introspection.checkInvariants(oddIds);
        };

    for (int op : ops) {
      Item item = new Item(op % 9, (op / 9) % 4);
      switch ((op / 36) % 6) {
        case 0, 1 -> {
          items.insert(item);
          live.add(item);
        }
        case 2 -> assertEquals(removeLast(live, item), items.delete(item), "delete " + item);
        case 3 -> {
          // A burst: many changes between reads, so lagging logs consolidate.
          Random random = new Random(op);
          for (int k = 0; k < 200; k++) {
            Item x = new Item(random.nextInt(9), random.nextInt(4));
            if (random.nextBoolean()) {
              assertEquals(removeLast(live, x), items.delete(x));
            } else {
              items.insert(x);
              live.add(x);
            }
          }
        }
        case 4 ->
            engine.batch(
                () -> {
                  items.delete(item);
                  items.insert(item);
                  items.insert(new Item(item.id(), (item.key() + 1) % 4));
                });
        default -> check.run();
      }
      if ((op / 36) % 6 == 4) {
        removeLast(live, item);
        live.add(item);
        live.add(new Item(item.id(), (item.key() + 1) % 4));
      }
    }
    check.run();
  }
}
