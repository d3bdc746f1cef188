package dev.incr.kafka;

import dev.incr.Pair;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Aggregates the changes of each group (keyed by the encoded group key) with an adder and a
 * subtractor, O(1) per change for count, sum and reduce and O(log n) for min and max.
 *
 * <p>Per group it stores the number of elements (the group exists while it is positive) and the
 * aggregate's state: the count, an {@link ExactSum}, or the reduce's accumulator. For min and max
 * it stores each member's count and arrival number, and keeps the members of the groups it has
 * seen in a tree ordered by the comparator, then by arrival, as incr's min and max break ties:
 * the tree is rebuilt from the store the first time a group is touched after a (re)start.
 *
 * <p>For a grouped aggregate it passes on the change of the group's pair (key, value): the old
 * pair deleted, the new one inserted. For the aggregate of a whole collection (one group, under
 * an empty key) it passes on each new value as the element of a {@link Delta} of weight 1.
 */
final class GroupProcessor implements ProcessorSupplier<byte[], Delta, byte[], Delta> {
  private final Step.Aggregation aggregation;
  private final boolean total;
  private final Codec<Object> codec;
  private final StoreBuilder<KeyValueStore<Bytes, byte[]>> groups;
  private final StoreBuilder<KeyValueStore<Bytes, byte[]>> members;

  GroupProcessor(
      Step.Aggregation aggregation,
      boolean total,
      Codec<Object> codec,
      StoreBuilder<KeyValueStore<Bytes, byte[]>> groups,
      StoreBuilder<KeyValueStore<Bytes, byte[]>> members) {
    this.aggregation = aggregation;
    this.total = total;
    this.codec = codec;
    this.groups = groups;
    this.members = members;
  }

  private boolean ordered() {
    return aggregation.kind() == Step.Aggregation.Kind.MIN
        || aggregation.kind() == Step.Aggregation.Kind.MAX;
  }

  @Override
  public Set<StoreBuilder<?>> stores() {
    return ordered() ? Set.of(groups, members) : Set.of(groups);
  }

  /** A group's stored state; {@code aux} is the aggregated count, or the next arrival number. */
  private static final class State {
    long size;
    long aux;
    Object accumulator;
  }

  /** A live member of a min/max group: an element and the arrival number of its oldest occurrence. */
  private record Member(Object element, long arrival) {}

