package dev.incr.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Objects;

/** A {@link Codec} that writes one type as JSON with Jackson. See {@link Codec#json(Class)}. */
final class JsonCodec<T> implements Codec<T> {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final Class<T> type;

  JsonCodec(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  @Override
  public byte[] encode(T value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot write " + value + " as JSON for " + type.getName() + ": " + e.getOriginalMessage(),
          e);
    }
  }

  @Override
  public T decode(byte[] bytes) {
    try {
      return MAPPER.readValue(bytes, type);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read a " + type.getName() + " from the JSON " + new String(bytes,
              java.nio.charset.StandardCharsets.UTF_8) + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public String toString() {
    return "Codec.json(" + type.getSimpleName() + ")";
  }
}
