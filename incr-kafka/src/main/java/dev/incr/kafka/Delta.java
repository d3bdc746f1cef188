package dev.incr.kafka;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A change of a collection in transit between processors: {@code weight} occurrences of {@code
 * element} inserted (positive) or deleted (negative). {@code right} marks the right side of a join
 * on the topic both sides share; {@code element} is null for a group member its per-group function
 * filtered out (it still counts toward the group's existence).
 */
record Delta(Object element, long weight, boolean right) {

  Delta(Object element, long weight) {
    this(element, weight, false);
  }

  /** The serde of deltas on internal topics, elements written by {@code codec}. */
  static Serde<Delta> serde(Codec<Object> codec) {
    return Serdes.serdeFrom(
        (topic, delta) -> {
          if (delta == null) {
            return null;
          }
          byte[] element = delta.element() == null ? new byte[0] : codec.encode(delta.element());
          int flags = (delta.right() ? 1 : 0) | (delta.element() == null ? 0 : 2);
          return ByteBuffer.allocate(9 + element.length)
              .put((byte) flags)
              .putLong(delta.weight())
              .put(element)
              .array();
        },
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          ByteBuffer in = ByteBuffer.wrap(bytes);
          int flags = in.get();
          long weight = in.getLong();
          Object element = null;
          if ((flags & 2) != 0) {
            byte[] e = new byte[in.remaining()];
            in.get(e);
            element = codec.decode(e);
          }
          return new Delta(element, weight, (flags & 1) != 0);
        });
  }
}
