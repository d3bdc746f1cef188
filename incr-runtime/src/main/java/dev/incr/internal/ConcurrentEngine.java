package dev.incr.internal;

import dev.incr.Cancelled;
import dev.incr.CycleException;
import dev.incr.Engine;
import dev.incr.EngineStats;
import dev.incr.MemoryFootprint;
import dev.incr.GraphSnapshot;
import dev.incr.Node;
import dev.incr.Observation;
import dev.incr.Traced;
import dev.incr.Why;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The thread-safe engine: {@link EngineCore}'s algorithm run under one lock for its bookkeeping,
 * with user computations run outside it, in parallel, lock-free reads of up-to-date nodes, atomic
 * batches and cancellation of obsolete computations.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li><b>One thread in the algorithm.</b> Verifying, storing results and writing hold {@link
 *       #lock}; the holder records its id in {@link #computingThread} and its per-thread state
 *       (current recorder, provisional flag, unwinding, the explicit verification stack) sits in
 *       the engine's fields while it holds the lock. A thread saves that state ({@link ComputationsOutside}) before it releases the
 *       lock and puts it back after taking the lock again, so the algorithm always sees one
 *       thread's state.
 *   <li><b>User code runs outside the lock.</b> When a read that took the lock ({@link
 *       #refreshLocked}, {@link #nestedRefresh}) comes to run a node with no other run of that
 *       read in progress under the lock (the node it asked for, or one its verification found it
 *       must run on the way, at any depth), the run <em>leaves</em>: the node is <em>claimed</em>
 *       by this thread, the lock is released, and the function runs; it takes the lock again when
 *       it returns or throws, and the verification goes on where it was. The nodes the
 *       verification holds meanwhile carry this thread's id in their mark, so other threads treat
 *       them as claims too. A verification that meets another thread's claim waits for it, and
 *       waits that would close a circle between threads throw a {@link CycleException} instead.
 *       See {@link Claims}. Computations of collection stages (engine code), and runs inside
 *       writes, batches, pushes, traces and observer registration, stay under the lock.
 *   <li><b>Writes bump the revision before they store.</b> A write publishes the new {@code
 *       revision} (release) before the var's value (release), and every computation stores values
 *       at a revision at least that new. So a value loaded after the revision was seen at {@code
 *       r}, followed by a check that it still is {@code r}, was current at {@code r} ({@link
 *       #readStamp}, {@link #stillAt}): a seqlock whose sequence is the revision.
 *   <li><b>Cancellation.</b> Computations made obsolete by a write are abandoned at their next
 *       node read by a {@link Cancelled}, and the read that took the lock starts over at the new
 *       revision ({@link Cancellation}). Writes never wait for computations outside the lock; a
 *       write whose observers must be brought up to date waits until the obsolete ones have
 *       unwound ({@link #beforeFlush}), which takes them until their next node read.
 *   <li><b>Visible revision.</b> {@link #visibleRevision} is the revision other threads read at:
 *       {@code revision} except while a batch is open, when it stays at the revision before the
 *       batch. Lock-free reads are accepted only while the two are equal, and readers that find a
 *       batch open wait until it ends, so no other thread sees a batch's writes, or a value its own
 *       thread computed in the middle of it, before it ends.
 *   <li><b>Writes are serialized whole.</b> One thread at a time is the {@link #writerThread},
 *       from a write's start to the end of its push and collection of observer changes, so
 *       changes are queued in revision order even when the push waits (and releases {@link
 *       #lock}).
 *   <li><b>Observers outside the lock.</b> Each change is queued in revision order and delivered
 *       after the locks are released, by one thread at a time ({@link ObserverDelivery}).
 * </ul>
 */
public final class ConcurrentEngine extends EngineCore {

  private static final VarHandle VISIBLE;
  private static final VarHandle WAITING;
  private static final VarHandle OUTSIDE;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      VISIBLE = lookup.findVarHandle(ConcurrentEngine.class, "visibleRevision", long.class);
      WAITING = lookup.findVarHandle(ConcurrentEngine.class, "writersWaiting", int.class);
      OUTSIDE = lookup.findVarHandle(ConcurrentEngine.class, "outsideCount", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final ReentrantLock lock = new ReentrantLock();
  /**
   * The id of the thread writing (from a write's start to the end of its push and the collection
   * of its observer changes), or 0, and how deeply its writes nest. Guarded.
   */
  private long writerThread;
  private int writeDepth;
  /**
   * Signalled whenever a waiter may proceed: a claim ended, a batch ended, a writer got the lock.
   * Waiters check their own condition again.
   */
  final Condition changed = lock.newCondition();
  /** The revision other threads read at; see the invariants. Written under the lock (release). */
  private long visibleRevision = 1;
  /**
   * Writers waiting for the lock (atomic): computations of readers give way ({@link
   * Cancellation}). Here rather than there, like {@link #outsideCount}, so that the paths that look
   * at it on every read load it from the engine they already hold.
   */
  private int writersWaiting;
  /**
   * How many threads have a computation outside the lock, or had one since their read began
   * ({@link Claims}); 0 spares readers a lookup. Written under the lock (release), read without it
   * (acquire).
   */
  private int outsideCount;
  /** Whether the lock holder's computations may be cancelled and leave. Guarded. */
  boolean cancellable;
  /**
   * The recorder of the computation the lock holder's read was made by (null for a top-level
   * read): a run with it as parent, no other run of the read being in progress under the lock,
   * may leave. Guarded.
   */
  DependencyRecorder sectionParent;
  /** Which thread computes which node outside the lock. */
  final Claims claims = new Claims(this);
  /** When computations are obsolete, and the writers that make them so. */
  final Cancellation cancellation = new Cancellation(this);

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

  /** How many threads wait on {@link #changed}: signals are skipped while none does. Guarded. */
  private int waitingForChange;

  /** Under the lock: waits on {@link #changed}, counted in {@link #waitingForChange}. */
  void awaitChanged() {
    waitingForChange++;
    try {
      changed.awaitUninterruptibly();
    } finally {
      waitingForChange--;
    }
  }

  /** Under the lock: wakes the threads waiting on {@link #changed}, if any. */
  void signalChanged() {
    if (waitingForChange != 0) {
      changed.signalAll();
    }
  }

  /** Whether a writer waits for the lock: readers give way. */
  boolean writersWaiting() {
    return (int) WAITING.getAcquire(this) != 0;
  }

  /** Whether any thread may have a computation outside the lock (read without the lock). */
  boolean anyOutside() {
    return (int) OUTSIDE.getAcquire(this) != 0;
  }

  /** Under the lock: {@code n} threads have a computation outside it now. */
  void setOutside(int n) {
    OUTSIDE.setRelease(this, n);
  }

  /** {@link Cancellation#checkHere}, once a writer is seen waiting (rarely). */
  private void checkCancelledHere() {
    if (writersWaiting()) {
      cancellation.checkHere();
    }
  }

  /** {@link Cancellation#checkCurrent}, once the computation is seen to be obsolete (rarely). */
  private void checkCurrent(ComputationsOutside o) {
    if (o.unwinding != null || EngineCore.acquireRevision(this) != o.runRevision) {
      cancellation.checkCurrent(o);
    }
  }

  /** Use {@link Engine#concurrent()}. */
  public ConcurrentEngine() {
    super(true);
  }

  /**
   * Runs {@code action} holding the lock, as the computing thread, once no computation runs
   * outside the lock (introspection and observer registration see a settled graph).
   */
  private <R> R locked(Supplier<R> action) {
    lock.lock();
    long previous = computingThread;
    try {
      if (previous != Thread.currentThread().getId() && claims.outsideHere() == null) {
        while (!claims.none()) {
          awaitChange();
        }
      }
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
  public MemoryFootprint footprint(Node<?>... roots) {
    return locked(() -> footprintUnlocked(roots));
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

  // ---------------------------------------------------------------------------------------------
  // Reading

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
      // A claim met here unwinds to the read that took the lock.
      Verification.refreshForRead(this, node);
      return true;
    }
    // A top-level read by the thread holding the lock (in a batch, a trace, a push).
    while (true) {
      try {
        Verification.refreshForRead(this, node);
        return true;
      } catch (ClaimedElsewhere e) {
        claims.awaitMet();
      }
    }
  }

  /**
   * Brings back the evicted value of {@code node} for a getter that found it evicted: on the
   * thread inside the engine, right away; for a computation running outside the lock, under the
   * lock at that computation's revision ({@link #bringBackNested}); for any other reader, under
   * the lock as {@link #refreshLocked} reads ({@link #bringBackLocked}). The value returned was
   * loaded under the lock, at a revision the caller reads at.
   */
  @Override
  Object valueOfEvicted(LruComputedNode<?> node) {
    if (computingThread == Thread.currentThread().getId()) {
      if (recorder != null) {
        return Verification.bringBack(this, node); // a claim met here unwinds to the lock's read
      }
      // A top-level read by the thread holding the lock (in a batch, a trace, a push).
      while (true) {
        try {
          return Verification.bringBack(this, node);
        } catch (ClaimedElsewhere e) {
          claims.awaitMet();
        }
      }
    }
    if (anyOutside()) {
      ComputationsOutside o = claims.outsideHere();
      if (o != null) {
        return bringBackNested(o, node);
      }
    }
    return bringBackLocked(node);
  }

  /**
   * {@link #valueOfEvicted} for a top-level reader: takes the lock as {@link #refreshLocked} does
   * (after waiting writers and open batches), starting over after a cancellation or a claim met.
   */
  private Object bringBackLocked(LruComputedNode<?> node) {
    long me = Thread.currentThread().getId();
    lock.lock();
    try {
      while (true) {
        while (writersWaiting() || batchDepth != 0) {
          awaitChanged();
        }
        if (CrossEngineGuard.mayBeInsideAnother(this)) {
          checkNotForeignRead(node);
        }
        computingThread = me;
        cancellable = true;
        sectionParent = null;
        try {
          return Verification.bringBack(this, node);
        } catch (Cancelled c) {
          if (unwinding != c) {
            throw c; // thrown by user code, not by this engine: an ordinary failure
          }
          unwinding = null; // the runs it crossed were abandoned; start over
        } catch (ClaimedElsewhere e) {
          endSection();
          claims.awaitMet();
        } finally {
          endSection();
          claims.readEnded();
          signalChanged();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@link #valueOfEvicted} for a computation running outside the lock, which has recorded the
   * read: under the lock with the thread's state put back, as {@link #nestedRefresh} does, so the
   * value is of the computation's own revision (or the computation is cancelled).
   */
  private Object bringBackNested(ComputationsOutside o, LruComputedNode<?> node) {
    long me = o.threadId;
    lock.lock();
    try {
      while (true) {
        checkCurrent(o);
        DependencyRecorder top = o.topRecorder();
        computingThread = me;
        recorder = top;
        cancellable = true;
        sectionParent = top;
        provisional = o.provisional;
        boolean waited = false;
        try {
          return Verification.bringBack(this, node);
        } catch (ClaimedElsewhere e) {
          ComputedNode<?> w = claims.takeAwaited();
          unwinding = null;
          leaveSection(o);
          claims.waitFor(o, w);
          waited = true;
        } finally {
          if (!waited && computingThread == me) {
            leaveSection(o);
          }
          signalChanged();
        }
      }
    } finally {
      lock.unlock();
    }
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
    if (anyOutside()) {
      ComputationsOutside o = claims.outsideHere();
      if (o != null) {
        return readOutside(o, node);
      }
    }
    long rv = EngineCore.acquireRevision(this);
    if (rv != (long) VISIBLE.getAcquire(this)) {
      lock.lock();
      try {
        while (batchDepth != 0) {
          awaitChange();
        }
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
    if (anyOutside()) {
      ComputationsOutside o = claims.outsideHere();
      if (o != null) {
        return readOutside(o, node);
      }
    }
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

  /** A read of var {@code node} by a computation running outside the lock. */
  private long readOutside(ComputationsOutside o, VarNode<?> node) {
    checkCurrent(o);
    o.topRecorder().record(node);
    return o.runRevision;
  }

  /** A read of computed {@code node} by a computation running outside the lock. */
  private long readOutside(ComputationsOutside o, ComputedNode<?> node) {
    checkCurrent(o);
    long v = EngineCore.acquireVerified(node);
    if (v == o.runRevision || v == EngineCore.acquireCleanMark(this)) {
      o.topRecorder().record(node);
    } else {
      nestedRefresh(o, node);
    }
    return o.runRevision;
  }

  /**
   * Brings {@code node} up to date under the lock for a top-level read, giving way to waiting
   * writers and open batches first, starting over after each cancellation and after waiting for a
   * node claimed by another thread. Returns the revision it is current at.
   */
  private long refreshLocked(ComputedNode<?> node) {
    long me = Thread.currentThread().getId();
    lock.lock();
    try {
      while (true) {
        while (writersWaiting() || batchDepth != 0) {
          awaitChanged();
        }
        computingThread = me;
        cancellable = true;
        sectionParent = null;
        try {
          Verification.refreshForRead(this, node);
          return revision;
        } catch (Cancelled c) {
          if (unwinding != c) {
            throw c; // thrown by user code, not by this engine: an ordinary failure
          }
          unwinding = null; // the runs it crossed were abandoned; start over
        } catch (ClaimedElsewhere e) {
          endSection();
          claims.awaitMet();
        } finally {
          endSection();
          claims.readEnded();
          signalChanged();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Clears the lock holder's read state before the lock is released. */
  void endSection() {
    cancellable = false;
    computingThread = 0;
    sectionParent = null;
  }

  /**
   * A read by a computation running outside the lock that must verify or compute {@code node}:
   * under the lock, with the thread's state put back, as a nested read.
   */
  private void nestedRefresh(ComputationsOutside o, ComputedNode<?> node) {
    long me = o.threadId;
    lock.lock();
    try {
      while (true) {
        checkCurrent(o);
        DependencyRecorder top = o.topRecorder();
        computingThread = me;
        recorder = top;
        cancellable = true;
        sectionParent = top;
        provisional = o.provisional;
        boolean waited = false;
        try {
          Verification.refreshForRead(this, node);
          return;
        } catch (ClaimedElsewhere e) {
          ComputedNode<?> w = claims.takeAwaited();
          unwinding = null;
          leaveSection(o);
          claims.waitFor(o, w);
          waited = true;
        } finally {
          if (!waited && computingThread == me) {
            leaveSection(o);
          }
          signalChanged();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Saves the state a nested read leaves for the computation outside, before unlocking. */
  private void leaveSection(ComputationsOutside o) {
    if (unwinding != null) {
      o.unwinding = unwinding;
    }
    unwinding = null;
    if (deepPending != null) {
      o.deepPending = deepPending;
    }
    deepPending = null;
    recorder = null;
    if (provisional) {
      o.provisional = true;
    }
    provisional = false;
    endSection();
  }

  /**
   * Waits on {@link #changed}, putting back afterwards the lock holder's read state that other
   * threads may change meanwhile.
   */
  void awaitChange() {
    long thread = computingThread;
    boolean wasCancellable = cancellable;
    DependencyRecorder parent = sectionParent;
    DependencyRecorder r = recorder;
    boolean wasProvisional = provisional;
    endSection();
    recorder = null;
    provisional = false;
    try {
      awaitChanged();
    } finally {
      computingThread = thread;
      cancellable = wasCancellable;
      sectionParent = parent;
      recorder = r;
      provisional = wasProvisional;
    }
  }

  /** From the algorithm, for a node found in progress: see {@link Claims#check}. */
  void checkClaim(ComputedNode<?> node) {
    claims.check(node);
  }

  /** From {@link Execution#startRun}: see {@link Claims#leave}. */
  void mayLeave(ComputedNode<?> n, DependencyRecorder parent) {
    claims.leave(n, parent);
  }

  /** From {@link Execution#finishRun} and {@link Execution#runThrew}: see {@link Claims#returning}. */
  void returning(ComputedNode<?> n) {
    claims.returning(n);
  }

  @Override
  DependencyRecorder recorderOnThisThread() {
    if (computingThread == Thread.currentThread().getId()) {
      return recorder;
    }
    ComputationsOutside o = claims.outsideHere();
    return o == null ? null : o.topRecorder();
  }

  /**
   * From {@link Push#flush}: the push verifies at the current revision, so it waits until
   * the computations outside the lock of older revisions have unwound (new ones do not leave while
   * a change is pending).
   */
  void beforeFlush() {
    while (pending && !claims.none()) {
      awaitChange();
    }
  }

  @Override
  public void checkCancelled() {
    if (computingThread == Thread.currentThread().getId()) {
      if (recorder != null) {
        checkCancelledHere();
      }
      return;
    }
    if (anyOutside()) {
      ComputationsOutside o = claims.outsideHere();
      if (o != null) {
        checkCurrent(o);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  /**
   * Takes the lock for a write, ahead of readers (which give way, see {@link #refreshLocked}), and
   * becomes the writing thread once no other is.
   */
  private void lockForWrite() {
    if (!lock.tryLock()) {
      WAITING.getAndAdd(this, 1);
      lock.lock();
      if ((int) WAITING.getAndAdd(this, -1) == 1) {
        signalChanged();
      }
    }
    long me = Thread.currentThread().getId();
    if (writerThread != me) {
      while (writerThread != 0) {
        awaitChanged();
      }
      writerThread = me;
    }
    writeDepth++;
  }

  private void unlockAfterWrite() {
    if (--writeDepth == 0) {
      writerThread = 0;
      signalChanged();
    }
    lock.unlock();
  }

  /** Under the lock, once no batch is open: lets other threads read at the current revision. */
  private void publishVisible() {
    VISIBLE.setRelease(this, revision);
  }

  @Override
  void beginSet(AbstractNode<?> node) {
    if (computingThread == Thread.currentThread().getId()) {
      // Inside a computation, which must not wait for the lock.
      Writes.checkWriteAllowed(this, node);
    } else if (anyOutside()) {
      ComputationsOutside o = claims.outsideHere();
      if (o != null) {
        throw new IllegalStateException("Cannot set '" + node.label() + "' inside "
            + o.topRecorder().describe() + ": computations must not change inputs. Make the"
            + " change outside, after get() returns.");
      }
    }
    lockForWrite();
    if (CrossEngineGuard.mayBeInsideAnother(this)) {
      try {
        Writes.checkWriteAllowed(this, node); // a computation of another engine on this thread
      } catch (RuntimeException e) {
        unlockAfterWrite();
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
        signalChanged();
        if (wrote) {
          handoff = collectForDelivery();
        }
      }
    } finally {
      unlockAfterWrite();
    }
    delivery.deliver(handoff);
  }

  @Override
  public void batch(Runnable changes) {
    Objects.requireNonNull(changes, "batch(null): pass the changes to run as one revision");
    long me = Thread.currentThread().getId();
    if (computingThread == me) {
      Writes.checkBatchAllowed(this);
    } else if (anyOutside()) {
      ComputationsOutside o = claims.outsideHere();
      if (o != null) {
        throw new IllegalStateException("Cannot start a batch inside "
            + o.topRecorder().describe() + ": computations must not change inputs.");
      }
    }
    ObserverDelivery.Handoff handoff = null;
    RuntimeException failed = null;
    lockForWrite();
    long previous = computingThread;
    try {
      if (CrossEngineGuard.mayBeInsideAnother(this)) {
        Writes.checkBatchAllowed(this); // a computation of another engine on this thread
      }
      Writes.beginBatch(this);
      // The batch's own reads take the plain paths: they see its writes, at the newest revision.
      computingThread = me;
      try {
        changes.run();
      } catch (RuntimeException e) {
        failed = e; // the writes made so far stay: observers hear of them before it propagates
      } finally {
        computingThread = previous;
        if (Writes.endBatch(this)) {
          publishVisible();
          signalChanged();
          handoff = collectForDelivery();
        }
      }
    } finally {
      unlockAfterWrite();
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
