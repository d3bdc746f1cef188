package dev.incr.internal;

import dev.incr.Observation;
import java.util.function.Consumer;

/**
 * An observer of one node. After an outermost write that changed its node (or made it fail), the
 * engine asks it for the change since the last delivery ({@link #changeSinceLastDelivery}) and
 * delivers it later, outside any computation and (in the concurrent engine) outside the engine
 * lock. Observers of nodes a write did not change are not asked.
 */
final class ObservationImpl<T> implements Observation {
  private final EngineCore engine;
  private final AbstractNode<T> node;
  private final Consumer<? super T> listener;
  /** The node's changedAt when last queued for delivery. Guarded by the engine (lock). */
  private long lastQueued;
  private volatile boolean closed;

  ObservationImpl(EngineCore engine, AbstractNode<T> node, Consumer<? super T> listener) {
    this.engine = engine;
    this.node = node;
    this.listener = listener;
    node.get();
    this.lastQueued = node.changedAt;
  }

  AbstractNode<T> node() {
    return node;
  }

  /** Brings the node up to date; returns a delivery if its value changed since the last one. */
  EngineCore.Delivery<T> changeSinceLastDelivery() {
    T value = node.get();
    long changedAt = node.changedAt;
    if (changedAt == lastQueued) {
      return null;
    }
    lastQueued = changedAt;
    return new EngineCore.Delivery<>(this, value);
  }

  void deliver(T value) {
    if (!closed) {
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
