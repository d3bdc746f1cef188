package dev.incr.internal;

import dev.incr.Observation;
import java.util.function.Consumer;

/**
 * An observer of one node. After an outermost write that changed its node (or made it fail), the
 * engine asks it for the change since the last delivery ({@link #queueChange}) and
 * delivers it later, outside any computation and (in the concurrent engine) outside the engine
 * lock. Observers of nodes a write did not change are not asked.
 */
final class ObservationImpl<T> implements Observation {
  private final EngineCore engine;
  private final AbstractNode<T> node;
  private final Consumer<? super T> listener;
  /** The node's changedAt when last queued for delivery. Guarded by the engine (lock). */
  private long lastQueued;
  /**
   * The value last queued for delivery (or read when the observation opened): a node that changed
   * and changed back, as seen by a read inside a batch, is not delivered again. Guarded likewise.
   */
  private Object lastValue;
  private volatile boolean closed;

  ObservationImpl(EngineCore engine, AbstractNode<T> node, Consumer<? super T> listener) {
    this.engine = engine;
    this.node = node;
    this.listener = listener;
    this.lastValue = node.get();
    this.lastQueued = node.changedAt;
  }

  AbstractNode<T> node() {
    return node;
  }

  /** What {@link #changeOrNone} returns when the node has not changed since the last delivery. */
  static final Object NO_CHANGE = new Object();

  /**
   * Brings the node up to date and returns its value if it changed since the last delivery (which
   * it then counts as delivered), else {@link #NO_CHANGE}.
   */
  Object changeOrNone() {
    T value = node.get();
    long changedAt = node.changedAt;
    if (changedAt == lastQueued) {
      return NO_CHANGE;
    }
    lastQueued = changedAt;
    if (SameValue.test(lastValue, value)) {
      return NO_CHANGE;
    }
    lastValue = value;
    return value;
  }

  /** Queues the node's value if it changed since the last delivery. */
  void queueChange(DeliveryRing queue) {
    Object value = changeOrNone();
    if (value != NO_CHANGE) {
      queue.add(this, value);
    }
  }

  /** Calls the listener with {@code value}, which the engine queued for this observation. */
  @SuppressWarnings("unchecked")
  void deliverUnchecked(Object value) {
    if (!closed) {
      listener.accept((T) value);
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
