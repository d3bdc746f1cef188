package dev.incr.internal;

import java.util.Arrays;

/**
 * Collects the nodes one run of a computation reads. Runs usually read the same nodes in the same
 * order as last time, so the recorder first just walks the previous dependency array and allocates
 * nothing; only when a read departs from it does it copy into its own buffer.
 *
 * <p>One recorder per nesting depth is kept by the engine and reused across runs.
 */
final class DependencyRecorder {
  private final DependencyRecorder parent;
  private long stamp;
  private AbstractNode<?>[] previous;
  private int count;
  /** Null while the reads match {@link #previous}; the diverged list after. */
  private AbstractNode<?>[] buffer;
  private AbstractNode<?>[] spare = new AbstractNode<?>[8];
  DependencyRecorder child;
  ComputedNode<?> node;

  DependencyRecorder(DependencyRecorder parent) {
    this.parent = parent;
  }

  DependencyRecorder parent() {
    return parent;
  }

  void start(ComputedNode<?> node, long stamp) {
    this.node = node;
    this.stamp = stamp;
    this.previous = node.dependencies;
    this.count = 0;
    this.buffer = null;
  }

  void record(AbstractNode<?> dependency) {
    if (dependency.readStamp == stamp) {
      return;
    }
    dependency.readStamp = stamp;
    int c = count;
    AbstractNode<?>[] b = buffer;
    if (b == null) {
      AbstractNode<?>[] p = previous;
      if (c < p.length && p[c] == dependency) {
        count = c + 1;
        return;
      }
      b = diverge(c);
    }
    if (c == b.length) {
      b = Arrays.copyOf(b, c * 2);
      buffer = b;
      spare = b;
    }
    b[c] = dependency;
    count = c + 1;
  }

  private AbstractNode<?>[] diverge(int matched) {
    AbstractNode<?>[] b = spare;
    if (b.length <= matched) {
      b = new AbstractNode<?>[Math.max(matched * 2, 8)];
      spare = b;
    }
    System.arraycopy(previous, 0, b, 0, matched);
    buffer = b;
    return b;
  }

  /** Returns the dependency array of the run just finished, reusing the previous one if equal. */
  AbstractNode<?>[] finish() {
    AbstractNode<?>[] result;
    if (buffer == null) {
      result = count == previous.length ? previous
          : count == 0 ? ComputedNode.NO_DEPENDENCIES : Arrays.copyOf(previous, count);
    } else {
      result = count == 0 ? ComputedNode.NO_DEPENDENCIES : Arrays.copyOf(buffer, count);
    }
    clear();
    return result;
  }

  void clear() {
    if (buffer != null) {
      Arrays.fill(buffer, 0, count, null);
    }
    node = null;
    previous = null;
    buffer = null;
    count = 0;
  }
}
