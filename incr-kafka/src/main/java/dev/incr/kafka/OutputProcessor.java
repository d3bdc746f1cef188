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
 * Turns the changes of a published collection, gathered by element, into its output topic's table:
 * each element's number of occurrences, or a tombstone when it has none left.
 */
final class OutputProcessor implements ProcessorSupplier<byte[], Long, byte[], Long> {
  private final StoreBuilder<KeyValueStore<Bytes, byte[]>> store;

  OutputProcessor(StoreBuilder<KeyValueStore<Bytes, byte[]>> store) {
    this.store = store;
  }

  @Override
  public Set<StoreBuilder<?>> stores() {
    return Set.of(store);
  }

  @Override
  public Processor<byte[], Long, byte[], Long> get() {
    return new Processor<>() {
      private ProcessorContext<byte[], Long> context;
      private KeyValueStore<Bytes, byte[]> counts;

      @Override
      public void init(ProcessorContext<byte[], Long> context) {
        this.context = context;
        this.counts = context.getStateStore(store.name());
      }

      @Override
      public void process(Record<byte[], Long> record) {
        Bytes element = Bytes.wrap(record.key());
        long before = StateStores.readLong(counts.get(element));
        long after = before + record.value();
        if (after == 0) {
          counts.delete(element);
        } else {
          counts.put(element, StateStores.longBytes(after));
        }
        // Changes of one element can reach this partition from several upstream partitions, in
        // any order between them; only non-negative counts are visible.
        long visibleBefore = Math.max(before, 0);
        long visibleAfter = Math.max(after, 0);
        if (visibleBefore != visibleAfter) {
          context.forward(record.withValue(visibleAfter == 0 ? null : visibleAfter));
        }
      }
    };
  }
}
