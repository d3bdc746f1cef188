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
  ComputedNode<?>[] nodes = new ComputedNode<?>[4];
  DependencyRecorder[] runRecorders = new DependencyRecorder[4];
  DependencyRecorder[] parents = new DependencyRecorder[4];
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
  /** The engine's recorder chain this thread took with its first run, and its length. */
  DependencyRecorder rootRecorder;
  int recorders;
  /** A free recorder chain to leave the engine in exchange, and its length. */
  DependencyRecorder spareRoot = new DependencyRecorder(null);
  int spareRecorders = 1;

  ComputedNode<?> topNode() {
    return nodes[size - 1];
  }

  DependencyRecorder topRecorder() {
    return runRecorders[size - 1];
  }

  void push(ComputedNode<?> n, DependencyRecorder r, DependencyRecorder parent) {
    if (size == nodes.length) {
      int grown = size * 2;
      nodes = Arrays.copyOf(nodes, grown);
      runRecorders = Arrays.copyOf(runRecorders, grown);
      parents = Arrays.copyOf(parents, grown);
      stackNodes = Arrays.copyOf(stackNodes, grown);
      stackCursors = Arrays.copyOf(stackCursors, grown);
      stackSince = Arrays.copyOf(stackSince, grown);
      stackSizes = Arrays.copyOf(stackSizes, grown);
    }
    nodes[size] = n;
    runRecorders[size] = r;
    parents[size] = parent;
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
