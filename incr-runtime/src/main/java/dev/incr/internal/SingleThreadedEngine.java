package dev.incr.internal;

import dev.incr.Engine;
import dev.incr.EngineStats;
import dev.incr.MemoryFootprint;
import dev.incr.GraphSnapshot;
import dev.incr.Node;
import dev.incr.Observation;
import dev.incr.Traced;
import dev.incr.Why;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The engine for one thread at a time: {@link EngineCore}'s algorithm with no locks, atomics or
 * volatile accesses. Observers are notified synchronously at the end of the outermost {@code set}
 * or {@code batch}; a listener that writes queues its consequences behind the current deliveries.
 */
public final class SingleThreadedEngine extends EngineCore {

  private final ObserverDelivery delivery = new ObserverDelivery(this, ObserverDelivery.Guard.NONE);

  /** Use {@link Engine#singleThreaded()}. */
  public SingleThreadedEngine() {
    super(false);
  }

  @Override
  public <T> Traced<T> trace(Supplier<T> body) {
    return traceUnlocked(body);
  }

  @Override
  public Why why(Node<?> node) {
    return whyUnlocked(node);
  }

  @Override
  public GraphSnapshot graph(Node<?>... roots) {
    return graphUnlocked(roots);
  }

  @Override
  public MemoryFootprint footprint(Node<?>... roots) {
    return footprintUnlocked(roots);
  }

  @Override
  public EngineStats stats() {
    return statsUnlocked();
  }

  @Override
  public void recordFlightEvents(boolean on) {
    setFlightRecording(on);
  }

  @Override
  public long revision() {
    return revision;
  }

  /** Nothing to do: no write can happen while one of this engine's computations runs. */
  @Override
  public void checkCancelled() {}

  @Override
  public void batch(Runnable changes) {
    Objects.requireNonNull(changes, "batch(null): pass the changes to run as one revision");
    if (recorder != null || CrossEngineGuard.mayBeInsideAnother(this)) {
      Writes.checkBatchAllowed(this);
    }
    Writes.beginBatch(this);
    try {
      changes.run();
    } finally {
      if (Writes.endBatch(this)) {
        afterWrite();
      }
    }
  }

  /**
   * Throws the {@link IllegalStateException} that {@link #batch} would if a write started here,
   * inside a computation of this engine or of another: for writers that are not vars (collection
   * sources), which then change their state and set their version var directly, without the
   * batch's closure.
   */
  public void checkWriteAllowedHere() {
    if (recorder != null || CrossEngineGuard.mayBeInsideAnother(this)) {
      Writes.checkBatchAllowed(this);
    }
  }

  @Override
  public <T> Observation observe(Node<T> node, Consumer<? super T> listener) {
    return register(node, listener);
  }

  @Override
  void remove(ObservationImpl<?> observation) {
    unregister(observation);
  }

  @Override
  void beginSet(AbstractNode<?> node) {
    if (recorder != null || CrossEngineGuard.mayBeInsideAnother(this)) {
      Writes.checkWriteAllowed(this, node);
    }
  }

  @Override
  void endSet(boolean wrote) {
    // Small enough to inline into every var's set: most writes have no observer to tell.
    if (wrote && batchDepth == 0 && !delivery.nothingToDo()) {
      delivery.deliver(delivery.collect());
    }
  }

  /** Notifies observers after a write, unless a batch is still open. */
  void afterWrite() {
    if (batchDepth != 0) {
      return;
    }
    delivery.deliver(delivery.collect());
  }
}
