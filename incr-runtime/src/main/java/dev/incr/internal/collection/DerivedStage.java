package dev.incr.internal.collection;

import dev.incr.Engine;
import dev.incr.LongComputed;
import dev.incr.Node;

/**
 * A stage computed from other stages. Its version node runs {@link #refresh()} (which reads the
 * inputs' version nodes first, then consumes their changes) and returns the number of changes this
 * stage has emitted, so a refresh that emits nothing is an early cutoff. The node is a {@link
 * LongComputed}: the count is stored and compared unboxed, so a refresh that emits allocates no
 * box for it.
 */
abstract class DerivedStage<T> extends Stage<T> {
  private final LongComputed version;

  DerivedStage(Stage<?> input, String kind, boolean materialize) {
    this(input.engine, kind, materialize);
  }

  DerivedStage(Engine engine, String kind, boolean materialize) {
    super(engine, kind, materialize);
    this.version = engine.computedLong(this::run);
    relabel(label());
  }

  private long run() {
    refresh();
    return out.emitted();
  }

  /**
   * Reads the inputs' version nodes, then consumes the changes queued for this stage. Must read
   * every version node before changing any state (a read may abandon the run), and must consume
   * each change atomically: apply it fully, then {@link Inbox#pop()} it, so a run that throws can
   * be retried where it stopped.
   */
  abstract void refresh();

  @Override
  final Node<Long> version() {
    return version;
  }

  @Override
  final long readVersion() {
    return version.getAsLong();
  }
}
