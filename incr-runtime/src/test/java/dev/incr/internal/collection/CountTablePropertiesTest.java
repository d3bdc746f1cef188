package dev.incr.internal.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random insertions and removals on the hash table behind multisets, map results and sorted-stage
 * indexes, compared after every step with a {@link LinkedHashMap} of counts (which also fixes the
 * arrival order). Removals go by slot ({@code decrement}, {@code remove}) and by key ({@code
 * removeOne}, also of absent keys). Keys with few distinct hash codes force long probe runs, so removals exercise the
 * backward shift of the index; the table's invariants are checked after every step.
 */
class CountTablePropertiesTest {

  /** A key whose hash code collides with many others'. */
  record Key(int id) {
    @Override
    public int hashCode() {
      return id % 3;
    }
  }

  @Property(tries = 400)
  void tableMatchesALinkedHashMapOfCounts(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 9999) Integer> ops,
      @ForAll boolean colliding) {
    CountTable<Object, String> table = new CountTable<>();
    Map<Object, Integer> expected = new LinkedHashMap<>();
    long size = 0;
    for (int op : ops) {
      int id = (op / 4) % 40;
      Object key = colliding ? new Key(id) : Integer.valueOf(id);
      int slot = table.find(key);
      assertEquals(expected.containsKey(key), slot >= 0, "find " + key);
      if (op % 4 != 0) {
        slot = table.increment(key);
        if (table.count(slot) == 1) {
          table.setValue(slot, "v" + id);
        }
        expected.merge(key, 1, Integer::sum);
        size++;
      } else if (op % 16 == 4) {
        // removeOne, also of absent keys
        assertEquals(slot, table.removeOne(key), "removeOne " + key);
        if (slot >= 0) {
          size--;
          expected.computeIfPresent(key, (k, c) -> c == 1 ? null : c - 1);
        }
      } else if (slot >= 0) {
        assertEquals("v" + id, table.value(slot), "value of " + key);
        if (op % 8 == 0) {
          table.decrement(slot);
          size--;
          expected.computeIfPresent(key, (k, c) -> c == 1 ? null : c - 1);
        } else {
          size -= table.count(slot);
          table.remove(slot);
          expected.remove(key);
        }
      }
      table.checkInvariants("table");
      assertEquals(size, table.size(), "size");
      assertEquals(expected.size(), table.distinct(), "distinct");
      List<Object> order = new ArrayList<>();
      List<Integer> counts = new ArrayList<>();
      for (int s = table.first(); s >= 0; s = table.next(s)) {
        order.add(table.key(s));
        counts.add(table.count(s));
      }
      assertEquals(new ArrayList<>(expected.keySet()), order, "arrival order");
      assertEquals(new ArrayList<>(expected.values()), counts, "counts");
    }
  }
}
