package dev.incr.internal;

/**
 * A thread's computations outside the lock of a {@link ConcurrentEngine}: the runs it claimed,
 * innermost last, each with the engine state to put back when it returns. Kept per thread and
 * reused (no allocation per run).
 */
final class ComputationsOutside {
  final long threadId = Thread.currentThread().getId();
  /** The revision its computations read at (set when its first run leaves). */
  long runRevision;
  int size;
  ComputedNode<?>[] nodes = new ComputedNode<?>[4];
  DependencyRecorder[] runRecorders = new DependencyRecorder[4];
  DependencyRecorder[] parents = new DependencyRecorder[4];
  boolean[] provisionals = new boolean[4];
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

  void push(ComputedNode<?> n, DependencyRecorder r, DependencyRecorder parent, boolean p) {
    if (size == nodes.length) {
      int grown = size * 2;
      nodes = java.util.Arrays.copyOf(nodes, grown);
      runRecorders = java.util.Arrays.copyOf(runRecorders, grown);
      parents = java.util.Arrays.copyOf(parents, grown);
      provisionals = java.util.Arrays.copyOf(provisionals, grown);
    }
    nodes[size] = n;
    runRecorders[size] = r;
    parents[size] = parent;
    provisionals[size] = p;
    size++;
  }
}
