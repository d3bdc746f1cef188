package dev.incr.internal;

import java.util.List;

/**
 * Delivering changes to observers, written once for both engines, with the engine's lock as a
 * parameter ({@link Guard#NONE} for the single-threaded engine: no lock, no volatile or atomic
 * access, no allocation per write).
 *
 * <p>After each outermost write the engine calls {@link #collect} holding its lock, then releases
 * the lock and calls {@link #deliver} with what {@code collect} returned. {@code collect} runs the
 * push's flush ({@link Push#flush}) and then looks only at the observed nodes the push noted as
 * changed (the engine's {@code observedChanges}), so a write costs nothing per unaffected observer.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>{@code queued}, {@code spare} and {@code delivering} are read and written only under the
 *       guard (always, for the single-threaded engine).
 *   <li>At most one thread delivers at a time: the one that set {@code delivering}. It owns the ring
 *       it took (or the lone change it was handed) until it clears {@code delivering} under the
 *       guard; every other write queues its changes in {@code queued}, which the deliverer takes
 *       next. Each observer therefore sees each change once, in revision order.
 *   <li>Listeners run outside the guard, so a listener may write: its consequences are queued
 *       behind the change being delivered (on the same thread, its own {@code deliver} finds the
 *       delivery in progress and leaves them to it).
 *   <li>A lone change (one observer of one changed node, nothing queued or being delivered) skips
 *       the queue: it is handed straight to the writing thread, which becomes the deliverer.
 *   <li>A listener that throws an {@link Error} stops delivery; what it left undelivered stays at
 *       the head of {@code queued}, ahead of anything queued meanwhile, for the next write.
 *   <li>After {@link #collect}, the engine's {@code observedChanges} is empty and no necessity is
 *       marked {@code changeNoted}: each change noted by the push was queued (or handed over) once.
 *   <li>{@code spare} is an empty ring, or null while a deliverer holds the ring it took, so
 *       swapping rings allocates nothing.
 * </ul>
 */
final class ObserverDelivery {

  /** The engine's lock, taken again around the hand-overs between deliverers. */
  interface Guard {
    void lock();

    void unlock();

    /** No lock: the single-threaded engine. */
    Guard NONE =
        new Guard() {
          @Override
          public void lock() {}

          @Override
          public void unlock() {}
        };
  }

  /**
   * What a write leaves to do once the lock is released: a failure to report, and either the
   * queued changes this thread is to deliver or one change to hand straight to its observer.
   */
  static final class Handoff {
    RuntimeException failure;
    DeliveryRing queued;
    ObservationImpl<?> direct;
    Object directValue;
  }

  private final EngineCore engine;
  private final Guard guard;
  /**
   * The one handoff of the single-threaded engine, reused by every write (its fields are read into
   * locals as {@link #deliver} starts, so a listener's write may reuse it); null for a guarded
   * engine, whose threads each take a new one.
   */
  private final Handoff shared;

  /** Changes waiting for their observers. Guarded. */
  private DeliveryRing queued = new DeliveryRing();
  /** An empty ring to put in place of the one a deliverer takes. Guarded. */
  private DeliveryRing spare = new DeliveryRing();
  /** Whether a thread is delivering; it also takes what is queued meanwhile. Guarded. */
  private boolean delivering;

  ObserverDelivery(EngineCore engine, Guard guard) {
    this.engine = engine;
    this.guard = guard;
    this.shared = guard == Guard.NONE ? new Handoff() : null;
  }

  /** Under the guard: whether a write has nothing to flush, collect or deliver. */
  boolean nothingToDo() {
    return !engine.pending && engine.observedChanges.isEmpty() && queued.isEmpty();
  }

  /**
   * Under the guard, after an outermost write, as the computing thread: brings observed nodes up to
   * date and collects their changes. Returns null if there is nothing to do.
   */
  Handoff collect() {
    if (nothingToDo()) {
      return null;
    }
    if (engine.pending) {
      Push.flush(engine);
      if (nothingToDo()) { // the push was cut off before any observed node changed
        return null;
      }
    }
    Handoff handoff = shared != null ? shared : new Handoff();
    handoff.failure = null;
    handoff.queued = null;
    handoff.direct = null;
    handoff.directValue = null;
    if (!delivering && queued.isEmpty()) {
      ObservationImpl<?> only = soleObservationToTell();
      if (only != null) {
        try {
          Object value = takeLoneChange(only);
          if (value != ObservationImpl.NO_CHANGE) {
            delivering = true;
            handoff.direct = only;
            handoff.directValue = value;
          }
        } catch (RuntimeException e) {
          handoff.failure = e;
        }
        return handoff;
      }
    }
    handoff.failure = collectChanges(queued);
    handoff.queued = take();
    return handoff;
  }

