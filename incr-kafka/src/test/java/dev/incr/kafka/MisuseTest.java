package dev.incr.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.Engine;
import dev.incr.IncrCollection;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** Misuse of the pipeline classes, and bad data on the topics, fail naming what is wrong. */
class MisuseTest {
  record Item(int key, int value) {}

  private static final Pipeline COUNTED =
      topics -> {
        IncrCollection<Item> items = topics.source("items", Codec.records());
        topics.output("items-out", items, Codec.records());
        topics.output("items-count", items.count(), Codec.records());
      };

  @Test
  void unknownTopicsAreNamedWithTheKnownOnes() {
    LocalPipeline local = LocalPipeline.start(Engine.singleThreaded(), COUNTED);
    assertEquals(
        "the pipeline has no source named 'orders'; it has [items]",
        assertThrows(IllegalArgumentException.class, () -> local.source("orders")).getMessage());
    assertEquals(
        "the pipeline has no collection output named 'items-count'; it has [items-out]",
        assertThrows(IllegalArgumentException.class, () -> local.collection("items-count"))
            .getMessage());
    KafkaPipeline kafka = KafkaPipeline.of(COUNTED);
    assertEquals(
        "the pipeline has no source topic 'orders'; its sources are [items]",
        assertThrows(IllegalArgumentException.class, () -> kafka.sourceCodec("orders"))
            .getMessage());
    OutputReader reader = kafka.reader(Engine.singleThreaded());
    assertEquals(
        "the pipeline publishes no collection to 'items-count'; it publishes [items-out] and the"
            + " aggregates [items-count]",
        assertThrows(IllegalArgumentException.class, () -> reader.collection("items-count"))
            .getMessage());
    assertEquals(
        "the pipeline publishes no aggregate to 'items-out'; it publishes [items-count] and the"
            + " collections [items-out]",
        assertThrows(IllegalArgumentException.class, () -> reader.node("items-out")).getMessage());
  }

  @Test
  void inProcessOutputOfAnotherEnginesCollection() {
    IncrCollection<Item> foreign = Engine.singleThreaded().collection();
    foreign.label("foreign");
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LocalPipeline.start(
                    Engine.singleThreaded(),
                    topics -> topics.output("out", foreign, Codec.records())));
    assertEquals("output 'out': collection foreign is not of this pipeline", thrown.getMessage());
  }

  @Test
  void aGroupCannotBePublished() {
    Object[] leaked = new Object[1];
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KafkaPipeline.of(
                    topics -> {
                      IncrCollection<Item> items = topics.source("items", Codec.records());
                      items
                          .groupBy(Item::key)
                          .aggregate(
                              g -> {
                                leaked[0] = g;
                                return g.count();
                              });
                      @SuppressWarnings("unchecked")
                      IncrCollection<Item> group = (IncrCollection<Item>) leaked[0];
                      topics.output("group", group, Codec.records());
                    }));
    assertEquals(
        "output 'group': a group inside aggregate(...) cannot be published", thrown.getMessage());
  }

  @Test
  void theReaderNamesARecordItCannotDecode() {
    OutputReader reader = KafkaPipeline.of(COUNTED).reader(Engine.singleThreaded());
    ConsumerRecord<byte[], byte[]> bad =
        new ConsumerRecord<>("items-out", 3, 17, new byte[] {99}, ByteBuffer.allocate(8).putLong(1).array());
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> reader.apply(List.of(bad)));
    assertEquals(
        "cannot apply the record at offset 17 of items-out-3: not a Codec.records() encoding:"
            + " unknown tag 99",
        thrown.getMessage());
  }

  @Test
  void theTopologyNamesANullMapResultAndAnUnreadableOrMissingSourceKey() {
    Pipeline nulls =
        topics -> {
          IncrCollection<Item> items = topics.source("items", Codec.records());
          topics.output("mapped", items.map(i -> i.key() > 0 ? i : null).label("positive keys"), Codec.records());
        };
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            KafkaPipeline.of(nulls).withInMemoryStores().topology(),
            KafkaPipeline.streamsConfig("misuse", "x:1"))) {
      TestInputTopic<byte[], byte[]> items =
          driver.createInputTopic("items", new ByteArraySerializer(), new ByteArraySerializer());
      byte[] one = ByteBuffer.allocate(4).putInt(1).array();
      RuntimeException thrown =
          assertThrows(
              RuntimeException.class,
              () -> items.pipeInput(Codec.records().encode(new Item(0, 5)), one));
      assertTrue(
          causes(thrown).contains("positive keys: the function returned null for Item[key=0, value=5]"),
          causes(thrown));
      RuntimeException garbled =
          assertThrows(RuntimeException.class, () -> items.pipeInput(new byte[] {99}, one));
      assertTrue(
          causes(garbled)
              .contains(
                  "the key at offset 1 of items-0 is not an element Codec.records() can read: not a"
                      + " Codec.records() encoding: unknown tag 99"),
          causes(garbled));
      RuntimeException keyless =
          assertThrows(RuntimeException.class, () -> items.pipeInput((byte[]) null, one));
      assertTrue(
          causes(keyless).contains("a record of source topic 'items' has no key: the key is the element"),
          causes(keyless));
    }
  }

  private static String causes(Throwable t) {
    StringBuilder messages = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      messages.append(c.getMessage()).append(" | ");
    }
    return messages.toString();
  }
}
