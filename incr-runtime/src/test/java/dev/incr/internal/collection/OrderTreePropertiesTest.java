package dev.incr.internal.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random insertions and removals on the order-statistic tree, compared after every step with a list
 * kept sorted by (key, arrival); the tree's invariants are checked after every step. Lives in the
 * implementation package because the tree and its {@code checkInvariants()} are package-private.
 */
class OrderTreePropertiesTest {

  record Entry(int key, long sequence, OrderTree.Node<Integer, String> node) {}

  @Property(tries = 500)
  void treeMatchesASortedListAndKeepsItsInvariants(
      @ForAll @Size(max = 120) List<@IntRange(min = 0, max = 999) Integer> ops) {
    OrderTree<Integer, String> tree = new OrderTree<>(Comparator.naturalOrder());
    List<Entry> expected = new ArrayList<>();
    long sequence = 0;
    for (int op : ops) {
      int key = op % 7;
      if (op % 3 != 0 || expected.isEmpty()) {
        long s = sequence++;
        OrderTree.Node<Integer, String> n = tree.insert(key, s, key + "/" + s);
        Entry e = new Entry(key, s, n);
        int at = 0;
        while (at < expected.size() && expected.get(at).key() <= key) {
          at++;
        }
        expected.add(at, e);
        assertEquals(at, tree.rank(n), "rank of the inserted node");
      } else {
        int index = (op / 3) % expected.size();
        Entry e = expected.remove(index);
        assertEquals(index, tree.rank(e.node()), "rank before removal");
        tree.remove(e.node());
      }
      tree.checkInvariants();
      assertEquals(expected.size(), tree.size());
      List<String> elements = expected.stream().map(e -> e.node().element).toList();
      assertEquals(elements, tree.range(0, tree.size()));
      if (!elements.isEmpty()) {
        int i = op % elements.size();
        assertEquals(elements.get(i), tree.get(i));
        int to = Math.min(elements.size(), i + 3);
        assertEquals(elements.subList(i, to), tree.range(i, to));
      }
    }
  }

  @Property(tries = 200)
  void aThrowingComparatorLeavesTheTreeUnchanged(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 99) Integer> keys) {
    int[] poison = {Integer.MIN_VALUE};
    OrderTree<Integer, Integer> tree =
        new OrderTree<>(
            (a, b) -> {
              if (a == poison[0] || b == poison[0]) {
                throw new IllegalStateException("bad key");
              }
              return Integer.compare(a, b);
            });
    long s = 0;
    for (int k : keys) {
      tree.insert(k, s++, k);
    }
    List<Integer> before = tree.range(0, tree.size());
    poison[0] = -1;
    try {
      tree.insert(-1, s, -1);
    } catch (IllegalStateException expected) {
      // the comparator refused
    }
    tree.checkInvariants();
    assertEquals(before, tree.range(0, tree.size()));
  }
}
