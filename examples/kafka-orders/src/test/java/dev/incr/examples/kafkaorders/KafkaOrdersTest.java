package dev.incr.examples.kafkaorders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.incr.Engine;
import dev.incr.Pair;
import dev.incr.kafka.KafkaPipeline;
import dev.incr.kafka.LocalPipeline;
import dev.incr.kafka.OutputReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * The example's pipeline gives the same revenue per region in-process, as a topology (in {@code
 * TopologyTestDriver}, read back through {@link OutputReader}) and computed from scratch.
 */
class KafkaOrdersTest {

  @Test
  void revenuePerRegionIsTheSameInProcessOnKafkaAndFromScratch() {
    LocalPipeline local = LocalPipeline.start(Engine.singleThreaded(), RevenuePipeline.PIPELINE);
    KafkaPipeline kafka = KafkaPipeline.of(RevenuePipeline.PIPELINE).withInMemoryStores();
    OutputReader reader = kafka.reader(Engine.singleThreaded());
    Workload workload = new Workload(7, 40);
    Map<Object, Integer> orders = new HashMap<>();
    Map<String, String> regions = new HashMap<>();
    try (TopologyTestDriver driver =
        new TopologyTestDriver(kafka.topology(), KafkaPipeline.streamsConfig("test", "x:1"))) {
      Map<String, TestInputTopic<byte[], byte[]>> inputs = new HashMap<>();
      for (String topic : kafka.sourceTopics()) {
        inputs.put(
            topic, driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer()));
      }
      Map<String, TestOutputTopic<byte[], byte[]>> outputs = new HashMap<>();
      for (String topic : kafka.outputTopics()) {
        outputs.put(
            topic,
            driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
      }
      List<List<Workload.Change>> batches = new ArrayList<>();
      batches.add(workload.customersBatch());
      for (int i = 0; i < 150; i++) {
        batches.add(workload.nextBatch(1 + i % 7));
      }
      long offset = 0;
      for (List<Workload.Change> batch : batches) {
        local.batch(b -> Workload.apply(batch, b));
        for (Workload.Change c : batch) {
          byte[] key = kafka.sourceCodec(c.topic()).encode(c.element());
          inputs.get(c.topic()).pipeInput(key, ByteBuffer.allocate(4).putInt(c.insert() ? 1 : -1).array());
          if (c.element() instanceof Order o) {
            orders.merge(o, c.insert() ? 1 : -1, Integer::sum);
          } else if (c.insert()) {
            Customer customer = (Customer) c.element();
            regions.put(customer.id(), customer.region());
          }
        }
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (var output : outputs.entrySet()) {
          for (var r : output.getValue().readRecordsToList()) {
            records.add(new ConsumerRecord<>(output.getKey(), 0, offset++, r.key(), r.value()));
          }
        }
        reader.apply(records);

        Map<Object, Integer> expected = fromScratch(orders, regions);
        assertEquals(expected, bag(local.collection(RevenuePipeline.REVENUE).toList()));
        assertEquals(expected, bag(reader.collection(RevenuePipeline.REVENUE).toList()));
        long count = orders.values().stream().mapToLong(Integer::longValue).sum();
        assertEquals(count, local.node(RevenuePipeline.ORDER_COUNT).get());
        assertEquals(count, reader.node(RevenuePipeline.ORDER_COUNT).get());
      }
    }
  }

  /** Revenue per region from the live orders and each customer's current region. */
  private static Map<Object, Integer> fromScratch(
      Map<Object, Integer> orders, Map<String, String> regions) {
    Map<String, BigDecimal> sums = new HashMap<>();
    orders.forEach(
        (o, n) -> {
          Order order = (Order) o;
          BigDecimal amount = new BigDecimal(order.amount()).multiply(BigDecimal.valueOf(n));
          if (n > 0) {
            sums.merge(regions.get(order.customer()), amount, BigDecimal::add);
          }
        });
    List<Object> rows = new ArrayList<>();
    sums.forEach((region, sum) -> rows.add(Pair.of(region, Double.parseDouble(sum.toString()))));
    return bag(rows);
  }

  private static Map<Object, Integer> bag(List<?> elements) {
    Map<Object, Integer> bag = new HashMap<>();
    elements.forEach(e -> bag.merge(e, 1, Integer::sum));
    return bag;
  }
}
