package dev.incr.kafka;

import dev.incr.Engine;
import dev.incr.IncrCollection;
import dev.incr.Node;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link Pipeline} running in-process, on an incr engine: its sources are the engine's
 * collections and its outputs the collections and nodes the definition built on them.
 *
 * <pre>{@code
 * LocalPipeline local = LocalPipeline.start(Engine.singleThreaded(), revenue);
 * local.batch(b -> { b.insert("customers", ada); b.insert("orders", order); });
 * local.collection("revenue-by-region").toList();
 * }</pre>
 */
public final class LocalPipeline {
  private final Engine engine;
  private final Map<String, IncrCollection<?>> sources = new LinkedHashMap<>();
  private final Map<String, IncrCollection<?>> collections = new LinkedHashMap<>();
  private final Map<String, Node<?>> nodes = new LinkedHashMap<>();

  private LocalPipeline(Engine engine) {
    this.engine = engine;
  }

  /** Runs {@code pipeline}'s definition on {@code engine}. */
  public static LocalPipeline start(Engine engine, Pipeline pipeline) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(pipeline, "pipeline");
    LocalPipeline local = new LocalPipeline(engine);
    pipeline.define(local.new LocalTopics());
    return local;
  }

  /** Returns the engine the pipeline runs on. */
  public Engine engine() {
    return engine;
  }

  /**
   * Returns the source collection fed by {@code topic}, to insert into and delete from.
   *
   * @throws IllegalArgumentException if the pipeline has no source {@code topic}
   */
  @SuppressWarnings("unchecked")
  public <T> IncrCollection<T> source(String topic) {
    return (IncrCollection<T>) lookup(sources, topic, "source");
  }

  /**
   * Returns the collection the pipeline publishes to {@code topic}.
   *
   * @throws IllegalArgumentException if the pipeline publishes no collection to {@code topic}
   */
  @SuppressWarnings("unchecked")
  public <T> IncrCollection<T> collection(String topic) {
    return (IncrCollection<T>) lookup(collections, topic, "collection output");
  }

  /**
   * Returns the aggregate the pipeline publishes to {@code topic}.
   *
   * @throws IllegalArgumentException if the pipeline publishes no aggregate to {@code topic}
   */
  @SuppressWarnings("unchecked")
  public <A> Node<A> node(String topic) {
    return (Node<A>) lookup(nodes, topic, "aggregate output");
  }

  /** Applies {@code changes} to the sources as one engine batch. */
  public void batch(Consumer<SourceBatch> changes) {
    engine.batch(
        () ->
            changes.accept(
                new SourceBatch() {
                  @Override
                  public <T> void insert(String topic, T element) {
                    LocalPipeline.this.<T>source(topic).insert(element);
                  }

                  @Override
                  public <T> void delete(String topic, T element) {
                    LocalPipeline.this.<T>source(topic).delete(element);
                  }
                }));
  }

  private static <V> V lookup(Map<String, V> map, String topic, String what) {
    V value = map.get(topic);
    if (value == null) {
      throw new IllegalArgumentException(
          "the pipeline has no " + what + " named '" + topic + "'; it has " + map.keySet());
    }
    return value;
  }

  private void claim(String topic) {
    Objects.requireNonNull(topic, "topic");
    if (sources.containsKey(topic) || collections.containsKey(topic) || nodes.containsKey(topic)) {
      throw new IllegalArgumentException(
          "topic '" + topic + "' is already a source or an output of this pipeline");
    }
  }

  private final class LocalTopics implements Topics {
    @Override
    public <T> IncrCollection<T> source(String topic, Codec<T> codec) {
      claim(topic);
      Objects.requireNonNull(codec, "codec");
      IncrCollection<T> source = engine.collection();
      source.label(topic);
      sources.put(topic, source);
      return source;
    }

    @Override
    public <T> void output(String topic, IncrCollection<T> collection, Codec<T> codec) {
      claim(topic);
      Objects.requireNonNull(collection, "collection");
      Objects.requireNonNull(codec, "codec");
      if (collection.engine() != engine) {
        throw new IllegalArgumentException(
            "output '" + topic + "': collection " + collection.label() + " is not of this pipeline");
      }
      collections.put(topic, collection);
    }

    @Override
    public <A> void output(String topic, Node<A> aggregate, Codec<A> codec) {
      claim(topic);
      Objects.requireNonNull(aggregate, "aggregate");
      Objects.requireNonNull(codec, "codec");
      if (aggregate.engine() != engine) {
        throw new IllegalArgumentException(
            "output '" + topic + "': node " + aggregate.label() + " is not of this pipeline");
      }
      nodes.put(topic, aggregate);
    }

    @Override
    public <T, R> IncrCollection<R> inOnePartition(
        IncrCollection<T> input, Function<IncrCollection<T>, IncrCollection<R>> operators) {
      return Objects.requireNonNull(operators.apply(input), "inOnePartition operators' result");
    }
  }
}
