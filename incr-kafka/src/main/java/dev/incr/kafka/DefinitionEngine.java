package dev.incr.kafka;

import dev.incr.Engine;
import java.lang.reflect.Proxy;

/**
 * The {@link Engine} that recorded collections report as theirs: a pipeline translated for Kafka
 * has no engine to compute in, so every method refuses, naming itself. A proxy, so that it refuses
 * every method the interface has, whatever that is.
 */
final class DefinitionEngine {
  private DefinitionEngine() {}

  static Engine create() {
    return (Engine)
        Proxy.newProxyInstance(
            Engine.class.getClassLoader(),
            new Class<?>[] {Engine.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "toString":
                  return "the engine of a pipeline being translated for Kafka";
                case "hashCode":
                  return System.identityHashCode(proxy);
                case "equals":
                  return proxy == args[0];
                default:
                  throw Refusals.engine(method.getName());
              }
            });
  }
}
