package dev.incr.internal;

import dev.incr.CycleException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the nodes on a cycle when one is detected. The engine keeps no stack of the nodes it is
 * verifying (that would cost a push and a pop per node on every read); instead the path is
 * recovered here, once, from the nodes' states.
 */
final class CyclePath {
  private CyclePath() {}

  /**
   * Builds the exception for the running computation of {@code recorder} that read {@code repeated}, a node already being
   * verified or computed. The cycle is found by searching from {@code repeated} through nodes that
   * are not idle: a verifying node's dependencies from its last run, a computing node's reads so
   * far, until the reading computation is reached.
   */
  static CycleException through(ComputedNode<?> repeated, DependencyRecorder recorder) {
    return through(repeated, recorder, new ArrayList<>());
  }

  /** {@link #through(ComputedNode, DependencyRecorder)}, adding the nodes on the cycle to {@code onCycle}. */
  static CycleException through(ComputedNode<?> repeated, DependencyRecorder recorder,
      List<ComputedNode<?>> onCycle) {
    ComputedNode<?> reader = recorder.node;
    List<ComputedNode<?>> path = new ArrayList<>();
    Map<ComputedNode<?>, Boolean> visited = new IdentityHashMap<>();
    ArrayDeque<AbstractNode<?>[]> pending = new ArrayDeque<>();
    ArrayDeque<Integer> positions = new ArrayDeque<>();
    path.add(repeated);
    visited.put(repeated, Boolean.TRUE);
    pending.push(inProgressReads(repeated, recorder));
    positions.push(0);
    while (!pending.isEmpty() && path.get(path.size() - 1) != reader) {
      AbstractNode<?>[] reads = pending.peek();
      int i = positions.pop();
      if (i == reads.length) {
        pending.pop();
        path.remove(path.size() - 1);
        continue;
      }
      positions.push(i + 1);
      AbstractNode<?> d = reads[i];
      if (d instanceof ComputedNode && ComputedNode.inProgress(d.verifiedAt)
          && visited.put((ComputedNode<?>) d, Boolean.TRUE) == null) {
        ComputedNode<?> c = (ComputedNode<?>) d;
        path.add(c);
        pending.push(inProgressReads(c, recorder));
        positions.push(0);
      }
    }
    if (path.isEmpty()) {
      onCycle.add(reader);
      onCycle.add(repeated);
    } else {
      onCycle.addAll(path);
    }
    List<String> labels = new ArrayList<>();
    if (path.isEmpty()) {
      labels.add(reader.label());
    } else {
      for (ComputedNode<?> n : path) {
        labels.add(n.label());
      }
    }
    labels.add(repeated.label());
    return new CycleException(labels);
  }

  /** What a non-idle node is reading: its reads so far if running, else its last run's. */
  private static AbstractNode<?>[] inProgressReads(ComputedNode<?> n, DependencyRecorder recorder) {
    if (n.verifiedAt == ComputedNode.COMPUTING) {
      for (DependencyRecorder r = recorder; r != null; r = r.parent()) {
        if (r.node == n) {
          return r.recordedSoFar();
        }
      }
    }
    return n.dependencyArray();
  }
}