  @Override
  public Processor<byte[], Delta, byte[], Delta> get() {
    return new Processor<>() {
      private ProcessorContext<byte[], Delta> context;
      private KeyValueStore<Bytes, byte[]> groupStore;
      private KeyValueStore<Bytes, byte[]> memberStore;
      private final Map<Bytes, TreeSet<Member>> trees = new HashMap<>();
      private final Comparator<Member> order = memberOrder();

      @Override
      public void init(ProcessorContext<byte[], Delta> context) {
        this.context = context;
        this.groupStore = context.getStateStore(groups.name());
        if (ordered()) {
          this.memberStore = context.getStateStore(members.name());
        }
      }

      @Override
      public void process(Record<byte[], Delta> record) {
        Bytes key = Bytes.wrap(record.key());
        State state = read(groupStore.get(key));
        Delta delta = record.value();
        Object before = state.size > 0 || total ? value(key, state) : null;
        boolean existed = state.size > 0;
        state.size += delta.weight();
        if (delta.element() != null) {
          apply(key, state, delta.element(), delta.weight());
        }
        boolean exists = state.size > 0;
        if (exists || total) {
          groupStore.put(key, write(state));
        } else {
          groupStore.delete(key);
        }
        Object after = exists || total ? value(key, state) : null;
        if (total) {
          if (!Objects.equals(before, after)) {
            context.forward(record.withValue(new Delta(after, 1)));
          }
          return;
        }
        if (existed && exists && Objects.equals(before, after)) {
          return;
        }
        Object groupKey = existed || exists ? codec.decode(record.key()) : null;
        if (existed) {
          context.forward(record.withValue(new Delta(Pair.of(groupKey, before), -1)));
        }
        if (exists) {
          context.forward(record.withValue(new Delta(Pair.of(groupKey, after), 1)));
        }
      }

      private void apply(Bytes key, State state, Object element, long weight) {
        switch (aggregation.kind()) {
          case COUNT -> state.aux += weight;
          case SUM -> {
            ExactSum sum = (ExactSum) state.accumulator;
            state.accumulator = sum.plus(aggregation.value().applyAsDouble(element), weight);
          }
          case REDUCE -> {
            Object a = state.accumulator;
            for (long i = 0; i < weight; i++) {
              a = aggregation.add().apply(a, element);
            }
            for (long i = 0; i > weight; i--) {
              a = aggregation.remove().apply(a, element);
            }
            state.accumulator = a;
          }
          case MIN, MAX -> applyMember(key, state, element, weight);
        }
      }

      private void applyMember(Bytes key, State state, Object element, long weight) {
        TreeSet<Member> tree = tree(key);
        Bytes memberKey = StateStores.compositeKey(key.get(), codec.encode(element));
        byte[] stored = memberStore.get(memberKey);
        long count = 0;
        long arrival = -1;
        if (stored != null) {
          ByteBuffer b = ByteBuffer.wrap(stored);
          count = b.getLong();
          arrival = b.getLong();
        }
        long updated = count + weight;
        if (count <= 0 && updated > 0) {
          arrival = state.aux++;
          tree.add(new Member(element, arrival));
        } else if (count > 0 && updated <= 0) {
          tree.remove(new Member(element, arrival));
        }
        if (updated == 0) {
          memberStore.delete(memberKey);
        } else {
          memberStore.put(memberKey, ByteBuffer.allocate(16).putLong(updated).putLong(arrival).array());
        }
      }

      /** The group's member tree, loaded from the store when first needed. */
      private TreeSet<Member> tree(Bytes key) {
        TreeSet<Member> tree = trees.get(key);
        if (tree == null) {
          tree = new TreeSet<>(order);
          try (KeyValueIterator<Bytes, byte[]> it =
              memberStore.prefixScan(StateStores.keyPrefix(key.get()), Serdes.Bytes().serializer())) {
            while (it.hasNext()) {
              var entry = it.next();
              ByteBuffer b = ByteBuffer.wrap(entry.value);
              long count = b.getLong();
              long arrival = b.getLong();
              if (count > 0) {
                tree.add(new Member(codec.decode(StateStores.rest(entry.key.get())), arrival));
              }
            }
          }
          trees.put(key, tree);
        }
        return tree;
      }

      private Object value(Bytes key, State state) {
        return switch (aggregation.kind()) {
          case COUNT -> state.aux;
          case SUM -> ((ExactSum) state.accumulator).toDouble();
          case REDUCE -> state.accumulator;
          case MIN, MAX -> {
            TreeSet<Member> tree = tree(key);
            Object least = tree.isEmpty() ? null : tree.first().element();
            yield aggregation.optional() ? Optional.ofNullable(least) : least;
          }
        };
      }

      @Override
      public void close() {
        trees.clear();
      }
    };
  }

  private Comparator<Member> memberOrder() {
    Comparator<Object> c = aggregation.comparator();
    if (c == null) {
      return null;
    }
    Comparator<Object> direction = aggregation.kind() == Step.Aggregation.Kind.MAX ? c.reversed() : c;
    return (a, b) -> {
      int byValue = direction.compare(a.element(), b.element());
      return byValue != 0 ? byValue : Long.compare(a.arrival(), b.arrival());
    };
  }

  private State read(byte[] bytes) {
    State state = new State();
    if (bytes == null) {
      state.accumulator =
          switch (aggregation.kind()) {
            case SUM -> ExactSum.ZERO;
            case REDUCE -> aggregation.identity();
            default -> null;
          };
      return state;
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    state.size = in.getLong();
    state.aux = in.getLong();
    if (aggregation.kind() == Step.Aggregation.Kind.SUM
        || aggregation.kind() == Step.Aggregation.Kind.REDUCE) {
      boolean present = in.get() != 0;
      byte[] rest = new byte[in.remaining()];
      in.get(rest);
      if (aggregation.kind() == Step.Aggregation.Kind.SUM) {
        state.accumulator = ExactSum.decode(rest);
      } else {
        state.accumulator = present ? codec.decode(rest) : null;
      }
    }
    return state;
  }

  private byte[] write(State state) {
    byte[] accumulator = new byte[0];
    if (aggregation.kind() == Step.Aggregation.Kind.SUM) {
      accumulator = ((ExactSum) state.accumulator).encode();
    } else if (aggregation.kind() == Step.Aggregation.Kind.REDUCE && state.accumulator != null) {
      accumulator = codec.encode(state.accumulator);
    }
    return ByteBuffer.allocate(17 + accumulator.length)
        .putLong(state.size)
        .putLong(state.aux)
        .put((byte) (state.accumulator != null ? 1 : 0))
        .put(accumulator)
        .array();
  }
}
