package dev.incr.kafka;

import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The key-value stores of a pipeline's processors: bytes to bytes, changelogged. */
final class StateStores {
  private final boolean inMemory;

  StateStores(boolean inMemory) {
    this.inMemory = inMemory;
  }

  StoreBuilder<KeyValueStore<Bytes, byte[]>> store(String name) {
    KeyValueBytesStoreSupplier supplier =
        inMemory ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
    return Stores.keyValueStoreBuilder(supplier, Serdes.Bytes(), Serdes.ByteArray());
  }

  @SafeVarargs
  static Set<StoreBuilder<?>> of(StoreBuilder<KeyValueStore<Bytes, byte[]>>... builders) {
    return Set.of(builders);
  }

  static long readLong(byte[] bytes) {
    return bytes == null ? 0 : java.nio.ByteBuffer.wrap(bytes).getLong();
  }

  static byte[] longBytes(long value) {
    return java.nio.ByteBuffer.allocate(8).putLong(value).array();
  }

  /** A store key made of a length-prefixed {@code prefix} followed by {@code rest}. */
  static Bytes compositeKey(byte[] prefix, byte[] rest) {
    return Bytes.wrap(
        java.nio.ByteBuffer.allocate(4 + prefix.length + rest.length)
            .putInt(prefix.length)
            .put(prefix)
            .put(rest)
            .array());
  }

  /** The length-prefixed {@code prefix} that every composite key under it starts with. */
  static Bytes keyPrefix(byte[] prefix) {
    return compositeKey(prefix, new byte[0]);
  }

  /** The {@code rest} of a composite key. */
  static byte[] rest(byte[] compositeKey) {
    int prefixLength = java.nio.ByteBuffer.wrap(compositeKey).getInt();
    return java.util.Arrays.copyOfRange(compositeKey, 4 + prefixLength, compositeKey.length);
  }
}
