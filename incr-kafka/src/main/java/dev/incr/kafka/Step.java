package dev.incr.kafka;

import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * One operator of a pipeline as recorded from its definition: what {@link TopologyTranslator} turns
 * into Kafka Streams processors. Every step has a number, in the order the definition made them,
 * which names its processors, stores and internal topics the same way in every application
 * instance.
 */
sealed interface Step {

  int id();

  /** The label of the collection or node this step makes, for messages. */
  String label();

  /** A collection fed by a topic. */
  record Source(int id, String label, String topic, Codec<Object> codec) implements Step {}

  /** The elements of a group, inside the per-group function of {@code aggregate}. */
  record GroupMembers(int id, String label) implements Step {}

  record Filter(int id, String label, Step parent, Predicate<Object> predicate) implements Step {}

  record Map(int id, String label, Step parent, Function<Object, Object> function)
      implements Step {}

  /**
   * Per-key aggregates of {@code parent} grouped by {@code key}: a collection of pairs (key,
   * value). {@code members} are the filter and map steps the per-group function applied to the
   * group before aggregating, in order.
   */
  record Grouped(
      int id,
      String label,
      Step parent,
      Function<Object, Object> key,
      List<Step> members,
      Aggregation aggregation)
      implements Step {}

  /** The aggregate of a whole collection: a node, not a collection. */
  record Total(int id, String label, Step parent, Aggregation aggregation) implements Step {}

  record Join(
      int id,
      String label,
      Step left,
      Step right,
      Function<Object, Object> leftKey,
      Function<Object, Object> rightKey)
      implements Step {}

  /** Operators run by an incr engine in a single partition. */
  record OnePartition(
      int id,
      String label,
      Step parent,
      Function<dev.incr.IncrCollection<Object>, dev.incr.IncrCollection<Object>> operators)
      implements Step {}

  /** How a group's (or a whole collection's) elements are aggregated. */
  record Aggregation(
      Kind kind,
      ToDoubleFunction<Object> value,
      Comparator<Object> comparator,
      Object identity,
      BiFunction<Object, Object, Object> add,
      BiFunction<Object, Object, Object> remove,
      boolean optional) {

    enum Kind {
      COUNT,
      SUM,
      MIN,
      MAX,
      REDUCE
    }

    static Aggregation count() {
      return new Aggregation(Kind.COUNT, null, null, null, null, null, false);
    }

    static Aggregation sum(ToDoubleFunction<Object> value) {
      return new Aggregation(Kind.SUM, value, null, null, null, null, false);
    }

    /** min ({@code max} false) or max; {@code optional}: the value is an Optional, empty if none. */
    static Aggregation extremum(Comparator<Object> comparator, boolean max, boolean optional) {
      return new Aggregation(
          max ? Kind.MAX : Kind.MIN, null, comparator, null, null, null, optional);
    }

    static Aggregation reduce(
        Object identity,
        BiFunction<Object, Object, Object> add,
        BiFunction<Object, Object, Object> remove) {
      return new Aggregation(Kind.REDUCE, null, null, identity, add, remove, false);
    }

    /** The value of an empty collection's aggregate. */
    Object emptyValue() {
      return switch (kind) {
        case COUNT -> 0L;
        case SUM -> 0.0;
        case MIN, MAX -> java.util.Optional.empty();
        case REDUCE -> identity;
      };
    }
  }
}
