package dev.incr.kafka;

/**
 * Changes to a pipeline's sources that land together: in-process as one {@link
 * dev.incr.Engine#batch}, on Kafka as one transaction (all of its records become visible to the
 * pipeline at once, or none do).
 */
public interface SourceBatch {

  /** Adds one occurrence of {@code element} to the source fed by {@code topic}. */
  <T> void insert(String topic, T element);

  /**
   * Removes one occurrence of {@code element} from the source fed by {@code topic}; nothing
   * happens if it has none.
   */
  <T> void delete(String topic, T element);
}
