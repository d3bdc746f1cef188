package dev.incr.kafka;

import dev.incr.Engine;
import dev.incr.IncrCollection;
import dev.incr.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs a pipeline's definition against recording implementations of incr's collection interfaces
 * and keeps what it declared: the sources, the steps and the outputs.
 */
final class Recorder implements Topics {
  /** An output of a collection: its step, topic and codec. */
  record CollectionOutput(String topic, Step step, Codec<Object> codec) {}

  /** An output of a whole-collection aggregate. */
  record NodeOutput(String topic, Step.Total step, Codec<Object> codec) {}

  final Engine engine = DefinitionEngine.create();
  final Map<String, Step.Source> sources = new LinkedHashMap<>();
  final List<CollectionOutput> collectionOutputs = new ArrayList<>();
  final List<NodeOutput> nodeOutputs = new ArrayList<>();
  private int nextId;

  static Recorder record(Pipeline pipeline) {
    Recorder recorder = new Recorder();
    pipeline.define(recorder);
    return recorder;
  }

  int nextId() {
    return nextId++;
  }

  private void claim(String topic) {
    Objects.requireNonNull(topic, "topic");
    boolean taken =
        sources.containsKey(topic)
            || collectionOutputs.stream().anyMatch(o -> o.topic().equals(topic))
            || nodeOutputs.stream().anyMatch(o -> o.topic().equals(topic));
    if (taken) {
      throw new IllegalArgumentException(
          "topic '" + topic + "' is already a source or an output of this pipeline");
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> IncrCollection<T> source(String topic, Codec<T> codec) {
    claim(topic);
    Objects.requireNonNull(codec, "codec");
    Step.Source step = new Step.Source(nextId(), topic, topic, (Codec<Object>) codec);
    sources.put(topic, step);
    return new RecordedCollection<>(this, step);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> void output(String topic, IncrCollection<T> collection, Codec<T> codec) {
    claim(topic);
    Objects.requireNonNull(codec, "codec");
    Step step = stepOf(collection, "output '" + topic + "'");
    if (step instanceof Step.GroupMembers) {
      throw new IllegalArgumentException(
          "output '" + topic + "': a group inside aggregate(...) cannot be published");
    }
    collectionOutputs.add(new CollectionOutput(topic, step, (Codec<Object>) codec));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <A> void output(String topic, Node<A> aggregate, Codec<A> codec) {
    claim(topic);
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(aggregate, "aggregate");
    if (!(aggregate instanceof RecordedNode<?> node) || node.recorder() != this) {
      throw new IllegalArgumentException(
          "output '"
              + topic
              + "': "
              + aggregate.label()
              + " is not an aggregate of this pipeline's collections; publish count(), sum,"
              + " min, max or an invertible reduce of one of them");
    }
    if (node.step().parent() instanceof Step.GroupMembers) {
      throw new IllegalArgumentException(
          "output '" + topic + "': an aggregate of a group inside aggregate(...) cannot be published");
    }
    nodeOutputs.add(new NodeOutput(topic, node.step(), (Codec<Object>) codec));
  }

  @Override
  public <T, R> IncrCollection<R> inOnePartition(
      IncrCollection<T> input, Function<IncrCollection<T>, IncrCollection<R>> operators) {
    Objects.requireNonNull(operators, "operators");
    Step parent = stepOf(input, "inOnePartition");
    @SuppressWarnings("unchecked")
    Function<IncrCollection<Object>, IncrCollection<Object>> erased =
        (Function<IncrCollection<Object>, IncrCollection<Object>>) (Function<?, ?>) operators;
    Step.OnePartition step =
        new Step.OnePartition(nextId(), "inOnePartition(" + parent.label() + ")", parent, erased);
    return new RecordedCollection<>(this, step);
  }

  /** The step behind {@code collection}, which must be one of this definition's. */
  Step stepOf(IncrCollection<?> collection, String where) {
    Objects.requireNonNull(collection, where + ": collection");
    if (!(collection instanceof RecordedCollection<?> recorded) || recorded.recorder() != this) {
      throw new IllegalArgumentException(
          where
              + ": collection '"
              + collection.label()
              + "' does not come from this pipeline's sources (topics.source(...))");
    }
    return recorded.step();
  }
}
