package dev.incr.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Collects the nodes one run of a computation reads. Runs usually read the same nodes in the same
 * order as last time, so the recorder first just walks the previous dependency array and allocates
 * nothing; only when a read departs from it does it copy into its own buffer. A read of a node
 * already read in this run (a query that calls {@code b()} twice) is found among the reads so far
 * and does not count as a departure, so such runs reuse their list too.
 *
 * <p>A run of a node with static dependencies ({@link dev.incr.support.StaticDependencies}) starts
 * with the inputs its function reads from fields already counted as read, and, on the node's first
 * run, with the static list as the previous one: a run that reads what the list says matches it
 * read for read, and the list becomes the node's dependencies unchanged.
 *
 * <p>A diverged run must not record a node twice. Short lists are searched; past {@link
 * #SCAN_LIMIT} reads an identity set takes over. (A per-node stamp would avoid both, at eight
 * bytes on every node of the graph for the sake of a path most runs never take.)
 *
 * <p>One recorder per nesting depth is kept by the engine and reused across runs.
 */
final class DependencyRecorder {
  /** Up to this many reads, a diverged run finds repeats by scanning its buffer. */
  static final int SCAN_LIMIT = 16;

  private final DependencyRecorder parent;
  /**
   * How many computations are running, nested, while this recorder records the innermost: 1 for
   * the root recorder. The engine's run depth is its recorder's depth.
   */
  final int depth;
  /** How many reads the current run has recorded. */
  private int count;
  /**
   * Null while the reads match the previous run's dependencies (read from the node itself, which
   * keeps them until the run finishes: a copy here would cost a reference store per run); the
   * diverged list after.
   */
  private AbstractNode<?>[] buffer;
  /**
   * The dependency list the current run is compared with: the node's own from its last run, or its
   * static list before its first ({@link #start(ComputedNode, Object, int)}).
   */
  private Object previous = ComputedNode.NO_DEPENDENCIES;
  private AbstractNode<?>[] spare = new AbstractNode<?>[8];
  /** The reads of a diverged run past {@link #SCAN_LIMIT}, or null. */
  private Set<AbstractNode<?>> seen;
  DependencyRecorder child;
  ComputedNode<?> node;
  /**
   * The nodes on the cycles the current run met, for {@link CycleWitnesses} (null, and never
   * looked at, while no cycle has been met).
   */
  CycleWitnesses.NodeRef[] cycleSeen;
  /**
   * For the recorder that stands in while a collection operator's function runs ({@link
   * OperatorScope}): that operator's label, for the error every read then gets. Null otherwise.
   */
  private final Supplier<String> operator;

  DependencyRecorder(DependencyRecorder parent) {
    this.parent = parent;
    this.depth = parent == null ? 1 : parent.depth + 1;
    this.operator = null;
  }

  /**
   * A recorder that refuses every read, for {@link CollectionHooks.OperatorScope}: {@code stand} is a node with no
   * dependencies, so that no read takes the fast path; errors name {@code operator} ({@link
   * #describe()}).
   */
  DependencyRecorder(ComputedNode<?> stand, Supplier<String> operator) {
    this.parent = null;
    this.depth = 1;
    this.node = stand;
    this.operator = operator;
  }

  /**
   * Names, for error messages, what is running: {@code the computation of 'label'}, or {@code the
   * function of 'collection'} while a collection operator's function runs.
   */
  String describe() {
    return operator != null
        ? "the function of '" + operator.get() + "'"
        : "the computation of '" + node.label() + "'";
  }

  DependencyRecorder parent() {
    return parent;
  }

  void start(ComputedNode<?> node) {
    this.node = node;
    this.previous = node.dependencies;
    this.count = 0;
    this.buffer = null;
  }

  /**
   * Starts recording a run of a node with static dependencies: {@code previous} is the list to
   * compare with, whose first {@code alreadyRead} nodes count as read.
   */
  void start(ComputedNode<?> node, Object previous, int alreadyRead) {
    this.node = node;
    this.previous = previous;
    this.count = alreadyRead;
    this.buffer = null;
  }

  /**
   * Records a read. The fast path is a read in the same position as on the last run; it is kept
   * small enough for the JIT to inline into every {@code get()}.
   */
  void record(AbstractNode<?> dependency) {
    int c = count;
    if (buffer == null) {
      // The previous dependencies have no duplicates, so a match cannot be a repeated read.
      Object p = previous;
      if (p == dependency ? c == 0 : p.getClass() == AbstractNode[].class
          && c < ((AbstractNode<?>[]) p).length && ((AbstractNode<?>[]) p)[c] == dependency) {
        count = c + 1;
        return;
      }
    }
    recordSlowPath(dependency);
  }

