package dev.incr.kafka;

import static dev.incr.kafka.PipelineEquivalenceTest.BY_VALUE;
import static dev.incr.kafka.PipelineEquivalenceTest.ITEMS;
import static dev.incr.kafka.PipelineEquivalenceTest.NAMES;
import static dev.incr.kafka.PipelineEquivalenceTest.STRICTLY;
import static dev.incr.kafka.PipelineEquivalenceTest.TAGS;
import static dev.incr.kafka.PipelineEquivalenceTest.exactSum;
import static dev.incr.kafka.PipelineEquivalenceTest.groups;
import static dev.incr.kafka.PipelineEquivalenceTest.items;
import static dev.incr.kafka.PipelineEquivalenceTest.join;
import static dev.incr.kafka.PipelineEquivalenceTest.pairs;
import static dev.incr.kafka.PipelineEquivalenceTest.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.incr.Engine;
import dev.incr.IncrCollection;
import dev.incr.Pair;
import dev.incr.kafka.PipelineEquivalenceTest.Item;
import dev.incr.kafka.PipelineEquivalenceTest.Tag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * A pipeline on a real broker (in this JVM, on 127.0.0.1): sources of four partitions, two
 * application instances, one of them replaced mid-stream; at quiescence the outputs, read back
 * through {@link OutputReader}, equal the in-process pipeline fed the same batches and a
 * from-scratch computation.
 */
class ScaleOutIT {
  static final Pipeline PIPELINE =
      topics -> {
        IncrCollection<Item> items = topics.source("it-items", ITEMS);
        IncrCollection<Tag> tags = topics.source("it-tags", TAGS);
        IncrCollection<Pair<Item, Tag>> pairs = items.join(tags, Item::key, Tag::key);
        topics.output("it-pairs", pairs, Codec.records());
        topics.output(
            "it-by-name",
            pairs.groupBy(p -> p.second().name()).sum(p -> p.first().value() * 0.1),
            Codec.records());
        topics.output("it-count", items.groupBy(Item::key).count(), Codec.records());
        topics.output("it-least", items.groupBy(Item::key).min(BY_VALUE), Codec.records());
        topics.output("it-best", pairs.map(Pair::first).max(STRICTLY), Codec.records());
        topics.output("it-total", items.count(), Codec.records());
      };

  static Map<String, Object> oracle(Map<String, List<Object>> live) {
    List<Item> items = items(live);
    List<Pair<Item, Tag>> pairs = join(items, tags(live), Item::key, Tag::key);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("it-pairs", Bags.of(pairs));
    out.put(
        "it-by-name",
        pairs(groups(pairs, p -> p.second().name()), g -> exactSum(g, p -> p.first().value() * 0.1)));
    out.put("it-count", pairs(groups(items, Item::key), g -> (long) g.size()));
    // Items of one key that compare equal by value are equal: no ties between unequal elements.
    out.put(
        "it-least",
        pairs(
            groups(items, Item::key),
            g -> g.stream().reduce((a, b) -> BY_VALUE.compare(a, b) <= 0 ? a : b).get()));
    out.put("it-best", pairs.stream().map(Pair::first).max(STRICTLY));
    out.put("it-total", (long) items.size());
    return out;
  }

