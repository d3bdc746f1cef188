package dev.incr.kafka;

import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Turns a source topic's records into changes of a multiset: it keeps each element's number of
 * occurrences and passes on only the changes that happen, so a delete of an absent element changes
 * nothing, as {@link dev.incr.IncrCollection#delete} does.
 */
final class SourceProcessor implements ProcessorSupplier<byte[], Integer, byte[], Delta> {
  private final String topic;
  private final Codec<Object> codec;
  private final StoreBuilder<KeyValueStore<Bytes, byte[]>> store;

  SourceProcessor(String topic, Codec<Object> codec, StoreBuilder<KeyValueStore<Bytes, byte[]>> store) {
    this.topic = topic;
    this.codec = codec;
    this.store = store;
  }

  @Override
  public Set<StoreBuilder<?>> stores() {
    return Set.of(store);
  }

  @Override
  public Processor<byte[], Integer, byte[], Delta> get() {
    return new Processor<>() {
      private ProcessorContext<byte[], Delta> context;
      private KeyValueStore<Bytes, byte[]> counts;

      @Override
      public void init(ProcessorContext<byte[], Delta> context) {
        this.context = context;
        this.counts = context.getStateStore(store.name());
      }

      @Override
      public void process(Record<byte[], Integer> record) {
        byte[] key = record.key();
        if (key == null) {
          throw new IllegalArgumentException(
              "a record of source topic '" + topic + "' has no key: the key is the element");
        }
        int requested = record.value() == null ? -1 : record.value();
        Bytes element = Bytes.wrap(key);
        long count = StateStores.readLong(counts.get(element));
        long change = requested >= 0 ? requested : -Math.min(count, -(long) requested);
        if (change == 0) {
          return;
        }
        long updated = count + change;
        if (updated == 0) {
          counts.delete(element);
        } else {
          counts.put(element, StateStores.longBytes(updated));
        }
        context.forward(record.withValue(new Delta(codec.decode(key), change)));
      }
    };
  }
}
