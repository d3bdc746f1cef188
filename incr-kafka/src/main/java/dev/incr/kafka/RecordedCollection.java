package dev.incr.kafka;

import dev.incr.Computed;
import dev.incr.DoubleComputed;
import dev.incr.Engine;
import dev.incr.GroupedCollection;
import dev.incr.IncrCollection;
import dev.incr.LongComputed;
import dev.incr.Pair;
import dev.incr.SortedCollection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The recording implementation of {@link IncrCollection}: each operator records a {@link Step} and
 * returns the recording of its result; operators that cannot be distributed are refused.
 */
final class RecordedCollection<T> implements IncrCollection<T> {
  private final Recorder recorder;
  private final Step step;
  private String label;
  private RecordedCount count;

  RecordedCollection(Recorder recorder, Step step) {
    this.recorder = recorder;
    this.step = step;
    this.label = step.label();
  }

  Recorder recorder() {
    return recorder;
  }

  Step step() {
    return step;
  }

  @Override
  public boolean insert(T element) {
    throw Refusals.notASource(label);
  }

  @Override
  public boolean delete(T element) {
    throw Refusals.notASource(label);
  }

  @Override
  public void insertAll(Iterable<? extends T> elements) {
    throw Refusals.notASource(label);
  }

  @Override
  public int deleteAll(Iterable<? extends T> elements) {
    throw Refusals.notASource(label);
  }

  @Override
  public List<T> toList() {
    throw Refusals.noContents("toList()", label);
  }

  @Override
  public LongComputed count() {
    if (count == null) {
      count = new RecordedCount(recorder, total("count", Step.Aggregation.count()));
    }
    return count;
  }

  @Override
  @SuppressWarnings("unchecked")
  public DoubleComputed sum(ToDoubleFunction<? super T> value) {
    Objects.requireNonNull(value, "value");
    return new RecordedSum(
        recorder, total("sum", Step.Aggregation.sum((ToDoubleFunction<Object>) value)));
  }

  @Override
  public Computed<Optional<T>> min(Comparator<? super T> comparator) {
    return extremum(comparator, false);
  }

  @Override
  public Computed<Optional<T>> max(Comparator<? super T> comparator) {
    return extremum(comparator, true);
  }

  @SuppressWarnings("unchecked")
  private Computed<Optional<T>> extremum(Comparator<? super T> comparator, boolean max) {
    Objects.requireNonNull(comparator, "comparator");
    return new RecordedValue<>(
        recorder,
        total(
            max ? "max" : "min",
            Step.Aggregation.extremum((Comparator<Object>) comparator, max, true)));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <A> Computed<A> reduce(
      A identity,
      BiFunction<? super A, ? super T, ? extends A> add,
      BiFunction<? super A, ? super T, ? extends A> remove) {
    Objects.requireNonNull(add, "add");
    Objects.requireNonNull(remove, "remove");
    return new RecordedValue<>(
        recorder,
        total(
            "reduce",
            Step.Aggregation.reduce(
                identity,
                (BiFunction<Object, Object, Object>) (BiFunction<?, ?, ?>) add,
                (BiFunction<Object, Object, Object>) (BiFunction<?, ?, ?>) remove)));
  }

  @Override
  public Computed<T> reduce(T identity, BinaryOperator<T> accumulator) {
    throw Refusals.fold("reduce(identity, accumulator)", label);
  }

  @Override
  public <A> Computed<A> reduce(Function<? super List<T>, ? extends A> function) {
    throw Refusals.wholeList("reduce(function)", label);
  }

  private Step.Total total(String kind, Step.Aggregation aggregation) {
    return new Step.Total(recorder.nextId(), kind + "(" + label + ")", step, aggregation);
  }

  @Override
  @SuppressWarnings("unchecked")
  public IncrCollection<T> filter(Predicate<? super T> predicate) {
    Objects.requireNonNull(predicate, "predicate");
    return new RecordedCollection<>(
        recorder,
        new Step.Filter(
            recorder.nextId(), "filter(" + label + ")", step, (Predicate<Object>) predicate));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <R> IncrCollection<R> map(Function<? super T, ? extends R> function) {
    Objects.requireNonNull(function, "function");
    return new RecordedCollection<>(
        recorder,
        new Step.Map(
            recorder.nextId(),
            "map(" + label + ")",
            step,
            (Function<Object, Object>) (Function<?, ?>) function));
  }

  @Override
  public <K extends Comparable<? super K>> SortedCollection<T> sortBy(
      Function<? super T, ? extends K> key) {
    throw Refusals.sortBy(label);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K> GroupedCollection<K, T> groupBy(Function<? super T, ? extends K> key) {
    Objects.requireNonNull(key, "key");
    return new RecordedGroups<>(
        recorder, step, (Function<Object, Object>) (Function<?, ?>) key, "groupBy(" + label + ")");
  }

  @Override
  @SuppressWarnings("unchecked")
  public <U, K> IncrCollection<Pair<T, U>> join(
      IncrCollection<U> other,
      Function<? super T, ? extends K> leftKey,
      Function<? super U, ? extends K> rightKey) {
    Objects.requireNonNull(leftKey, "leftKey");
    Objects.requireNonNull(rightKey, "rightKey");
    Step right = recorder.stepOf(other, "join of '" + label + "'");
    if (step instanceof Step.GroupMembers || right instanceof Step.GroupMembers) {
      throw new UnsupportedOperationException(
          "join inside aggregate(...) on '"
              + label
              + "' cannot be distributed: a group's aggregate is built from its own elements"
              + " through filter and map only; join before groupBy instead");
    }
    return new RecordedCollection<>(
        recorder,
        new Step.Join(
            recorder.nextId(),
            "join(" + label + ", " + other.label() + ")",
            step,
            right,
            (Function<Object, Object>) (Function<?, ?>) leftKey,
            (Function<Object, Object>) (Function<?, ?>) rightKey));
  }

  @Override
  public IncrCollection<T> label(String label) {
    this.label = Objects.requireNonNull(label, "label");
    return this;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public Engine engine() {
    return recorder.engine;
  }

  @Override
  public String toString() {
    return "RecordedCollection[" + label + "]";
  }
}
