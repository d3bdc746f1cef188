package dev.incr.internal;

import dev.incr.Cancelled;
import dev.incr.CycleException;
import java.util.ArrayList;
import java.util.List;

/**
 * The claims of a {@link ConcurrentEngine}: which thread is computing which node outside the
 * engine's lock, how a run leaves the lock and comes back, and how other threads wait for a claim.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>A node whose run has left the lock stays {@link ComputedNode#COMPUTING} and is claimed by
 *       its thread: it is on that thread's {@link ComputationsOutside} stack, and that state is in
 *       {@link #running} while its stack is not empty. The nodes that thread's verifications hold
 *       meanwhile (marked {@link ComputedNode#verifying} with its id) are its claims too. Only
 *       claims are in-progress marks another thread can meet.
 *   <li>A run leaves ({@link #leave}) when it is run for the lock holder's read with no other run
 *       of that read in progress under the lock: the node read, or one the read's verification
 *       found it must run on the way, at any depth. The thread then carries the engine's recorder
 *       chain with it (leaving a free one in exchange) and, if its verification was walking the
 *       explicit stack, that stack. It comes back ({@link #returning}) under the lock, which puts back the
 *       state it left with, and its verification goes on where it was: nodes other threads
 *       brought up to date meanwhile are found current, and a write meanwhile cancels it.
 *   <li>A verification that meets another thread's claim unwinds to the read that took the lock
 *       ({@link ClaimedElsewhere}), which waits for the claim to end holding nothing but its own
 *       claims; a thread waits for a claim only after checking that the owners it would wait for do
 *       not wait for it, in a circle ({@link #waitFor}).
 *   <li>Everything here is guarded by the engine's lock, except a thread's own state. The number
 *       of threads with claims is kept in the engine ({@link ConcurrentEngine#anyOutside}), where
 *       lock-free readers look at it without a further load.
 * </ul>
 */
final class Claims {

  private final ConcurrentEngine engine;
  /**
   * The states of the threads with computations outside the lock (their claims), and of the
   * threads whose read has had one since it began ({@link #readEnded}).
   */
  private final List<ComputationsOutside> running = new ArrayList<>();
  /** With {@link ClaimedElsewhere}: the claimed node to wait for. */
  private ComputedNode<?> awaited;
  /**
   * The state of the thread that last had a computation leave the lock: read racily as a shortcut
   * past the thread-local lookup (its {@code threadId} is final, and only that thread uses it).
   */
  private ComputationsOutside lastOutside;
  /**
   * The classes of the last functions found not to be engine code ({@link #isEngineCode}), most
   * recent first: most runs that leave are of a few functions (a node and the nodes it reads), and
   * the name test costs more than these comparisons.
   */
  private final Class<?>[] userFunctions = new Class<?>[4];
  /** The state of this thread's computations outside the lock, if it has any. */
  private final ThreadLocal<ComputationsOutside> outside = new ThreadLocal<>();

  Claims(ConcurrentEngine engine) {
    this.engine = engine;
  }