  @Test
  void twoInstancesOneReplacedMidStreamAgreeWithInProcessAtQuiescence() throws Exception {
    long started = System.nanoTime();
    KafkaPipeline kafka = KafkaPipeline.of(PIPELINE);
    LocalPipeline local = LocalPipeline.start(Engine.singleThreaded(), PIPELINE);
    Map<String, List<Object>> live = new LinkedHashMap<>();
    live.put("items", new ArrayList<>());
    live.put("tags", new ArrayList<>());
    List<Path> stateDirs = new ArrayList<>();
    try (LocalBroker broker = LocalBroker.start()) {
      broker.createTopics(4, List.copyOf(kafka.sourceTopics()));
      broker.createTopics(2, List.copyOf(kafka.outputTopics()));
      KafkaStreams first = instance(kafka, broker, stateDirs);
      KafkaStreams second = instance(kafka, broker, stateDirs);
      KafkaStreams replacement = null;
      Properties producer = new Properties();
      producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      Random random = new Random(20261206);
      try (SourceWriter writer = kafka.writer(producer)) {
        for (int b = 0; b < 300; b++) {
          if (b == 150) {
            second.close(Duration.ofSeconds(30));
            replacement = instance(kafka, broker, stateDirs);
          }
          List<Object[]> changes = randomBatch(random);
          writer.batch(batch -> apply(changes, batch));
          local.batch(batch -> apply(changes, batch));
          for (Object[] c : changes) {
            List<Object> elements = live.get(c[0].equals("it-items") ? "items" : "tags");
            if ((boolean) c[2]) {
              elements.add(c[1]);
            } else if (elements.lastIndexOf(c[1]) >= 0) {
              elements.remove(elements.lastIndexOf(c[1]));
            }
          }
        }
      }
      Map<String, Object> expected = oracle(live);
      OutputReader reader = kafka.reader(Engine.singleThreaded());
      try (KafkaConsumer<byte[], byte[]> consumer = consumer(broker)) {
        consumer.subscribe(reader.topics());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!matches(expected, local, reader) && System.nanoTime() < deadline) {
          reader.poll(consumer, Duration.ofMillis(200));
        }
        // Quiescent: nothing more arrives, and the results stay equal.
        while (reader.poll(consumer, Duration.ofSeconds(2)) > 0) {}
        assertOutputs(expected, local, reader);
      } finally {
        first.close(Duration.ofSeconds(30));
        replacement.close(Duration.ofSeconds(30));
      }
    } finally {
      for (Path dir : stateDirs) {
        deleteTree(dir);
      }
    }
    System.out.printf(
        "ScaleOutIT: broker start, 300 batches, one instance replaced, quiescence in %.1f s%n",
        (System.nanoTime() - started) / 1e9);
  }

  private static List<Object[]> randomBatch(Random random) {
    List<Object[]> changes = new ArrayList<>();
    for (int c = 1 + random.nextInt(3); c > 0; c--) {
      boolean insert = random.nextInt(100) < 65;
      if (random.nextInt(3) == 0) {
        Tag tag = new Tag(random.nextInt(6), NAMES[random.nextInt(NAMES.length)]);
        changes.add(new Object[] {"it-tags", tag, insert});
      } else {
        changes.add(new Object[] {"it-items", new Item(random.nextInt(6), random.nextInt(8)), insert});
      }
    }
    return changes;
  }

  private static void apply(List<Object[]> changes, SourceBatch batch) {
    for (Object[] c : changes) {
      if ((boolean) c[2]) {
        batch.insert((String) c[0], c[1]);
      } else {
        batch.delete((String) c[0], c[1]);
      }
    }
  }

  private static boolean matches(Map<String, Object> expected, LocalPipeline local, OutputReader reader) {
    try {
      assertOutputs(expected, local, reader);
      return true;
    } catch (AssertionError notYet) {
      return false;
    }
  }

  private static void assertOutputs(
      Map<String, Object> expected, LocalPipeline local, OutputReader reader) {
    for (var e : expected.entrySet()) {
      String topic = e.getKey();
      if (e.getValue() instanceof Map<?, ?> bag) {
        assertEquals(bag, Bags.of(local.collection(topic).toList()), "in-process " + topic);
        assertEquals(bag, Bags.of(reader.collection(topic).toList()), "on Kafka " + topic);
      } else {
        assertEquals(e.getValue(), local.node(topic).get(), "in-process " + topic);
        assertEquals(e.getValue(), reader.node(topic).get(), "on Kafka " + topic);
      }
    }
  }

  private static KafkaStreams instance(KafkaPipeline kafka, LocalBroker broker, List<Path> stateDirs)
      throws Exception {
    Path stateDir = Files.createTempDirectory("incr-it-state");
    stateDirs.add(stateDir);
    Properties config = KafkaPipeline.streamsConfig("incr-scale-out-it", broker.bootstrapServers());
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    KafkaStreams streams = new KafkaStreams(kafka.topology(), config);
    streams.start();
    return streams;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(LocalBroker broker) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "incr-it-reader");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
