package dev.incr.kafka;

import dev.incr.GroupedCollection;
import dev.incr.IncrCollection;
import dev.incr.Node;
import dev.incr.Pair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/** The recording implementation of {@link GroupedCollection}. */
final class RecordedGroups<K, T> implements GroupedCollection<K, T> {
  private final Recorder recorder;
  private final Step parent;
  private final Function<Object, Object> key;
  private String label;

  RecordedGroups(Recorder recorder, Step parent, Function<Object, Object> key, String label) {
    this.recorder = recorder;
    this.parent = parent;
    this.key = key;
    this.label = label;
  }

  @Override
  public IncrCollection<T> group(K groupKey) {
    Objects.requireNonNull(groupKey, "key");
    Predicate<Object> inGroup = e -> groupKey.equals(key.apply(e));
    return new RecordedCollection<>(
        recorder,
        new Step.Filter(recorder.nextId(), label + ".group(" + groupKey + ")", parent, inGroup));
  }

  @Override
  public <A> IncrCollection<Pair<K, A>> aggregate(
      Function<? super IncrCollection<T>, ? extends Node<A>> perGroup) {
    Objects.requireNonNull(perGroup, "perGroup");
    Step.GroupMembers members = new Step.GroupMembers(recorder.nextId(), label + " (a group)");
    Node<A> node = perGroup.apply(new RecordedCollection<>(recorder, members));
    if (!(node instanceof RecordedNode<?> recorded) || recorded.recorder() != recorder) {
      throw notFromGroup(node == null ? "null" : node.label());
    }
    List<Step> chain = new ArrayList<>();
    Step s = recorded.step().parent();
    while (s != members) {
      if (s instanceof Step.Filter f) {
        chain.add(f);
        s = f.parent();
      } else if (s instanceof Step.Map m) {
        chain.add(m);
        s = m.parent();
      } else {
        throw notFromGroup(node.label());
      }
    }
    Collections.reverse(chain);
    return grouped("aggregate", chain, recorded.step().aggregation());
  }

  private IllegalArgumentException notFromGroup(String nodeLabel) {
    return new IllegalArgumentException(
        "aggregate on '"
            + label
            + "': on Kafka the per-group function must build its node from the group it is given,"
            + " through filter and map only, ending in count, sum, min, max or an invertible"
            + " reduce; it returned '"
            + nodeLabel
            + "'");
  }

  @Override
  public IncrCollection<Pair<K, Long>> count() {
    return grouped("count", List.of(), Step.Aggregation.count());
  }

  @Override
  @SuppressWarnings("unchecked")
  public IncrCollection<Pair<K, Double>> sum(ToDoubleFunction<? super T> value) {
    Objects.requireNonNull(value, "value");
    return grouped("sum", List.of(), Step.Aggregation.sum((ToDoubleFunction<Object>) value));
  }

  @Override
  @SuppressWarnings("unchecked")
  public IncrCollection<Pair<K, T>> min(Comparator<? super T> comparator) {
    Objects.requireNonNull(comparator, "comparator");
    return grouped(
        "min", List.of(), Step.Aggregation.extremum((Comparator<Object>) comparator, false, false));
  }

  @Override
  @SuppressWarnings("unchecked")
  public IncrCollection<Pair<K, T>> max(Comparator<? super T> comparator) {
    Objects.requireNonNull(comparator, "comparator");
    return grouped(
        "max", List.of(), Step.Aggregation.extremum((Comparator<Object>) comparator, true, false));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <A> IncrCollection<Pair<K, A>> reduce(
      A identity,
      BiFunction<? super A, ? super T, ? extends A> add,
      BiFunction<? super A, ? super T, ? extends A> remove) {
    Objects.requireNonNull(add, "add");
    Objects.requireNonNull(remove, "remove");
    return grouped(
        "reduce",
        List.of(),
        Step.Aggregation.reduce(
            identity,
            (BiFunction<Object, Object, Object>) (BiFunction<?, ?, ?>) add,
            (BiFunction<Object, Object, Object>) (BiFunction<?, ?, ?>) remove));
  }

  @Override
  public IncrCollection<Pair<K, T>> reduce(T identity, BinaryOperator<T> accumulator) {
    throw Refusals.fold("GroupedCollection.reduce(identity, accumulator)", label);
  }

  @Override
  public <A> IncrCollection<Pair<K, A>> reduce(Function<? super List<T>, ? extends A> function) {
    throw Refusals.wholeList("GroupedCollection.reduce(function)", label);
  }

  private <R> IncrCollection<R> grouped(
      String kind, List<Step> members, Step.Aggregation aggregation) {
    if (parent instanceof Step.GroupMembers) {
      throw new UnsupportedOperationException(
          "groupBy inside aggregate(...) on '"
              + label
              + "' cannot be distributed: a group's aggregate is built from its own elements"
              + " through filter and map only; group by both keys at once instead (a Pair key)");
    }
    return new RecordedCollection<>(
        recorder,
        new Step.Grouped(
            recorder.nextId(), kind + "(" + label + ")", parent, key, members, aggregation));
  }

  @Override
  public GroupedCollection<K, T> label(String label) {
    this.label = Objects.requireNonNull(label, "label");
    return this;
  }

  @Override
  public String label() {
    return label;
  }
}
