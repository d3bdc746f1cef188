package dev.incr.kafka;

/**
 * Turns elements (or keys, or aggregate values) into bytes and back, for the records a pipeline
 * reads and writes on Kafka and for the records it passes between partitions.
 *
 * <p>Kafka identifies an element by its bytes: a source record deletes the occurrences of the
 * element whose encoding equals its key, and a stage keeps its counts under encoded elements. So a
 * codec must be <em>faithful</em> to {@code equals}: {@code decode(encode(x)).equals(x)}, and equal
 * elements must encode to equal bytes (an element type whose equal values can print differently,
 * such as a {@code HashSet}, cannot have a faithful codec).
 *
 * @param <T> the type encoded
 */
public interface Codec<T> {

  /** Returns the bytes of {@code value}, which is never null. */
  byte[] encode(T value);

  /**
   * Returns the value whose bytes are {@code bytes}.
   *
   * @throws IllegalArgumentException if {@code bytes} are not an encoding of this codec
   */
  T decode(byte[] bytes);

  /**
   * Returns a JSON codec for {@code type} (a record, a bean or a JSON-friendly value type), which
   * writes the fields in declaration order, so equal records give equal bytes. Readable by other
   * programs; preferred for source and output topics.
   */
  static <T> Codec<T> json(Class<T> type) {
    return new JsonCodec<>(type);
  }

  /**
   * Returns the self-describing binary codec for Java records and the values they are made of:
   * boxed primitives, strings, enums, {@code BigDecimal}, {@code BigInteger}, {@link ExactSum},
   * lists, {@code Optional}, {@link dev.incr.Pair} and other records, nested to any depth, and
   * nulls inside them. Each value carries its type, so one codec serves every element type of a
   * pipeline; it is the codec of the records passed between partitions.
   */
  @SuppressWarnings("unchecked")
  static <T> Codec<T> records() {
    return (Codec<T>) RecordCodec.INSTANCE;
  }
}
