package dev.incr.internal;

import dev.incr.Engine;
import dev.incr.EngineStats;
import dev.incr.GraphSnapshot;
import dev.incr.Node;
import dev.incr.Observation;
import dev.incr.Traced;
import dev.incr.Why;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The thread-safe engine: {@link EngineCore}'s algorithm behind one lock, with lock-free reads of
 * up-to-date nodes.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li><b>Lock-free clean reads.</b> A {@code get} of a computed verified at the current revision
 *       (or of a var) takes no lock and allocates nothing: an acquire load of the node's {@code
 *       verifiedAt} and of the engine's revision, then of the value.
 *   <li><b>Serialized writes and computations.</b> Every {@code set}, {@code batch} and every
 *       verification or re-run holds the engine lock, so a computation never runs concurrently
 *       with a write of anything it reads, and two threads asking for the same stale node compute
 *       it once (the second finds it verified).
 *   <li><b>Atomic batches.</b> A batch holds the lock from its first write to its last, so no
 *       computation sees some of its writes and not others: no torn reads.
 *   <li><b>Observers.</b> After each outermost write, observed nodes are brought up to date under
 *       the lock and each change is queued, in revision order; the queue is delivered after the
 *       lock is released, by one thread at a time, so each observer sees each change once, in
 *       revision order, never inside a computation and never while the engine lock is held. A
 *       listener may write (its consequences are queued behind it). A lone change, with nothing
 *       queued or being delivered, skips the queue: the writing thread takes it straight to its
 *       observer, as the deliverer of the moment.
 * </ul>
 *
 * <p>User code inside a {@code batch} runs holding the lock: it must not wait for another thread
 * that needs to write or recompute in the same engine.
 */
public final class ConcurrentEngine extends EngineCore {

  final ReentrantLock lock = new ReentrantLock();
  /**
   * The id of the thread inside a slow path (holding {@link #lock}), or 0. Read racily by fast
   * paths: a thread can only ever see its own id here if it wrote it here, so the comparison is
   * exact. (An id rather than the Thread, so that setting it costs no GC write barrier.)
   */
  long computingThread;

  /** Delivering changes to observers, guarded by {@link #lock}. */
  private final ObserverDelivery delivery =
      new ObserverDelivery(
          this,
          new ObserverDelivery.Guard() {
            @Override
            public void lock() {
              lock.lock();
            }

            @Override
            public void unlock() {
              lock.unlock();
            }
          });

  /** Use {@link Engine#concurrent()}. */
  public ConcurrentEngine() {
    super(true);
  }

  /** Runs {@code action} holding the lock, as the computing thread. */
  private <R> R locked(Supplier<R> action) {
    lock.lock();
    long previous = computingThread;
    try {
      computingThread = Thread.currentThread().getId();
      return action.get();
    } finally {
      computingThread = previous;
      lock.unlock();
    }
  }

  @Override
  public <T> Traced<T> trace(Supplier<T> body) {
    return locked(() -> traceUnlocked(body));
  }

  @Override
  public Why why(Node<?> node) {
    return locked(() -> whyUnlocked(node));
  }

  @Override
  public GraphSnapshot graph(Node<?>... roots) {
    return locked(() -> graphUnlocked(roots));
  }

  @Override
  public EngineStats stats() {
    return locked(this::statsUnlocked);
  }

  @Override
  public void recordFlightEvents(boolean on) {
    locked(() -> {
      setFlightRecording(on);
      return null;
    });
  }

  /**
   * Returns true if the caller is the thread inside the engine (it reads the value plainly), false
   * if it must read it with an acquire load: lock-free when the node is up to date, else after
   * bringing it up to date under the lock.
   */
  @Override
  boolean prepareReadSlowPath(ComputedNode<?> node) {
    long me = Thread.currentThread().getId();
    if (computingThread == me) {
      long v = node.verifiedAt;
      DependencyRecorder r = recorder;
      if (r != null && (v == revision || v == cleanMark)) {
        r.record(node);
      } else {
        Verification.refreshForRead(this, node);
      }
      return true;
    }
    long v = EngineCore.acquireVerified(node);
    if (v == EngineCore.acquireRevision(this) || v == EngineCore.acquireCleanMark(this)) {
      if (CrossEngineGuard.mayBeInsideAnother(this)) {
        checkNotForeignRead(node);
      }
      return false;
    }
    lock.lock();
    try {
      computingThread = me;
      Verification.refreshForRead(this, node);
    } finally {
      computingThread = 0;
      lock.unlock();
    }
    // Read after the lock is released: a later write may have replaced the value meanwhile, which
    // is a value of a later revision, as a read starting a moment later would have returned.
    return false;
  }

  /** {@link VarNode#prepareRead()} on this engine: see {@link #prepareRead(ComputedNode)}. */
  boolean prepareRead(VarNode<?> node) {
    if (computingThread == Thread.currentThread().getId()) {
      DependencyRecorder r = recorder;
      if (r != null) {
        r.record(node);
      }
      return true;
    }
    if (CrossEngineGuard.mayBeInsideAnother(this)) {
      checkNotForeignRead(node);
    }
    return false;
  }

  @Override
  void beginSet(AbstractNode<?> node) {
    if (computingThread == Thread.currentThread().getId()) {
      // Inside a computation, which must not wait for the lock.
      checkWriteAllowed(node);
    }
    lock.lock();
    if (CrossEngineGuard.mayBeInsideAnother(this)) {
      try {
        checkWriteAllowed(node); // a computation of another engine on this thread
      } catch (RuntimeException e) {
        lock.unlock();
        throw e;
      }
    }
  }

  @Override
  void endSet(boolean wrote) {
    ObserverDelivery.Handoff handoff = null;
    try {
      if (wrote && batchDepth == 0) {
        handoff = collectForDelivery();
      }
    } finally {
      lock.unlock();
    }
    delivery.deliver(handoff);
  }

  @Override
  public void batch(Runnable changes) {
    Objects.requireNonNull(changes, "batch(null): pass the changes to run as one revision");
    if (computingThread == Thread.currentThread().getId()) {
      checkBatchAllowed();
    }
    ObserverDelivery.Handoff handoff = null;
    RuntimeException failed = null;
    lock.lock();
    try {
      if (CrossEngineGuard.mayBeInsideAnother(this)) {
        checkBatchAllowed(); // a computation of another engine on this thread
      }
      beginBatch();
      try {
        changes.run();
      } catch (RuntimeException e) {
        failed = e; // the writes made so far stay: observers hear of them before it propagates
      } finally {
        if (endBatch()) {
          handoff = collectForDelivery();
        }
      }
    } finally {
      lock.unlock();
    }
    if (failed == null) {
      delivery.deliver(handoff);
      return;
    }
    try {
      delivery.deliver(handoff);
    } catch (RuntimeException listenerFailure) {
      failed.addSuppressed(listenerFailure);
    }
    throw failed;
  }

  @Override
  public <T> Observation observe(Node<T> node, Consumer<? super T> listener) {
    return locked(() -> register(node, listener));
  }

  @Override
  void remove(ObservationImpl<?> observation) {
    locked(() -> {
      unregister(observation);
      return null;
    });
  }

  /**
   * Under the lock, after an outermost write: {@link ObserverDelivery#collect} as the computing
   * thread (bringing observed nodes up to date runs computations). Returns null if there is nothing
   * to do.
   */
  private ObserverDelivery.Handoff collectForDelivery() {
    if (delivery.nothingToDo()) {
      return null;
    }
    long previous = computingThread;
    computingThread = Thread.currentThread().getId();
    try {
      return delivery.collect();
    } finally {
      computingThread = previous;
    }
  }
}
