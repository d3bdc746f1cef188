package dev.incr.internal;

import java.util.Arrays;

/**
 * A thread's computations outside the lock of a {@link ConcurrentEngine}: the runs it claimed,
 * innermost last, each with the engine state to put back when it returns (its recorder, the
 * recorder it runs under, and the part of the engine's explicit verification stack its thread's
 * verification had when it left). Kept per thread and reused (no allocation per run once the
 * arrays have grown).
 */
final class ComputationsOutside {
  final long threadId = Thread.currentThread().getId();
  /** Whether this state is in the engine's list of threads outside ({@link Claims#readEnded}). */
  boolean listed;
  /** The revision its computations read at (set when its first run leaves). */
  long runRevision;
  int size;
  /**
   * The recorders of its claimed runs, innermost last: each names its node ({@link
   * DependencyRecorder#node}) and the recorder of the computation it runs under ({@link
   * DependencyRecorder#parent()}), which is all a claim needs.
   */
  DependencyRecorder[] runRecorders = new DependencyRecorder[4];
  /**
   * Per run, the explicit stack ({@link Verification}) the verification that ran it was walking,
   * and its size: 0 (and no arrays) when the verification was on the Java stack only.
   */
  ComputedNode<?>[][] stackNodes = new ComputedNode<?>[4][];
  int[][] stackCursors = new int[4][];
  long[][] stackSince = new long[4][];
  int[] stackSizes = new int[4];
  /** Free arrays to give the engine in exchange for a stack taken out, or null. */
  private ComputedNode<?>[] spareNodes;
  private int[] spareCursors;
  private long[] spareSince;
  /**
   * Whether a verification of this thread's top-level read became provisional ({@link
   * EngineCore#provisional}) while this thread was outside: it stays so until the read ends, as
   * on one thread.
   */
  boolean provisional;
  /** The {@link EngineCore#unwinding} of this thread while it is outside. */
  Throwable unwinding;
  ComputedNode<?> deepPending;
  /** The claimed node this thread waits for, or null. */
  ComputedNode<?> waitingFor;
  /**
   * A recorder chain and its length: while this thread has claimed runs, the engine's chain its
   * outermost run took with it; otherwise a free one, which it gives the engine in exchange the
   * next time a run leaves with the engine's chain.
   */
  DependencyRecorder chain = new DependencyRecorder(null);
  int chainLength = 1;

  ComputedNode<?> topNode() {
    return runRecorders[size - 1].node;
  }

  DependencyRecorder topRecorder() {
    return runRecorders[size - 1];
  }

  void push(DependencyRecorder r) {
    if (size == runRecorders.length) {
      int grown = size * 2;
      runRecorders = Arrays.copyOf(runRecorders, grown);
      stackNodes = Arrays.copyOf(stackNodes, grown);
      stackCursors = Arrays.copyOf(stackCursors, grown);
      stackSince = Arrays.copyOf(stackSince, grown);
      stackSizes = Arrays.copyOf(stackSizes, grown);
    }
    runRecorders[size] = r;
    size++;
  }

  /**
   * The run just pushed leaves in the middle of a walk of the engine's explicit stack: takes that
   * stack with it and gives the engine free arrays, so that other threads verify on their own.
   */
  void takeStack(EngineCore e) {
    int top = size - 1;
    stackNodes[top] = e.active;
    stackCursors[top] = e.cursor;
    stackSince[top] = e.activeSince;
    stackSizes[top] = e.activeSize;
    if (spareNodes == null) {
      int length = e.active.length;
      spareNodes = new ComputedNode<?>[length];
      spareCursors = new int[length];
      spareSince = new long[length];
    }
    e.active = spareNodes;
    e.cursor = spareCursors;
    e.activeSince = spareSince;
    e.activeSize = 0;
    spareNodes = null;
    spareCursors = null;
    spareSince = null;
  }

  /**
   * The run at {@code top}, which took the explicit stack with it, has come back: puts the stack
   * back into the engine, whose free arrays become the spare ones.
   */
  void putBackStack(EngineCore e, int top) {
    spareNodes = e.active;
    spareCursors = e.cursor;
    spareSince = e.activeSince;
    e.active = stackNodes[top];
    e.cursor = stackCursors[top];
    e.activeSince = stackSince[top];
    e.activeSize = stackSizes[top];
    stackNodes[top] = null;
    stackCursors[top] = null;
    stackSince[top] = null;
    stackSizes[top] = 0;
  }
}
