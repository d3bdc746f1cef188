package dev.incr.kafka;

import dev.incr.Engine;
import dev.incr.IncrCollection;
import dev.incr.Node;
import dev.incr.Var;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.utils.Bytes;

/**
 * Turns a pipeline's output topics back into incr collections and nodes of a local engine, so that
 * queries on top of them stay incremental: each applied record changes only the element or value it
 * carries. The records given to one {@link #apply} (or one {@link #poll}) land as one engine batch.
 *
 * <pre>{@code
 * OutputReader reader = kafkaPipeline.reader(engine);
 * IncrCollection<Pair<String, Double>> revenue = reader.collection("revenue-by-region");
 * Computed<Double> top = engine.computed(() -> ...revenue.toList()...);
 * consumer.subscribe(reader.topics());
 * while (running) reader.poll(consumer, Duration.ofMillis(100));
 * }</pre>
 *
 * <p>Read the output topics with {@code isolation.level=read_committed}, as the pipeline writes
 * them in transactions. An output topic is a table, so a reader may start from its beginning at any
 * time (or from a compacted copy) and reach the current contents.
 */
public final class OutputReader {
  private final Engine engine;
  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final Map<String, Value> values = new LinkedHashMap<>();

  /** A collection output: its element counts as last read, and the collection they feed. */
  private static final class Table {
    final Codec<Object> codec;
    final IncrCollection<Object> source;
    final IncrCollection<Object> view;
    final Map<Bytes, Long> counts = new HashMap<>();

    Table(Engine engine, String topic, Codec<Object> codec) {
      this.codec = codec;
      this.source = engine.collection();
      source.label(topic + " (as read)");
      this.view = source.filter(e -> true).label(topic);
    }
  }

  /** An aggregate output: the var that holds its latest value. */
  private record Value(Codec<Object> codec, Var<Object> var, Node<Object> view) {}

  OutputReader(Engine engine, Recorder recorder) {
    this.engine = Objects.requireNonNull(engine, "engine");
    for (Recorder.CollectionOutput output : recorder.collectionOutputs) {
      tables.put(output.topic(), new Table(engine, output.topic(), output.codec()));
    }
    for (Recorder.NodeOutput output : recorder.nodeOutputs) {
      Var<Object> var = engine.var(output.step().aggregation().emptyValue());
      var.label(output.topic() + " (as read)");
      Node<Object> view = engine.computed(var::get).label(output.topic());
      values.put(output.topic(), new Value(output.codec(), var, view));
    }
  }

  /** Returns the output topics this reader turns into collections and nodes. */
  public Set<String> topics() {
    Set<String> topics = new java.util.LinkedHashSet<>(tables.keySet());
    topics.addAll(values.keySet());
    return topics;
  }

  /**
   * Returns the collection published to {@code topic}, as read so far. It is derived (it cannot be
   * inserted into): its changes come from the topic.
   *
   * @throws IllegalArgumentException if the pipeline publishes no collection to {@code topic}
   */
  @SuppressWarnings("unchecked")
  public <T> IncrCollection<T> collection(String topic) {
    Table table = tables.get(topic);
    if (table == null) {
      throw new IllegalArgumentException(
          "the pipeline publishes no collection to '" + topic + "'; it publishes " + tables.keySet()
              + " and the aggregates " + values.keySet());
    }
    return (IncrCollection<T>) (IncrCollection<?>) table.view;
  }

  /**
   * Returns the aggregate published to {@code topic}, as read so far: the aggregate of an empty
   * collection until its first record arrives.
   *
   * @throws IllegalArgumentException if the pipeline publishes no aggregate to {@code topic}
   */
  @SuppressWarnings("unchecked")
  public <A> Node<A> node(String topic) {
    Value value = values.get(topic);
    if (value == null) {
      throw new IllegalArgumentException(
          "the pipeline publishes no aggregate to '" + topic + "'; it publishes " + values.keySet()
              + " and the collections " + tables.keySet());
    }
    return (Node<A>) (Node<?>) value.view();
  }

  /**
   * Applies records of the output topics, as one engine batch. Records of other topics are
   * skipped.
   *
   * @throws IllegalArgumentException if a record cannot be decoded (naming its topic and offset)
   */
  public void apply(Iterable<ConsumerRecord<byte[], byte[]>> records) {
    engine.batch(
        () -> {
          for (ConsumerRecord<byte[], byte[]> record : records) {
            applyOne(record);
          }
        });
  }

  /**
   * Polls {@code consumer} once (waiting up to {@code timeout}) and applies what it returns, as
   * one engine batch.
   *
   * @return the number of records polled
   */
  public int poll(Consumer<byte[], byte[]> consumer, Duration timeout) {
    ConsumerRecords<byte[], byte[]> records = consumer.poll(timeout);
    if (!records.isEmpty()) {
      apply(records);
    }
    return records.count();
  }

  private void applyOne(ConsumerRecord<byte[], byte[]> record) {
    try {
      Table table = tables.get(record.topic());
      if (table != null) {
        Bytes key = Bytes.wrap(record.key());
        long count = record.value() == null ? 0 : StateStores.readLong(record.value());
        Long old = count == 0 ? table.counts.remove(key) : table.counts.put(key, count);
        long change = count - (old == null ? 0 : old);
        if (change != 0) {
          Object element = table.codec.decode(record.key());
          for (long i = 0; i < change; i++) {
            table.source.insert(element);
          }
          for (long i = 0; i > change; i--) {
            table.source.delete(element);
          }
        }
        return;
      }
      Value value = values.get(record.topic());
      if (value != null && record.value() != null) {
        value.var().set(value.codec().decode(record.value()));
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot apply the record at offset "
              + record.offset()
              + " of "
              + record.topic()
              + "-"
              + record.partition()
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