  /**
   * Outside the guard: carries out {@code handoff} (see {@link #collect}), then delivers what
   * listeners' writes queued meanwhile, and throws the failure with the listeners' exceptions.
   */
  void deliver(Handoff handoff) {
    if (handoff == null) {
      return;
    }
    RuntimeException failure = handoff.failure;
    DeliveryRing taken = handoff.queued;
    ObservationImpl<?> direct = handoff.direct;
    Object directValue = handoff.directValue;
    handoff.failure = null;
    handoff.queued = null;
    handoff.direct = null;
    handoff.directValue = null;
    if (direct != null) {
      boolean delivered = false;
      try {
        try {
          direct.deliverUnchecked(directValue);
        } catch (RuntimeException e) {
          failure = withSuppressed(failure, e);
        }
        delivered = true;
      } finally {
        guard.lock();
        try {
          delivering = false;
          if (delivered) {
            taken = take(); // what listeners' writes queued meanwhile
          }
        } finally {
          guard.unlock();
        }
      }
    }
    deliverQueued(taken, failure);
  }

  /**
   * Under the guard: takes the queued changes for this thread to deliver, or returns null if there
   * are none or another delivery is in progress (which will take them).
   */
  private DeliveryRing take() {
    if (delivering || queued.isEmpty()) {
      return null;
    }
    delivering = true;
    DeliveryRing taken = queued;
    queued = spare;
    spare = null;
    return taken;
  }

  /**
   * Outside the guard: delivers {@code taken}, then whatever was queued meanwhile, until nothing is
   * left; then throws {@code failure} with the listeners' exceptions, if any.
   */
  private void deliverQueued(DeliveryRing taken, RuntimeException failure) {
    while (taken != null) {
      boolean delivered = false;
      try {
        failure = taken.deliverAll(failure);
        delivered = true;
      } finally {
        guard.lock();
        try {
          delivering = false;
          if (delivered) {
            spare = taken;
            taken = take();
          } else {
            // A listener threw an Error: keep what it left undelivered at the head of the queue.
            taken.addAll(queued);
            spare = queued;
            queued = taken;
            taken = null;
          }
        } finally {
          guard.unlock();
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Queues a delivery for each observer of a node that changed since it was last told (the flush
   * has brought observed nodes up to date). Failures of observed computations are returned, not
   * thrown, so every changed observer is looked at.
   */
  private RuntimeException collectChanges(DeliveryRing queue) {
    RuntimeException failure = null;
    List<AbstractNode<?>> changes = engine.observedChanges;
    // Indexed: reading a failed node re-runs it, which may note further changes (each node once).
    for (int i = 0; i < changes.size(); i++) {
      Necessity necessity = changes.get(i).necessity();
      if (necessity == null || !necessity.isObserved()) {
        continue;
      }
      List<ObservationImpl<?>> observers = necessity.observations;
      for (int j = 0; j < observers.size(); j++) {
        try {
          observers.get(j).queueChange(queue);
        } catch (RuntimeException e) {
          failure = withSuppressed(failure, e);
        }
      }
    }
    forgetObservedChanges();
    return failure;
  }

  /**
   * Clears the list of observed changes, once they have been read: not before, because reading a
   * failed node re-runs it, and a failure noted again then would stay behind for the next write.
   */
  private void forgetObservedChanges() {
    List<AbstractNode<?>> changes = engine.observedChanges;
    for (int i = 0; i < changes.size(); i++) {
      Necessity necessity = changes.get(i).necessity();
      if (necessity != null) {
        necessity.changeNoted = false;
      }
    }
    changes.clear();
  }

  /**
   * If the last write changed one observed node with one observer, returns that observer, whose
   * change the caller then takes with {@link #takeLoneChange} instead of {@link #collectChanges};
   * otherwise null.
   */
  private ObservationImpl<?> soleObservationToTell() {
    List<AbstractNode<?>> changes = engine.observedChanges;
    if (changes.size() != 1) {
      return null;
    }
    Necessity necessity = changes.get(0).necessity();
    if (necessity == null || !necessity.isObserved() || necessity.observations.size() != 1) {
      return null;
    }
    return necessity.observations.get(0);
  }

  /**
   * {@link #collectChanges} for the lone observer found by {@link #soleObservationToTell}: returns
   * its node's new value, or {@link ObservationImpl#NO_CHANGE}, for the caller to deliver.
   */
  private Object takeLoneChange(ObservationImpl<?> only) {
    try {
      return only.changeOrNone();
    } finally {
      forgetObservedChanges();
    }
  }

  /** {@code failure} with {@code e} added as suppressed, or {@code e} if there was none. */
  static RuntimeException withSuppressed(RuntimeException failure, RuntimeException e) {
    if (failure == null) {
      return e;
    }
    failure.addSuppressed(e);
    return failure;
  }
}
