package dev.incr.kafka;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Builds the Kafka Streams topology of a recorded pipeline. Collections travel as streams of
 * {@link Delta}s. Filter and map run where the change is, without repartitioning; a grouped
 * aggregate repartitions by group key, a join by join key (both sides through one topic), a whole
 * collection's aggregate and {@link Topics#inOnePartition} into one partition, and a published
 * collection by element, where its table is kept. Every processor, store and internal topic is
 * named after its step's number, so every application instance builds the same topology.
 */
final class TopologyTranslator {
  private static final byte[] NO_KEY = new byte[0];

  private final StreamsBuilder builder = new StreamsBuilder();
  private final Map<Step, KStream<byte[], Delta>> streams = new IdentityHashMap<>();
  private final Codec<Object> internal;
  private final StateStores stores;

  TopologyTranslator(Codec<Object> internal, StateStores stores) {
    this.internal = internal;
    this.stores = stores;
  }

  Topology translate(Recorder recorder) {
    int n = 0;
    for (Recorder.CollectionOutput output : recorder.collectionOutputs) {
      String name = "incr-out" + n++;
      Codec<Object> codec = output.codec();
      stream(output.step())
          .map(
              (k, d) -> org.apache.kafka.streams.KeyValue.pair(codec.encode(d.element()), d.weight()),
              Named.as(name + "-key"))
          .repartition(
              Repartitioned.with(Serdes.ByteArray(), Serdes.Long()).withName(name + "-by-element"))
          .process(new OutputProcessor(stores.store(name + "-table")), Named.as(name + "-table"))
          .to(output.topic(), Produced.with(Serdes.ByteArray(), Serdes.Long()));
    }
    for (Recorder.NodeOutput output : recorder.nodeOutputs) {
      Codec<Object> codec = output.codec();
      stream(output.step())
          .map(
              (k, d) -> org.apache.kafka.streams.KeyValue.pair(NO_KEY, codec.encode(d.element())),
              Named.as("incr-out" + n++ + "-value"))
          .to(output.topic(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
    }
    return builder.build();
  }

  private KStream<byte[], Delta> stream(Step step) {
    KStream<byte[], Delta> stream = streams.get(step);
    if (stream == null) {
      stream = build(step);
      streams.put(step, stream);
    }
    return stream;
  }

  private String name(Step step, String what) {
    return "incr-" + step.id() + "-" + what;
  }

  private KStream<byte[], Delta> build(Step step) {
    if (step instanceof Step.Source s) {
      return builder.stream(
              s.topic(),
              Consumed.with(Serdes.ByteArray(), Serdes.Integer()).withName(name(s, "source")))
          .process(
              new SourceProcessor(s.topic(), s.codec(), stores.store(name(s, "counts"))),
              Named.as(name(s, "multiset")));
    }
    if (step instanceof Step.Filter f) {
      return stream(f.parent())
          .filter((k, d) -> f.predicate().test(d.element()), Named.as(name(f, "filter")));
    }
    if (step instanceof Step.Map m) {
      return stream(m.parent())
          .mapValues(d -> new Delta(mapped(m, d.element()), d.weight()), Named.as(name(m, "map")));
    }
    if (step instanceof Step.Grouped g) {
      return stream(g.parent())
          .map(
              (k, d) -> {
                Object key = g.key().apply(d.element());
                if (key == null) {
                  throw new NullPointerException(
                      g.label() + ": the key function returned null for " + d.element());
                }
                return org.apache.kafka.streams.KeyValue.pair(
                    internal.encode(key), new Delta(member(g, d.element()), d.weight()));
              },
              Named.as(name(g, "key")))
          .repartition(
              Repartitioned.with(Serdes.ByteArray(), Delta.serde(internal))
                  .withName(name(g, "by-key")))
          .process(
              new GroupProcessor(
                  g.aggregation(),
                  false,
                  internal,
                  stores.store(name(g, "groups")),
                  stores.store(name(g, "members"))),
              Named.as(name(g, "aggregate")));
    }
    if (step instanceof Step.Total t) {
      return stream(t.parent())
          .selectKey((k, d) -> NO_KEY, Named.as(name(t, "key")))
          .repartition(
              Repartitioned.with(Serdes.ByteArray(), Delta.serde(internal))
                  .withName(name(t, "all"))
                  .withNumberOfPartitions(1))
          .process(
              new GroupProcessor(
                  t.aggregation(),
                  true,
                  internal,
                  stores.store(name(t, "groups")),
                  stores.store(name(t, "members"))),
              Named.as(name(t, "aggregate")));
    }
    if (step instanceof Step.Join j) {
      KStream<byte[], Delta> left =
          stream(j.left())
              .map(
                  (k, d) ->
                      org.apache.kafka.streams.KeyValue.pair(
                          internal.encode(j.leftKey().apply(d.element())),
                          new Delta(d.element(), d.weight(), false)),
                  Named.as(name(j, "left-key")));
      KStream<byte[], Delta> right =
          stream(j.right())
              .map(
                  (k, d) ->
                      org.apache.kafka.streams.KeyValue.pair(
                          internal.encode(j.rightKey().apply(d.element())),
                          new Delta(d.element(), d.weight(), true)),
                  Named.as(name(j, "right-key")));
      return left.merge(right, Named.as(name(j, "sides")))
          .repartition(
              Repartitioned.with(Serdes.ByteArray(), Delta.serde(internal))
                  .withName(name(j, "by-key")))
          .process(
              new JoinProcessor(
                  internal, stores.store(name(j, "left")), stores.store(name(j, "right"))),
              Named.as(name(j, "join")));
    }
    if (step instanceof Step.OnePartition o) {
      return stream(o.parent())
          .selectKey((k, d) -> NO_KEY, Named.as(name(o, "key")))
          .repartition(
              Repartitioned.with(Serdes.ByteArray(), Delta.serde(internal))
                  .withName(name(o, "all"))
                  .withNumberOfPartitions(1))
          .process(
              new OnePartitionProcessor(o.operators(), internal, stores.store(name(o, "input"))),
              Named.as(name(o, "engine")));
    }
    throw new IllegalArgumentException(
        step.label() + " is a group's collection inside aggregate(...) and cannot be used elsewhere");
  }

  private static Object mapped(Step.Map m, Object element) {
    return Objects.requireNonNull(
        m.function().apply(element), () -> m.label() + ": the function returned null for " + element);
  }

  /** The element as the per-group function's filters and maps leave it; null if filtered out. */
  private static Object member(Step.Grouped g, Object element) {
    Object e = element;
    for (Step s : g.members()) {
      if (s instanceof Step.Filter f) {
        if (!f.predicate().test(e)) {
          return null;
        }
      } else {
        e = mapped((Step.Map) s, e);
      }
    }
    return e;
  }
}