  private void recordSlowPath(AbstractNode<?> dependency) {
    if (operator != null) {
      throw new IllegalStateException("The function of '" + operator.get()
          + "' read node '" + dependency.label() + "'. Functions given to collection operators"
          + " run once per changed element and may depend only on it: the collection would not"
          + " follow '" + dependency.label() + "'. Read it outside the operator, for example in a"
          + " computed over the input's toList(), or make it part of the elements (join).");
    }
    int c = count;
    AbstractNode<?>[] b = buffer;
    if (b == null) {
      if (c <= SCAN_LIMIT && readSoFar(dependency, c)) {
        return; // read again: the run still follows the previous list
      }
      b = diverge(c);
    }
    if (alreadyRecorded(dependency, b, c)) {
      return;
    }
    if (c == b.length) {
      b = Arrays.copyOf(b, c * 2);
      buffer = b;
      spare = b;
    }
    b[c] = dependency;
    count = c + 1;
  }

  /** Whether {@code dependency} is among the first {@code c} previous dependencies. */
  private boolean readSoFar(AbstractNode<?> dependency, int c) {
    Object p = previous;
    if (p instanceof AbstractNode) {
      return c == 1 && p == dependency;
    }
    AbstractNode<?>[] a = (AbstractNode<?>[]) p;
    for (int i = 0; i < c; i++) {
      if (a[i] == dependency) {
        return true;
      }
    }
    return false;
  }

  private boolean alreadyRecorded(AbstractNode<?> dependency, AbstractNode<?>[] b, int c) {
    if (c <= SCAN_LIMIT) {
      for (int i = 0; i < c; i++) {
        if (b[i] == dependency) {
          return true;
        }
      }
      if (c < SCAN_LIMIT) {
        return false;
      }
    }
    if (seen == null) {
      seen = Collections.newSetFromMap(new IdentityHashMap<>());
    }
    if (seen.isEmpty()) {
      seen.addAll(Arrays.asList(b).subList(0, c));
    }
    return !seen.add(dependency);
  }

  private AbstractNode<?>[] diverge(int matched) {
    AbstractNode<?>[] b = spare;
    if (b.length <= matched) {
      b = new AbstractNode<?>[Math.max(matched * 2, 8)];
      spare = b;
    }
    if (matched > 0) {
      System.arraycopy(ComputedNode.asArray(previous), 0, b, 0, matched);
    }
    buffer = b;
    return b;
  }

  /** The reads recorded so far in the current run (a copy). */
  AbstractNode<?>[] recordedSoFar() {
    return Arrays.copyOf(buffer != null ? buffer : ComputedNode.asArray(previous), count);
  }

  /**
   * Returns the dependencies of the run just finished (see {@link ComputedNode#dependencies}),
   * the previous object itself if the reads were the same.
   */
  Object finish() {
    Object p = previous;
    if (buffer == null
        && count == (p.getClass() == AbstractNode[].class ? ((AbstractNode<?>[]) p).length : 1)) {
      // Drop references so a recorder never keeps a finished graph reachable.
      node = null;
      previous = ComputedNode.NO_DEPENDENCIES;
      return p;
    }
    return finishSlowPath();
  }

  private Object finishSlowPath() {
    Object result;
    AbstractNode<?>[] source = buffer != null ? buffer : ComputedNode.asArray(previous);
    if (count == 0) {
      result = ComputedNode.NO_DEPENDENCIES;
    } else if (count == 1) {
      result = source[0];
    } else if (previous.getClass() == AbstractNode[].class
        && ((AbstractNode<?>[]) previous).length == count && node.necessity() == null) {
      // Same length as last time (a branch that switched which node it reads): the node's own
      // array takes the new list in place. Not for a necessary node, whose reverse edges are
      // rewired by comparing the old list with the new one.
      System.arraycopy(source, 0, (AbstractNode<?>[]) previous, 0, count);
      result = previous;
    } else {
      result = Arrays.copyOf(source, count);
    }
    clear();
    return result;
  }

  /** Forgets the current run, dropping references to what it read. */
  void clear() {
    if (buffer != null) {
      Arrays.fill(buffer, 0, count, null);
      buffer = null;
    }
    if (seen != null) {
      seen.clear();
    }
    node = null;
    previous = ComputedNode.NO_DEPENDENCIES;
    count = 0;
  }
}
