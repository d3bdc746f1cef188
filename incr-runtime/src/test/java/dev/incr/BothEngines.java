package dev.incr;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The two engines, for tests that run on each: {@code @MethodSource("dev.incr.BothEngines#engines")}
 * gives a name and a supplier of a fresh engine.
 */
final class BothEngines {
  private BothEngines() {}

  static Stream<Arguments> engines() {
    return Stream.of(
        Arguments.of("singleThreaded", (Supplier<Engine>) Engine::singleThreaded),
        Arguments.of("concurrent", (Supplier<Engine>) Engine::concurrent));
  }
}
