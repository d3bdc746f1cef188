package dev.incr.internal;

import dev.incr.Engine;
import dev.incr.EngineStats;
import dev.incr.GraphSnapshot;
import dev.incr.Node;
import dev.incr.Observation;
import dev.incr.Traced;
import dev.incr.Why;
import dev.incr.Cancelled;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The thread-safe engine: {@link EngineCore}'s algorithm behind one lock, with lock-free reads of
 * up-to-date nodes, atomic batches and cancellation of obsolete computations.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li><b>One thread in the algorithm.</b> Every write, every verification and every run holds
 *       {@link #lock}; the holder records its id in {@link #computingThread} while it may read
 *       nodes (its reads then take the plain paths, and see its own writes).
 *   <li><b>Writes bump the revision before they store.</b> A write publishes the new {@code
 *       revision} (release) before the var's value (release), and every computation that stores a
 *       value does so at a revision at least that new. So a value loaded after a check that the
 *       revision was {@code r}, and followed by a check that it still is {@code r}, was current at
 *       {@code r} ({@link #readStamp}, {@link #stillAt}): a seqlock whose sequence is the revision.
 *   <li><b>Visible revision.</b> {@link #visibleRevision} is the revision other threads may read
 *       at. It equals {@code revision} except while a batch is open: then it stays at the
 *       revision before the batch, until the batch's last write is made. A lock-free read is
 *       accepted only while the two are equal, so no other thread sees any of a batch's writes, or
 *       any value the batch's own thread computed in the middle of it, until the batch ends;
 *       readers that find a batch open wait for the lock, which the batch holds to its end.
 *   <li><b>Cancellation.</b> A writer counts itself in {@link #writersWaiting} before it asks for
 *       the lock. A computation started by a top-level read ({@link #cancellable}) checks the
 *       count at each node read ({@link #checkCancelledHere}) and, if a writer waits, throws
 *       {@link Cancelled}: the runs on the stack are abandoned (nodes stay as they were, see
 *       {@link EngineCore#unwinding}), the read gives the lock to the writers ({@link
 *       #writersDone}) and starts over at the new revision. Writes, batches and the pushes that
 *       follow writes are never cancelled.
 *   <li><b>Observers outside the lock.</b> After each outermost write, observed nodes are brought
 *       up to date under the lock and each change is queued in revision order; the queue is
 *       delivered after the lock is released, by one thread at a time ({@link ObserverDelivery}).
 * </ul>
 *
 * <p>User code inside a {@code batch} runs holding the lock, and so does every computation: it
 * must not wait for another thread that needs the same engine.
 */
public final class ConcurrentEngine extends EngineCore {

  private static final VarHandle VISIBLE;
  private static final VarHandle WAITING;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      VISIBLE = lookup.findVarHandle(ConcurrentEngine.class, "visibleRevision", long.class);
      WAITING = lookup.findVarHandle(ConcurrentEngine.class, "writersWaiting", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final ReentrantLock lock = new ReentrantLock();
  /** Signalled when the last waiting writer has the lock; readers that gave way wait on it. */
  private final Condition writersDone = lock.newCondition();
  /**
   * The id of the thread inside a slow path (holding {@link #lock}), or 0. Read racily by fast
   * paths: a thread can only ever see its own id here if it wrote it here, so the comparison is
   * exact. (An id rather than the Thread, so that setting it costs no GC write barrier.)
   */
  long computingThread;
  /** The revision other threads read at; see the invariants. Written under the lock (release). */
  private long visibleRevision = 1;
  /** Writers waiting for the lock (atomic). */
  private int writersWaiting;
  /** Whether the lock holder's computations may be cancelled (a top-level read). Guarded. */
  private boolean cancellable;

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

  @Override
  public long revision() {
    return computingThread == Thread.currentThread().getId()
        ? revision : (long) VISIBLE.getAcquire(this);
  }

  /**
   * Returns true if the caller is the thread inside the engine (it reads the value plainly, and
   * this has recorded the read and brought the node up to date), false if it reads outside the
   * lock ({@link #readStamp}).
   */
  @Override
  boolean prepareReadSlowPath(ComputedNode<?> node) {
    if (computingThread != Thread.currentThread().getId()) {
      return false;
    }
    DependencyRecorder r = recorder;
    if (r != null) {
      checkCancelledHere();
      long v = node.verifiedAt;
      if (v == revision || v == cleanMark) {
        r.record(node);
        return true;
      }
    }
    refreshForRead(node);
    return true;
  }

  /** {@link VarNode#prepareRead()} on this engine: see {@link #prepareRead(ComputedNode)}. */
  boolean prepareRead(VarNode<?> node) {
    if (computingThread != Thread.currentThread().getId()) {
      return false;
    }
    DependencyRecorder r = recorder;
    if (r != null) {
      checkCancelledHere();
      r.record(node);
    }
    return true;
  }

  /**
   * For a reader outside the lock, before it loads a var's value: returns the revision it reads
   * at (see {@link #stillAt}), after waiting for an open batch to end.
   */
  long readStamp(VarNode<?> node) {
    long rv = EngineCore.acquireRevision(this);
    if (rv != (long) VISIBLE.getAcquire(this)) {
      lock.lock(); // held by the open batch until it ends
      try {
        rv = revision;
      } finally {
        lock.unlock();
      }
    }
    if (CrossEngineGuard.mayBeInsideAnother(this)) {
      checkNotForeignRead(node);
    }
    return rv;
  }

  /**
   * For a reader outside the lock, before it loads a computed's value: returns the revision it
   * reads at (see {@link #stillAt}), having brought the node up to date under the lock unless it
   * was already current at a visible revision.
   */
  long readStamp(ComputedNode<?> node) {
    long rv = EngineCore.acquireRevision(this);
    long v = EngineCore.acquireVerified(node);
    if ((v == rv || v == EngineCore.acquireCleanMark(this))
        && rv == (long) VISIBLE.getAcquire(this)) {
      if (CrossEngineGuard.mayBeInsideAnother(this)) {
        checkNotForeignRead(node);
      }
      return rv;
    }
    return refreshLocked(node);
  }

  /** Whether no write has happened since {@code stamp} was taken ({@link #readStamp}). */
  boolean stillAt(long stamp) {
    return EngineCore.acquireRevision(this) == stamp;
  }

  /**
   * Brings {@code node} up to date under the lock for a top-level read, giving way to waiting
   * writers first and starting over after each cancellation. Returns the revision it is current
   * at.
   */
  private long refreshLocked(ComputedNode<?> node) {
    long me = Thread.currentThread().getId();
    lock.lock();
    try {
      while (true) {
        while ((int) WAITING.getAcquire(this) != 0) {
          writersDone.awaitUninterruptibly();
        }
        computingThread = me;
        cancellable = true;
        try {
          refreshForRead(node);
          return revision;
        } catch (Cancelled c) {
          if (unwinding != c) {
            throw c; // thrown by user code, not by this engine: an ordinary failure
          }
          unwinding = null; // the runs it crossed were abandoned; start over
        } finally {
          cancellable = false;
          computingThread = 0;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * On the computing thread, inside a computation: throws {@link Cancelled} if a writer waits and
   * the computation belongs to a top-level read (not to a write, a batch or a push).
   */
  private void checkCancelledHere() {
    if ((int) WAITING.getAcquire(this) != 0 && cancellable && unwinding == null) {
      Cancelled c = new Cancelled();
      unwinding = c;
      throw c;
    }
  }

  @Override
  public void checkCancelled() {
    if (computingThread == Thread.currentThread().getId() && recorder != null) {
      checkCancelledHere();
    }
  }

  /** Takes the lock for a write, ahead of readers (which give way, see {@link #refreshLocked}). */
  private void lockForWrite() {
    if (lock.isHeldByCurrentThread()) {
      lock.lock();
      return;
    }
    WAITING.getAndAdd(this, 1);
    lock.lock();
    if ((int) WAITING.getAndAdd(this, -1) == 1) {
      writersDone.signalAll();
    }
  }

  /** Under the lock, once no batch is open: lets other threads read at the current revision. */
  private void publishVisible() {
    VISIBLE.setRelease(this, revision);
  }

  @Override
  void beginSet(AbstractNode<?> node) {
    if (computingThread == Thread.currentThread().getId()) {
      // Inside a computation, which must not wait for the lock.
      checkWriteAllowed(node);
    }
    lockForWrite();
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
      if (batchDepth == 0) {
        publishVisible();
        if (wrote) {
          handoff = collectForDelivery();
        }
      }
    } finally {
      lock.unlock();
    }
    delivery.deliver(handoff);
  }

  @Override
  public void batch(Runnable changes) {
    Objects.requireNonNull(changes, "batch(null): pass the changes to run as one revision");
    long me = Thread.currentThread().getId();
    if (computingThread == me) {
      checkBatchAllowed();
    }
    ObserverDelivery.Handoff handoff = null;
    RuntimeException failed = null;
    lockForWrite();
    long previous = computingThread;
    try {
      if (CrossEngineGuard.mayBeInsideAnother(this)) {
        checkBatchAllowed(); // a computation of another engine on this thread
      }
      beginBatch();
      // The batch's own reads take the plain paths: they see its writes, at the newest revision.
      computingThread = me;
      try {
        changes.run();
      } catch (RuntimeException e) {
        failed = e; // the writes made so far stay: observers hear of them before it propagates
      } finally {
        computingThread = previous;
        if (endBatch()) {
          publishVisible();
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
