package dev.incr.kafka;

import dev.incr.Pair;
import java.util.Set;
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
 * The inner equi-join of two collections whose changes arrive keyed by the encoded join key on one
 * topic: each side's elements are stored under (join key, element) with their counts, and a change
 * on one side pairs with the other side's elements under the same join key, found by a prefix scan:
 * O(matching rows) per change.
 */
final class JoinProcessor implements ProcessorSupplier<byte[], Delta, byte[], Delta> {
  private final Codec<Object> codec;
  private final StoreBuilder<KeyValueStore<Bytes, byte[]>> left;
  private final StoreBuilder<KeyValueStore<Bytes, byte[]>> right;

  JoinProcessor(
      Codec<Object> codec,
      StoreBuilder<KeyValueStore<Bytes, byte[]>> left,
      StoreBuilder<KeyValueStore<Bytes, byte[]>> right) {
    this.codec = codec;
    this.left = left;
    this.right = right;
  }

  @Override
  public Set<StoreBuilder<?>> stores() {
    return Set.of(left, right);
  }

  @Override
  public Processor<byte[], Delta, byte[], Delta> get() {
    return new Processor<>() {
      private ProcessorContext<byte[], Delta> context;
      private KeyValueStore<Bytes, byte[]> leftStore;
      private KeyValueStore<Bytes, byte[]> rightStore;

      @Override
      public void init(ProcessorContext<byte[], Delta> context) {
        this.context = context;
        this.leftStore = context.getStateStore(left.name());
        this.rightStore = context.getStateStore(right.name());
      }

      @Override
      public void process(Record<byte[], Delta> record) {
        Delta delta = record.value();
        boolean fromRight = delta.right();
        KeyValueStore<Bytes, byte[]> own = fromRight ? rightStore : leftStore;
        KeyValueStore<Bytes, byte[]> other = fromRight ? leftStore : rightStore;
        Bytes key = StateStores.compositeKey(record.key(), codec.encode(delta.element()));
        long updated = StateStores.readLong(own.get(key)) + delta.weight();
        if (updated == 0) {
          own.delete(key);
        } else {
          own.put(key, StateStores.longBytes(updated));
        }
        try (KeyValueIterator<Bytes, byte[]> matches =
            other.prefixScan(StateStores.keyPrefix(record.key()), Serdes.Bytes().serializer())) {
          while (matches.hasNext()) {
            var match = matches.next();
            long count = StateStores.readLong(match.value);
            if (count == 0) {
              continue;
            }
            Object partner = codec.decode(StateStores.rest(match.key.get()));
            Pair<Object, Object> pair =
                fromRight ? Pair.of(partner, delta.element()) : Pair.of(delta.element(), partner);
            context.forward(record.withValue(new Delta(pair, delta.weight() * count)));
          }
        }
      }
    };
  }
}
