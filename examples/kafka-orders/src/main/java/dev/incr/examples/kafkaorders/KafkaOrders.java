package dev.incr.examples.kafkaorders;

import dev.incr.Engine;
import dev.incr.Pair;
import dev.incr.kafka.KafkaPipeline;
import dev.incr.kafka.LocalBroker;
import dev.incr.kafka.LocalPipeline;
import dev.incr.kafka.OutputReader;
import dev.incr.kafka.SourceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Runs {@link RevenuePipeline} on a reproducible stream of orders, cancellations and customers
 * moving region, and prints the revenue per region and what one change cost.
 *
 * <ul>
 *   <li>{@code in-process} (the default): on an incr engine in this JVM.
 *   <li>{@code broker}: as a Kafka Streams topology, two application instances, on a broker
 *       started in this JVM (sources of four partitions); the outputs are read back into a local
 *       engine and checked against the in-process results.
 * </ul>
 *
 * <p>A second argument sets the number of changes (200,000 in-process, 20,000 on the broker).
 */
public final class KafkaOrders {
  static final int CUSTOMERS = 1_000;
  static final int BATCH = 50;
  static final long SEED = 42;

  private KafkaOrders() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    String mode = args.length > 0 ? args[0] : "in-process";
    switch (mode) {
      case "in-process" -> inProcess(args.length > 1 ? Integer.parseInt(args[1]) : 200_000);
      case "broker" -> onBroker(args.length > 1 ? Integer.parseInt(args[1]) : 20_000);
      default -> {
        System.err.println("usage: KafkaOrders [in-process|broker] [changes]");
        System.exit(2);
      }
    }
  }

  /** Runs the workload in-process; returns the pipeline, its outputs up to date. */
  static LocalPipeline inProcess(int changes) {
    LocalPipeline local = LocalPipeline.start(Engine.singleThreaded(), RevenuePipeline.PIPELINE);
    Workload workload = new Workload(SEED, CUSTOMERS);
    local.batch(b -> Workload.apply(workload.customersBatch(), b));
    // Warm-up: a quarter as many changes again, not timed.
    List<List<Workload.Change>> warmUp = batches(workload, changes / 4);
    for (List<Workload.Change> batch : warmUp) {
      local.batch(b -> Workload.apply(batch, b));
      read(local);
    }
    List<List<Workload.Change>> timed = batches(workload, changes);
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (List<Workload.Change> batch : timed) {
      local.batch(b -> Workload.apply(batch, b));
      read(local);
    }
    long elapsed = System.nanoTime() - start;
    long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
    System.out.printf(
        "in-process: %,d changes in batches of %d, each batch's outputs read: %.2f s, %.2f µs per"
            + " change (CPU time of the thread: %.2f µs per change) %s%n",
        changes, BATCH, elapsed / 1e9, elapsed / 1e3 / changes, cpu / 1e3 / changes, load());
    print(local.collection(RevenuePipeline.REVENUE).toList(), local.node(RevenuePipeline.ORDER_COUNT).get());
    return local;
  }

  /** The machine's load, printed with each measurement: other programs slow it down. */
  static String load() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return String.format(
        "(%d cores, load average %.1f)", os.getAvailableProcessors(), os.getSystemLoadAverage());
  }

  private static long processCpuTime() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void read(LocalPipeline local) {
    local.collection(RevenuePipeline.REVENUE).toList();
    local.node(RevenuePipeline.ORDER_COUNT).get();
  }

  private static List<List<Workload.Change>> batches(Workload workload, int changes) {
    List<List<Workload.Change>> batches = new ArrayList<>();
    for (int n = 0; n < changes; ) {
      List<Workload.Change> batch = workload.nextBatch(Math.min(BATCH, changes - n));
      batches.add(batch);
      n += batch.size();
    }
    return batches;
  }

  /** Runs the workload on a broker in this JVM, checks it against in-process, prints the cost. */
  static void onBroker(int changes) throws Exception {
    KafkaPipeline kafka = KafkaPipeline.of(RevenuePipeline.PIPELINE);
    LocalPipeline expected = LocalPipeline.start(Engine.singleThreaded(), RevenuePipeline.PIPELINE);
    Workload workload = new Workload(SEED, CUSTOMERS);
    List<List<Workload.Change>> batches = new ArrayList<>();
    batches.add(workload.customersBatch());
    batches.addAll(batches(workload, changes));
    for (List<Workload.Change> batch : batches) {
      expected.batch(b -> Workload.apply(batch, b));
    }
    List<Path> stateDirs = new ArrayList<>();
    long brokerStart = System.nanoTime();
    try (LocalBroker broker = LocalBroker.start()) {
      broker.createTopics(4, List.copyOf(kafka.sourceTopics()));
      broker.createTopics(4, List.copyOf(kafka.outputTopics()));
      System.out.printf("broker started on %s in %.1f s%n", broker.bootstrapServers(),
          (System.nanoTime() - brokerStart) / 1e9);
      List<KafkaStreams> instances = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Path stateDir = Files.createTempDirectory("kafka-orders-state");
        stateDirs.add(stateDir);
        Properties config = KafkaPipeline.streamsConfig("kafka-orders", broker.bootstrapServers());
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        KafkaStreams streams = new KafkaStreams(kafka.topology(), config);
        streams.start();
        instances.add(streams);
      }
      awaitRunning(instances);
      Properties producer = new Properties();
      producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      OutputReader reader = kafka.reader(Engine.singleThreaded());
      try (SourceWriter writer = kafka.writer(producer);
          KafkaConsumer<byte[], byte[]> consumer = consumer(broker)) {
        consumer.subscribe(reader.topics());
        long cpuStart = processCpuTime();
        long start = System.nanoTime();
        for (List<Workload.Change> batch : batches) {
          writer.batch(b -> Workload.apply(batch, b));
        }
        long written = System.nanoTime() - start;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!same(expected, reader)) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the outputs did not reach the in-process results");
          }
          reader.poll(consumer, Duration.ofMillis(100));
        }
        long complete = System.nanoTime() - start;
        long cpu = processCpuTime() - cpuStart;
        int total = batches.stream().mapToInt(List::size).sum();
        System.out.printf(
            "on Kafka (2 instances, 4 partitions, exactly-once, broker in this JVM): %,d changes in"
                + " %,d transactions written in %.2f s; outputs equal to in-process after %.2f s:"
                + " %.0f µs per change end to end (CPU time of the whole process, broker included:"
                + " %.0f µs per change) %s%n",
            total,
            batches.size(),
            written / 1e9,
            complete / 1e9,
            complete / 1e3 / total,
            cpu / 1e3 / total,
            load());
        print(
            reader.collection(RevenuePipeline.REVENUE).toList(),
            reader.node(RevenuePipeline.ORDER_COUNT).get());
      } finally {
        for (KafkaStreams streams : instances) {
          streams.close(Duration.ofSeconds(30));
        }
      }
    } finally {
      for (Path dir : stateDirs) {
        deleteTree(dir);
      }
    }
  }

  static boolean same(LocalPipeline expected, OutputReader reader) {
    return bag(expected.collection(RevenuePipeline.REVENUE).toList())
            .equals(bag(reader.collection(RevenuePipeline.REVENUE).toList()))
        && expected.node(RevenuePipeline.ORDER_COUNT).get()
            .equals(reader.node(RevenuePipeline.ORDER_COUNT).get());
  }

  private static Map<Object, Integer> bag(List<?> elements) {
    Map<Object, Integer> bag = new HashMap<>();
    elements.forEach(e -> bag.merge(e, 1, Integer::sum));
    return bag;
  }

  private static void awaitRunning(List<KafkaStreams> instances) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (instances.stream().anyMatch(s -> s.state() != KafkaStreams.State.RUNNING)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the application instances did not start");
      }
      Thread.sleep(50);
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(LocalBroker broker) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "kafka-orders-reader");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @SuppressWarnings("unchecked")
  private static void print(List<?> revenue, Object orderCount) {
    List<Pair<String, Double>> rows = new ArrayList<>((List<Pair<String, Double>>) revenue);
    rows.sort(Comparator.comparing(Pair::first));
    System.out.println("orders: " + orderCount);
    for (Pair<String, Double> row : rows) {
      System.out.printf("  %-6s %,16.2f%n", row.first(), row.second());
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
