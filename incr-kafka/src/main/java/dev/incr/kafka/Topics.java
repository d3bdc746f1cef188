package dev.incr.kafka;

import dev.incr.IncrCollection;
import dev.incr.Node;
import java.util.function.Function;

/**
 * What a {@link Pipeline} reads and writes: its source collections, each fed by a topic, and its
 * outputs, each published to a topic.
 */
public interface Topics {

  /**
   * Returns the collection fed by {@code topic}. On Kafka, each record of the topic has an element
   * encoded by {@code codec} as its key and, as its value, a 4-byte big-endian count: {@code n > 0}
   * inserts {@code n} occurrences, {@code n < 0} deletes {@code -n} occurrences (each as {@link
   * IncrCollection#delete}, so deleting an absent element changes nothing), and a null value (a
   * tombstone) deletes one. The records of one element must be in one partition, as Kafka's
   * default partitioner puts them.
   *
   * @throws IllegalArgumentException if {@code topic} is already a source or an output
   */
  <T> IncrCollection<T> source(String topic, Codec<T> codec);

  /**
   * Publishes {@code collection} to {@code topic}. On Kafka the topic is a table: the key of a
   * record is an element encoded by {@code codec}, its value the element's number of occurrences
   * as an 8-byte big-endian long, and a null value (a tombstone) says it has none left, so the
   * topic can be compacted. {@link OutputReader} turns it back into an incr collection.
   *
   * @throws IllegalArgumentException if {@code topic} is already a source or an output, or if
   *     {@code collection} does not come from this pipeline's sources
   */
  <T> void output(String topic, IncrCollection<T> collection, Codec<T> codec);

  /**
   * Publishes an aggregate of a whole collection ({@code count()}, {@code sum}, {@code min}, {@code
   * max} or an invertible {@code reduce}) to {@code topic}. On Kafka each record holds the new
   * value, encoded by {@code codec}, under an empty key; the aggregate is computed in one
   * partition. {@link OutputReader} turns it back into a node.
   *
   * @throws IllegalArgumentException if {@code topic} is already a source or an output, or if
   *     {@code aggregate} is not an aggregate of one of this pipeline's collections
   */
  <A> void output(String topic, Node<A> aggregate, Codec<A> codec);

  /**
   * Applies {@code operators} to {@code input} in a single place. In-process this is just {@code
   * operators.apply(input)}; on Kafka every change of {@code input} is sent to one partition,
   * where an incr engine runs {@code operators} and passes on the changes of their result. Use it,
   * explicitly, for what depends on the order of the whole collection ({@code sortBy}, {@code
   * pairwise}, {@code window}, the folds that cannot be undone): it runs them faithfully, at the
   * throughput of one partition. The elements entering it are kept in a store; after a restart they
   * re-enter in their encoded order, so ties in {@code sortBy} may then order differently.
   */
  <T, R> IncrCollection<R> inOnePartition(
      IncrCollection<T> input, Function<IncrCollection<T>, IncrCollection<R>> operators);
}
