package dev.incr.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.incr.Engine;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Runs one pipeline three ways side by side: in-process ({@link LocalPipeline}), as its topology
 * in a {@link TopologyTestDriver} read back through an {@link OutputReader}, and from scratch by an
 * oracle over the live source elements; {@link #batch} applies changes to all three and checks
 * that every output agrees.
 */
final class Harness implements AutoCloseable {
  /** Computes every output from scratch: collections as element counts, aggregates as values. */
  interface Oracle extends Function<Map<String, List<Object>>, Map<String, Object>> {}

  private final LocalPipeline local;
  private final KafkaPipeline kafka;
  private final TopologyTestDriver driver;
  private final OutputReader reader;
  private final Oracle oracle;
  private final Map<String, TestInputTopic<byte[], byte[]>> inputs = new HashMap<>();
  private final Map<String, TestOutputTopic<byte[], byte[]>> outputs = new LinkedHashMap<>();
  /** The live elements of each source, in insertion order; a delete removes the last occurrence. */
  private final Map<String, List<Object>> live = new LinkedHashMap<>();
  private long offset;
  int steps;

  Harness(Pipeline pipeline, Oracle oracle) {
    this.oracle = oracle;
    local = LocalPipeline.start(Engine.singleThreaded(), pipeline);
    kafka = KafkaPipeline.of(pipeline).withInMemoryStores();
    Properties config = KafkaPipeline.streamsConfig("harness", "127.0.0.1:1");
    driver = new TopologyTestDriver(kafka.topology(), config);
    reader = kafka.reader(Engine.singleThreaded());
    for (String topic : kafka.sourceTopics()) {
      inputs.put(
          topic,
          driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer()));
      live.put(topic, new ArrayList<>());
    }
    for (String topic : kafka.outputTopics()) {
      outputs.put(
          topic,
          driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
    }
  }

  /** Applies {@code changes} in-process, on the topology and to the oracle, then compares. */
  void batch(Consumer<SourceBatch> changes) {
    List<Object[]> recorded = new ArrayList<>();
    SourceBatch recording =
        new SourceBatch() {
          @Override
          public <T> void insert(String topic, T element) {
            recorded.add(new Object[] {topic, element, 1});
          }

          @Override
          public <T> void delete(String topic, T element) {
            recorded.add(new Object[] {topic, element, -1});
          }
        };
    changes.accept(recording);
    local.batch(
        b -> {
          for (Object[] change : recorded) {
            if ((int) change[2] > 0) {
              b.insert((String) change[0], change[1]);
            } else {
              b.delete((String) change[0], change[1]);
            }
          }
        });
    for (Object[] change : recorded) {
      String topic = (String) change[0];
      byte[] key = kafka.sourceCodec(topic).encode(change[1]);
      inputs.get(topic).pipeInput(key, ByteBuffer.allocate(4).putInt((int) change[2]).array());
      List<Object> elements = live.get(topic);
      if ((int) change[2] > 0) {
        elements.add(change[1]);
      } else {
        int last = elements.lastIndexOf(change[1]);
        if (last >= 0) {
          elements.remove(last);
        }
      }
    }
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (var output : outputs.entrySet()) {
      for (TestRecord<byte[], byte[]> r : output.getValue().readRecordsToList()) {
        records.add(
            new ConsumerRecord<>(output.getKey(), 0, offset++, r.key(), r.value()));
      }
    }
    reader.apply(records);
    steps++;
    check();
  }

  /** Asserts that each output is the same in-process, as read from the topology, and from scratch. */
  void check() {
    Map<String, Object> expected = oracle.apply(live);
    assertEquals(expected.keySet(), kafka.outputTopics(), "the oracle covers every output");
    for (String topic : kafka.outputTopics()) {
      Object want = expected.get(topic);
      String where = "output '" + topic + "' after step " + steps + ", sources " + live;
      if (want instanceof Map<?, ?>) {
        assertEquals(want, Bags.of(local.collection(topic).toList()), "in-process " + where);
        assertEquals(want, Bags.of(reader.collection(topic).toList()), "on Kafka " + where);
      } else {
        assertEquals(want, local.node(topic).get(), "in-process " + where);
        assertEquals(want, reader.node(topic).get(), "on Kafka " + where);
      }
    }
  }

  @Override
  public void close() {
    driver.close();
  }
}
