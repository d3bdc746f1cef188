package dev.incr.kafka;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes changes to a pipeline's source topics, each {@link #batch} as one Kafka transaction: the
 * pipeline (which reads with {@code read_committed}) sees all of a batch's changes or none of them.
 * Not thread-safe; close it when done.
 *
 * <pre>{@code
 * try (SourceWriter writer = kafkaPipeline.writer(producerConfig)) {
 *   writer.batch(b -> { b.insert("customers", ada); b.insert("orders", order); });
 * }
 * }</pre>
 */
public final class SourceWriter implements AutoCloseable {
  private final Map<String, Step.Source> sources;
  private final KafkaProducer<byte[], byte[]> producer;

  SourceWriter(Map<String, Step.Source> sources, Properties producerConfig) {
    this.sources = sources;
    Properties config = new Properties();
    config.putAll(producerConfig);
    config.putIfAbsent(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "incr-writer-" + UUID.randomUUID());
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    this.producer = new KafkaProducer<>(config);
    producer.initTransactions();
  }

  /**
   * Writes {@code changes} as one transaction, committed when {@code changes} returns; if it throws,
   * the transaction is aborted and nothing of it is seen.
   */
  public void batch(Consumer<SourceBatch> changes) {
    producer.beginTransaction();
    try {
      changes.accept(
          new SourceBatch() {
            @Override
            public <T> void insert(String topic, T element) {
              send(topic, element, 1);
            }

            @Override
            public <T> void delete(String topic, T element) {
              send(topic, element, -1);
            }
          });
    } catch (RuntimeException | Error e) {
      producer.abortTransaction();
      throw e;
    }
    producer.commitTransaction();
  }

  /** Inserts one occurrence of {@code element} into the source {@code topic}, as a transaction. */
  public <T> void insert(String topic, T element) {
    batch(b -> b.insert(topic, element));
  }

  /** Deletes one occurrence of {@code element} from the source {@code topic}, as a transaction. */
  public <T> void delete(String topic, T element) {
    batch(b -> b.delete(topic, element));
  }

  private void send(String topic, Object element, int count) {
    Step.Source source = sources.get(topic);
    if (source == null) {
      throw new IllegalArgumentException(
          "the pipeline has no source topic '" + topic + "'; its sources are " + sources.keySet());
    }
    Objects.requireNonNull(element, "element");
    producer.send(
        new ProducerRecord<>(
            topic, source.codec().encode(element), ByteBuffer.allocate(4).putInt(count).array()));
  }

  @Override
  public void close() {
    producer.close();
  }
}
