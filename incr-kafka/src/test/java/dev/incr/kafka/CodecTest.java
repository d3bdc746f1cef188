package dev.incr.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.incr.Pair;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The codecs decode what they encode, give equal values equal bytes, and refuse what they cannot. */
class CodecTest {
  enum Region {
    EU,
    US
  }

  record Customer(String id, Region region, double credit) {}

  record Order(long id, String customer, BigDecimal amount, List<String> lines, Optional<Integer> rank) {}

  @Property(tries = 300)
  void recordsRoundTripWithEqualBytesForEqualValues(
      @ForAll String id, @ForAll double credit, @ForAll long n, @ForAll List<String> lines) {
    Codec<Object> codec = Codec.records();
    Object value =
        Pair.of(
            new Customer(id, Region.US, credit),
            new Order(n, id, BigDecimal.valueOf(n, 2), lines, Optional.of((int) n)));
    byte[] bytes = codec.encode(value);
    assertEquals(value, codec.decode(bytes));
    Object copy =
        Pair.of(
            new Customer(new String(id), Region.US, credit),
            new Order(n, id, BigDecimal.valueOf(n, 2), new ArrayList<>(lines), Optional.of((int) n)));
    assertArrayEquals(bytes, codec.encode(copy));
  }

  @Test
  void recordsWriteEveryKindOfValue() {
    Codec<Object> codec = Codec.records();
    List<Object> values =
        Arrays.asList(
            null, true, (byte) 1, (short) 2, 'c', 3, 4L, 5.5f, 6.5, "seven", Region.EU,
            new BigDecimal("8.10"), BigInteger.TEN.pow(30), ExactSum.ZERO.plus(0.1),
            Optional.empty(), List.of(1, "two"), Double.NaN, -0.0);
    for (Object value : values) {
      assertEquals(value, codec.decode(codec.encode(value)), String.valueOf(value));
    }
  }

  @Test
  void recordsRefuseUnorderedCollections() {
    Set<Integer> set = new HashSet<>(List.of(1, 2));
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> Codec.records().encode(set));
    assertEquals(
        "Codec.records() cannot encode a java.util.HashSet: equal sets and maps may list their"
            + " entries in different orders, so their bytes would differ; use a List in a fixed"
            + " order, or a record, instead",
        thrown.getMessage());
  }

  @Test
  void recordsRefuseOtherClasses() {
    StringBuilder builder = new StringBuilder("x");
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> Codec.records().encode(builder));
    assertEquals(
        "Codec.records() cannot encode a java.lang.StringBuilder (x): it writes records, enums,"
            + " strings, boxed primitives, BigDecimal, BigInteger, ExactSum, lists and Optional;"
            + " make the type a record, or give its topic a Codec of its own",
        thrown.getMessage());
  }

  @Test
  void recordsRefuseForeignBytes() {
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> Codec.records().decode(new byte[] {99}));
    assertEquals("not a Codec.records() encoding: unknown tag 99", thrown.getMessage());
    IllegalArgumentException trailing =
        assertThrows(
            IllegalArgumentException.class, () -> Codec.records().decode(new byte[] {0, 0}));
    assertEquals(
        "not a Codec.records() encoding: 1 bytes left after the value", trailing.getMessage());
  }

  @Test
  void jsonRoundTripsRecordsAsReadableJson() {
    Codec<Customer> codec = Codec.json(Customer.class);
    Customer ada = new Customer("ada", Region.EU, 12.5);
    byte[] bytes = codec.encode(ada);
    assertEquals(
        "{\"id\":\"ada\",\"region\":\"EU\",\"credit\":12.5}", new String(bytes, StandardCharsets.UTF_8));
    assertEquals(ada, codec.decode(bytes));
  }

  @Test
  void jsonRefusesOtherJson() {
    Codec<Customer> codec = Codec.json(Customer.class);
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () -> codec.decode("[1]".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        true,
        thrown.getMessage().startsWith("cannot read a " + Customer.class.getName() + " from the JSON [1]: "),
        thrown.getMessage());
  }
}
