package dev.incr;

import dev.incr.internal.EngineInternals;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A graph built for a scenario test on one engine: computeds that count their runs, and every node
 * registered for the engine's invariant checks. Each subclass chooses the engine.
 */
abstract class CountedGraph {

  abstract Engine newEngine();

  final Engine engine = newEngine();
  private final List<Node<?>> nodes = new ArrayList<>();

  /** A computed that counts its runs, registered for the invariant checks. */
  final class Counted<T> {
    final AtomicInteger runs = new AtomicInteger();
    final Computed<T> node;

    Counted(String label, Supplier<T> f) {
      node = engine.computed(() -> {
        runs.incrementAndGet();
        return f.get();
      }).label(label);
      nodes.add(node);
    }
  }

  <T> Var<T> var(String label, T initial) {
    Var<T> v = engine.var(initial).label(label);
    nodes.add(v);
    return v;
  }

  void checkInvariants() {
    EngineInternals.checkInvariants(engine, nodes);
  }
}
