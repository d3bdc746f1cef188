package dev.incr.internal;

import dev.incr.Observation;
import java.util.function.Consumer;

/** An observer of one node in the single-threaded engine. */
final class ObservationImpl<T> implements Observation {
  private final SingleThreadedEngine engine;
  private final AbstractNode<T> node;
  private final Consumer<? super T> listener;
  private long lastDelivered;
  private boolean closed;

  ObservationImpl(SingleThreadedEngine engine, AbstractNode<T> node, Consumer<? super T> listener) {
    this.engine = engine;
    this.node = node;
    this.listener = listener;
    node.get();
    this.lastDelivered = node.changedAt;
  }

  void deliverIfChanged() {
    if (closed) {
      return;
    }
    T value = node.get();
    long changedAt = node.changedAt;
    if (changedAt != lastDelivered) {
      lastDelivered = changedAt;
      listener.accept(value);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      engine.remove(this);
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }
}
