package dev.incr.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka broker (KRaft: broker and controller in one) running in this JVM on
 * 127.0.0.1, its data in a temporary directory deleted on {@link #close()}: for integration tests,
 * demos and trying a pipeline on one machine, not for production.
 *
 * <p>Needs {@code org.apache.kafka:kafka_2.13} and {@code org.apache.kafka:kafka-server} on the
 * class path; {@code incr-kafka} declares them optional, so add them where it is used.
 */
public final class LocalBroker implements AutoCloseable {
  private final Path directory;
  private final KafkaRaftServer server;
  private final String bootstrapServers;

  private LocalBroker(Path directory, KafkaRaftServer server, String bootstrapServers) {
    this.directory = directory;
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Formats a temporary log directory and starts the broker on two free ports (clients and
   * controller). Returns once it serves requests.
   *
   * @throws IllegalStateException if formatting the storage fails
   */
  public static LocalBroker start() throws IOException {
    Path directory = Files.createTempDirectory("incr-local-broker");
    int port = freePort();
    int controllerPort = freePort();
    Properties config = new Properties();
    config.put("process.roles", "broker,controller");
    config.put("node.id", "1");
    config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    config.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    config.put("controller.listener.names", "CONTROLLER");
    config.put("inter.broker.listener.name", "PLAINTEXT");
    config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    config.put("log.dirs", directory.resolve("logs").toString());
    config.put("offsets.topic.replication.factor", "1");
    config.put("offsets.topic.num.partitions", "2");
    config.put("transaction.state.log.replication.factor", "1");
    config.put("transaction.state.log.min.isr", "1");
    config.put("transaction.state.log.num.partitions", "2");
    config.put("share.coordinator.state.topic.replication.factor", "1");
    config.put("share.coordinator.state.topic.min.isr", "1");
    config.put("group.initial.rebalance.delay.ms", "0");
    config.put("auto.create.topics.enable", "false");
    config.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));

    Path file = directory.resolve("server.properties");
    try (Writer out = Files.newBufferedWriter(file)) {
      config.store(out, "incr LocalBroker");
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status;
    try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      status =
          StorageTool.execute(
              new String[] {
                "format", "-t", Uuid.randomUuid().toString(), "-c", file.toString()
              },
              print);
    }
    if (status != 0) {
      throw new IllegalStateException(
          "formatting the broker's storage in " + directory + " failed: " + output);
    }
    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
    server.startup();
    return new LocalBroker(directory, server, "127.0.0.1:" + port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Returns the address for clients' {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Creates each of {@code topics} with {@code partitions} partitions, and waits for it. */
  public void createTopics(int partitions, List<String> topics) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin
          .createTopics(topics.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList())
          .all()
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + topics, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("creating " + topics + " failed: " + e.getCause(), e);
    }
  }

  /** Stops the broker and deletes its data. */
  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
