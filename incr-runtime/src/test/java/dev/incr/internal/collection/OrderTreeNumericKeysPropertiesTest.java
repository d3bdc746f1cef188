package dev.incr.internal.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Under natural order the tree compares {@code Integer}, {@code Long} and {@code Double} keys as
 * cached longs. Random insertions and removals of extreme and special values (NaN, -0.0,
 * infinities, MIN/MAX) must give exactly the order of {@code compareTo} with ties in arrival order.
 */
class OrderTreeNumericKeysPropertiesTest {

  private static final Object[][] POOLS = {
    {Integer.MIN_VALUE, -1, 0, 1, 7, Integer.MAX_VALUE},
    {Long.MIN_VALUE, -1L, 0L, 1L, 1L << 40, Long.MAX_VALUE},
    {
      Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1.5, -0.0, 0.0, Double.MIN_VALUE, 2.5,
      Double.POSITIVE_INFINITY, Double.NaN, Double.longBitsToDouble(0x7ff8000000000001L)
    },
  };

  @Property(tries = 300)
  @SuppressWarnings({"unchecked", "rawtypes"})
  void numericKeysOrderAsCompareTo(
      @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 999) Integer> ops,
      @ForAll @IntRange(min = 0, max = 2) int pool) {
    Object[] values = POOLS[pool];
    OrderTree<Comparable, Integer> tree = new OrderTree<>(Comparator.naturalOrder());
    List<OrderTree.Node<Comparable, Integer>> live = new ArrayList<>();
    int sequence = 0;
    for (int op : ops) {
      if (op % 4 != 0 || live.isEmpty()) {
        Comparable key = (Comparable) values[op % values.length];
        live.add(tree.insert(key, sequence, sequence));
        sequence++;
      } else {
        tree.remove(live.remove((op / 4) % live.size()));
      }
      tree.checkInvariants();
      List<OrderTree.Node<Comparable, Integer>> expected = new ArrayList<>(live);
      expected.sort((a, b) -> a.key.compareTo(b.key)); // stable: arrival order among ties
      List<Integer> expectedElements = new ArrayList<>();
      for (OrderTree.Node<Comparable, Integer> n : expected) {
        expectedElements.add(n.element);
      }
      assertEquals(expectedElements, tree.range(0, tree.size()));
    }
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void keysOfDifferentTypesStillFailAsCompareToDoes() {
    OrderTree<Comparable, String> tree = new OrderTree<>(Comparator.naturalOrder());
    tree.insert(1, 0, "int");
    assertThrows(ClassCastException.class, () -> tree.insert(1L, 1, "long"));
    tree.checkInvariants();
    assertEquals(List.of("int"), tree.range(0, tree.size()));
  }
}
