package dev.incr.kafka;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.IncrCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Runs operators in an incr engine in one partition (see {@link Topics#inOnePartition}): the
 * changes of the input enter a source collection of a single-threaded engine, and the changes of
 * the operators' result are passed on. The input's counts are stored, and the engine is rebuilt
 * from them when the task starts.
 */
final class OnePartitionProcessor implements ProcessorSupplier<byte[], Delta, byte[], Delta> {
  private final Function<IncrCollection<Object>, IncrCollection<Object>> operators;
  private final Codec<Object> codec;
  private final StoreBuilder<KeyValueStore<Bytes, byte[]>> input;

  OnePartitionProcessor(
      Function<IncrCollection<Object>, IncrCollection<Object>> operators,
      Codec<Object> codec,
      StoreBuilder<KeyValueStore<Bytes, byte[]>> input) {
    this.operators = operators;
    this.codec = codec;
    this.input = input;
  }

  @Override
  public Set<StoreBuilder<?>> stores() {
    return Set.of(input);
  }

  @Override
  public Processor<byte[], Delta, byte[], Delta> get() {
    return new Processor<>() {
      private ProcessorContext<byte[], Delta> context;
      private KeyValueStore<Bytes, byte[]> counts;
      private Engine engine;
      private IncrCollection<Object> source;
      /** The changes of the result since they were last passed on. */
      private final List<Delta> changes = new ArrayList<>();
      /** Reading it consumes the result's changes, each through the adder or the subtractor. */
      private Computed<Long> changeFeed;

      @Override
      public void init(ProcessorContext<byte[], Delta> context) {
        this.context = context;
        this.counts = context.getStateStore(input.name());
        engine = Engine.singleThreaded();
        source = engine.collection();
        IncrCollection<Object> result = operators.apply(source);
        changeFeed =
            result.reduce(
                0L,
                (n, x) -> {
                  changes.add(new Delta(x, 1));
                  return n + 1;
                },
                (n, x) -> {
                  changes.add(new Delta(x, -1));
                  return n - 1;
                });
        List<Object> stored = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = counts.all()) {
          while (all.hasNext()) {
            var entry = all.next();
            Object element = codec.decode(entry.key.get());
            for (long i = StateStores.readLong(entry.value); i > 0; i--) {
              stored.add(element);
            }
          }
        }
        source.insertAll(stored);
        changeFeed.get();
        // Those results were passed on before the restart.
        changes.clear();
      }

      @Override
      public void process(Record<byte[], Delta> record) {
        Delta delta = record.value();
        Bytes key = Bytes.wrap(codec.encode(delta.element()));
        long updated = StateStores.readLong(counts.get(key)) + delta.weight();
        if (updated == 0) {
          counts.delete(key);
        } else {
          counts.put(key, StateStores.longBytes(updated));
        }
        engine.batch(
            () -> {
              for (long i = 0; i < delta.weight(); i++) {
                source.insert(delta.element());
              }
              for (long i = 0; i > delta.weight(); i--) {
                source.delete(delta.element());
              }
            });
        changeFeed.get();
        for (Delta change : changes) {
          context.forward(record.withValue(change));
        }
        changes.clear();
      }
    };
  }
}