  /** Whether no thread has a computation outside the lock. Under the lock. */
  boolean none() {
    for (int i = 0; i < running.size(); i++) {
      if (running.get(i).size != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Under the lock, at the end of a top-level read (or of one pass of it): this thread stops being
   * listed among the threads with computations outside, if it was and has none left. A thread
   * stays listed from its first run that leaves to the end of its read, so that a verification
   * whose runs leave one after another (a stale chain) does not list and unlist it for each.
   */
  void readEnded() {
    if (!engine.anyOutside()) {
      return;
    }
    ComputationsOutside o = mine();
    if (o != null && o.listed && o.size == 0) {
      o.listed = false;
      running.remove(o);
      engine.setOutside(running.size());
    }
  }

  /** This thread's state if it has computations outside the lock, else null. */
  ComputationsOutside outsideHere() {
    ComputationsOutside o = mine();
    return o != null && o.size != 0 ? o : null;
  }

  /** This thread's state (it may have no computation outside the lock now), or null. */
  private ComputationsOutside mine() {
    ComputationsOutside last = lastOutside;
    if (last != null && last.threadId == Thread.currentThread().getId()) {
      return last;
    }
    return outside.get();
  }

  /**
   * The state of the thread outside the lock that claims {@code n}, or null: for a node being
   * verified, the thread whose id its mark carries; for a node being computed, the thread whose
   * stack of runs holds it.
   */
  private ComputationsOutside ownerOf(ComputedNode<?> n) {
    long v = n.verifiedAt;
    if (ComputedNode.isVerifying(v)) {
      long id = ComputedNode.verifierOf(v);
      for (int i = 0; i < running.size(); i++) {
        ComputationsOutside o = running.get(i);
        if (o.threadId == id) {
          return o;
        }
      }
      return null;
    }
    if (v != ComputedNode.COMPUTING) {
      return null;
    }
    for (int i = 0; i < running.size(); i++) {
      ComputationsOutside o = running.get(i);
      for (int j = 0; j < o.size; j++) {
        if (o.runRecorders[j].node == n) {
          return o;
        }
      }
    }
    return null;
  }

  /**
   * Under the lock, from the algorithm: if {@code node} (found in progress) is claimed by another
   * thread, unwinds to the read that took the lock, which waits for it ({@link ClaimedElsewhere}).
   * Returns if it is this thread's own (a cycle, or a verification of its own below, which the
   * caller handles).
   */
  void check(ComputedNode<?> node) {
    if (running.isEmpty()) {
      return;
    }
    ComputationsOutside owner = ownerOf(node);
    if (owner == null || owner.threadId == Thread.currentThread().getId()) {
      return;
    }
    awaited = node;
    engine.unwinding = ClaimedElsewhere.INSTANCE;
    throw ClaimedElsewhere.INSTANCE;
  }

  /** After a {@link ClaimedElsewhere} reached the read that took the lock: the node to wait for. */
  ComputedNode<?> takeAwaited() {
    ComputedNode<?> w = awaited;
    awaited = null;
    return w;
  }

  /**
   * If {@code n}, about to run with {@code parent} as its parent recorder, is run for the lock
   * holder's read with no other run of that read in progress under the lock (the node read, or one
   * its verification found it must run on the way, at any depth), claims it and releases the lock:
   * its function runs outside. The nodes the verification holds on its way to {@code n} stay
   * marked with this thread's id, so other threads wait for them as for a claim; the explicit
   * stack they may be on leaves with the thread.
   */
  void leave(ComputedNode<?> n, DependencyRecorder parent) {
    ConcurrentEngine e = engine;
    if (parent != e.sectionParent || !e.cancellable || e.pending || e.flushing
        || e.unwinding != null || e.lock.getHoldCount() != 1 || isEngineCode(n)) {
      return;
    }
    ComputationsOutside o = mine();
    if (o == null) {
      o = new ComputationsOutside();
      outside.set(o);
    }
    if (lastOutside != o) {
      lastOutside = o;
    }
    if (o.size == 0) {
      // This thread takes the engine's recorder chain with it and leaves its free one instead.
      o.runRevision = e.revision;
      DependencyRecorder taken = e.rootRecorder;
      int length = e.recorders;
      e.rootRecorder = o.chain;
      e.recorders = o.chainLength;
      o.chain = taken;
      o.chainLength = length;
      if (!o.listed) {
        o.listed = true;
        running.add(o);
        e.setOutside(running.size());
      }
    }
    o.push(e.recorder);
    if (e.activeSize != 0) {
      o.takeStack(e);
    }
    if (e.provisional) {
      o.provisional = true;
    }
    e.recorder = null;
    e.provisional = false;
    e.endSection();
    // Threads waiting for a node this thread's verification has finished meanwhile may go on.
    e.signalChanged();
    e.lock.unlock();
  }

  /** Whether {@code n} computes a collection stage: engine code, run under the lock. */
  private boolean isEngineCode(ComputedNode<?> n) {
    Class<?> c = n.function.getClass();
    Class<?>[] known = userFunctions;
    for (Class<?> k : known) {
      if (k == c) {
        return false;
      }
    }
    if (c.getName().startsWith("dev.incr.internal.")) {
      return true;
    }
    System.arraycopy(known, 0, known, 1, known.length - 1);
    known[0] = c;
    return false;
  }

  /**
   * When the run of {@code n} ends, however it ends: if it ran outside the lock, takes the lock
   * again, ends its claim and puts back the state it left with; a run whose revision is no longer
   * current is then discarded as cancelled.
   */
  void returning(ComputedNode<?> n) {
    if (!engine.anyOutside()) {
      return;
    }
    ComputationsOutside o = mine();
    if (o == null || o.size == 0 || o.topNode() != n) {
      return;
    }
    ConcurrentEngine e = engine;
    e.lock.lock();
    int top = --o.size;
    DependencyRecorder run = o.runRecorders[top];
    o.runRecorders[top] = null;
    e.computingThread = o.threadId;
    e.recorder = run;
    e.provisional = o.provisional;
    e.cancellable = true;
    e.sectionParent = run.parent();
    if (o.stackSizes[top] != 0) {
      o.putBackStack(e, top);
    }
    Throwable unwinding = o.unwinding;
    e.unwinding = unwinding;
    if (unwinding != null) {
      o.unwinding = null;
    }
    ComputedNode<?> deep = o.deepPending;
    e.deepPending = deep;
    if (deep != null) {
      o.deepPending = null;
    }
    if (e.unwinding == null && e.revision != o.runRevision) {
      e.unwinding = new Cancelled();
    }
    if (o.size == 0) {
      // The chain the outermost run took stays with this thread, free now, to be given to the
      // engine in exchange the next time a run leaves with the engine's.
      o.provisional = false; // carried on by the engine's flag until the read ends
    }
  }

  /**
   * Waits, holding the lock's condition and nothing but its claims, for the claim on {@code w} to
   * end; throws a {@link CycleException} instead if the owners of the claims wait for each other in
   * a circle that comes back to this thread ({@code o}).
   */
  void waitFor(ComputationsOutside o, ComputedNode<?> w) {
    List<ComputedNode<?>> path = new ArrayList<>();
    path.add(o.topNode());
    path.add(w);
    ComputationsOutside owner = ownerOf(w);
    while (owner != null && owner != o && owner.waitingFor != null) {
      ComputedNode<?> next = owner.waitingFor;
      path.add(next);
      owner = ownerOf(next);
    }
    if (owner == o) {
      List<String> labels = new ArrayList<>();
      for (ComputedNode<?> n : path) {
        labels.add(n.label());
      }
      // The cycle closes on a node this thread claimed: name it from there.
      ComputedNode<?> last = path.get(path.size() - 1);
      if (last != path.get(0)) {
        labels.set(0, last.label());
      }
      CycleException ex = engine.cycleWitnesses.named(new CycleException(labels),
          new ArrayList<>(path.subList(1, path.size())));
      engine.cycleWitnesses.saw(o.topRecorder(), ex);
      throw ex;
    }
    o.waitingFor = w;
    try {
      while (ownerOf(w) != null && engine.revision == o.runRevision) {
        engine.awaitChanged();
      }
    } finally {
      o.waitingFor = null;
    }
  }

  /**
   * After a {@link ClaimedElsewhere} reached a read holding no claim: waits for the claim to end
   * (such a reader closes no cycle: nobody waits for it).
   */
  void awaitMet() {
    ComputedNode<?> w = takeAwaited();
    engine.unwinding = null;
    while (w != null && ownerOf(w) != null) {
      engine.awaitChange();
    }
  }
}
