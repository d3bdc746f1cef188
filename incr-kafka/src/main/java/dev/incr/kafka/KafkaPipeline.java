package dev.incr.kafka;

import dev.incr.Engine;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * A {@link Pipeline} translated for Kafka Streams: its definition, run against recording
 * implementations of incr's collection interfaces, gives the {@link #topology()}, an {@link
 * OutputReader} for its outputs and a {@link SourceWriter} for its sources.
 *
 * <pre>{@code
 * KafkaPipeline kafka = KafkaPipeline.of(revenue);
 * KafkaStreams streams = new KafkaStreams(kafka.topology(),
 *     KafkaPipeline.streamsConfig("revenue", "broker:9092"));
 * streams.start();
 * }</pre>
 *
 * <p>Operators map onto Kafka Streams as follows. {@code filter} and {@code map} run where the
 * change is, without repartitioning. {@code groupBy} with count, sum, min, max, invertible reduce
 * or {@code aggregate} (whose per-group function may filter and map the group before one of those)
 * repartitions by group key and aggregates each group with an adder and a subtractor: O(1) per
 * change, O(log n) for min and max; sums are exact ({@link ExactSum}). The aggregates of a whole
 * collection are the same with a single group, in one partition. {@code join} repartitions both
 * sides by join key through one topic and pairs each change with the other side's matching rows:
 * O(matching rows) per change. {@code sortBy} (so {@code pairwise} and {@code window}) and the
 * reductions that cannot be undone are refused, when the definition calls them, with an exception
 * that says how to run them instead ({@link Topics#inOnePartition}, or in the reading engine).
 *
 * <p>The results are the in-process ones. One difference: where {@code min} or {@code max} meets
 * unequal elements that compare equal, incr picks the earliest to arrive; elements from several
 * partitions have no common arrival order, so a comparator that orders unequal elements strictly
 * gives the same answer everywhere.
 *
 * <p>Elements cross partitions encoded by the internal codec, {@link Codec#records()} unless
 * {@link #withInternalCodec} says otherwise: it must encode every element, group key, join key and
 * reduce accumulator of the pipeline faithfully.
 */
public final class KafkaPipeline {
  private final Recorder recorder;
  private final Codec<Object> internal;
  private final boolean inMemory;

  private KafkaPipeline(Recorder recorder, Codec<Object> internal, boolean inMemory) {
    this.recorder = recorder;
    this.internal = internal;
    this.inMemory = inMemory;
  }

  /**
   * Records {@code pipeline}'s definition.
   *
   * @throws UnsupportedOperationException if the definition uses an operator that cannot be
   *     distributed (the message names it and says what to do)
   * @throws IllegalArgumentException if it misuses its topics
   */
  public static KafkaPipeline of(Pipeline pipeline) {
    Objects.requireNonNull(pipeline, "pipeline");
    return new KafkaPipeline(Recorder.record(pipeline), Codec.records(), false);
  }

  /**
   * Returns this pipeline with its state in memory (restored from the changelog topics on start)
   * rather than in RocksDB, which holds more than the heap. For tests and small state.
   */
  public KafkaPipeline withInMemoryStores() {
    return new KafkaPipeline(recorder, internal, true);
  }

  /** Returns this pipeline with {@code codec} encoding what crosses partitions. */
  @SuppressWarnings("unchecked")
  public KafkaPipeline withInternalCodec(Codec<?> codec) {
    return new KafkaPipeline(recorder, (Codec<Object>) Objects.requireNonNull(codec), inMemory);
  }

  /** Returns a new Kafka Streams topology of the pipeline (each call builds another one). */
  public Topology topology() {
    return new TopologyTranslator(internal, new StateStores(inMemory)).translate(recorder);
  }

  /**
   * Returns the configuration to run a pipeline with: the application id, the brokers, and
   * exactly-once processing ({@code exactly_once_v2}), so that every change is reflected in the
   * outputs once, also across failures and rebalances.
   */
  public static Properties streamsConfig(String applicationId, String bootstrapServers) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    // A pipeline has no global tables; this opts into the behaviour Kafka 5.0 makes the default.
    config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    return config;
  }

  /** Returns a reader that turns the output topics into collections and nodes of {@code engine}. */
  public OutputReader reader(Engine engine) {
    return new OutputReader(engine, recorder);
  }

  /**
   * Returns a writer of the source topics, with a transactional producer configured by {@code
   * producerConfig} (at least {@code bootstrap.servers}; a {@code transactional.id} is made up if
   * absent; serializers are set).
   */
  public SourceWriter writer(Properties producerConfig) {
    return new SourceWriter(recorder.sources, producerConfig);
  }

  /** Returns the topics the pipeline reads. */
  public Set<String> sourceTopics() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(recorder.sources.keySet()));
  }

  /** Returns the topics the pipeline writes its outputs to. */
  public Set<String> outputTopics() {
    Set<String> topics = new LinkedHashSet<>();
    recorder.collectionOutputs.forEach(o -> topics.add(o.topic()));
    recorder.nodeOutputs.forEach(o -> topics.add(o.topic()));
    return Collections.unmodifiableSet(topics);
  }

  /**
   * Returns the codec of the source {@code topic}'s elements.
   *
   * @throws IllegalArgumentException if the pipeline has no source {@code topic}
   */
  @SuppressWarnings("unchecked")
  public <T> Codec<T> sourceCodec(String topic) {
    Step.Source source = recorder.sources.get(topic);
    if (source == null) {
      throw new IllegalArgumentException(
          "the pipeline has no source topic '" + topic + "'; its sources are "
              + recorder.sources.keySet());
    }
    return (Codec<T>) source.codec();
  }
}
