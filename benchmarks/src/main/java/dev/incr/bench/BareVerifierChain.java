package dev.incr.bench;

import java.util.function.IntSupplier;

/**
 * A reference point for the chain, not a peer: incr's algorithm with everything else taken out.
 * Each node is verified on demand by walking down to what changed, re-runs with its one read
 * recorded, and compares its {@code int} result with the old value for early cutoff, as incr's
 * {@code IntComputed} does; but there are no dependency lists (one read per node, checked, not
 * stored), no cycle, error, cross-engine or nesting handling, no deep-stack fallback, no
 * statistics, tracing, observers or publication for concurrent readers.
 *
 * <p>What it measures is the part of incr's cost per node that comes with the algorithm itself
 * (verification pass, re-run through an {@code IntSupplier}, cutoff compare), as opposed to
 * what incr's features add on top.
 */
final class BareVerifierChain {

  private long revision = 1;
  /** The node whose function is running, or null. */
  private Node running;
  /** Whether the running node has read its dependency yet. */
  private boolean read;

  /** An input or a derived node. */
  class Node {
    int value;
    long changedAt;
    long verifiedAt;
    final IntSupplier function;
    final Node dependency;

    Node(IntSupplier function, Node dependency) {
      this.function = function;
      this.dependency = dependency;
    }

    int get() {
      if (verifiedAt == revision || verifiedAt == Long.MAX_VALUE) {
        if (running != null) {
          if (running.dependency != this || read) {
            throw new IllegalStateException("a bare node reads exactly its one dependency");
          }
          read = true;
        }
        return value;
      }
      if (running != null) {
        throw new IllegalStateException("a bare chain is computed bottom-up before it is read");
      }
      verify(this);
      return value;
    }
  }

  /** An input: always verified. */
  final class Input extends Node {
    Input(int value) {
      super(null, null);
      this.value = value;
      this.verifiedAt = Long.MAX_VALUE;
    }

    void set(int newValue) {
      if (newValue != value) {
        value = newValue;
        changedAt = ++revision;
      }
    }
  }

  final Input input = new Input(0);
  final Node last;

  /** Builds {@code n} nodes, each one plus the one below, and computes them bottom-up. */
  BareVerifierChain(int n) {
    Node previous = input;
    for (int i = 0; i < n; i++) {
      Node below = previous;
      previous = new Node(() -> below.get() + 1, below);
      previous.get();
    }
    last = previous;
  }

  private void verify(Node n) {
    long since = n.verifiedAt;
    Node d = n.dependency;
    if (since != 0) {
      if (d.verifiedAt < revision) {
        verify(d);
      }
      if (d.changedAt <= since) {
        n.verifiedAt = revision;
        return;
      }
    }
    running = n;
    read = false;
    int result = n.function.getAsInt();
    running = null;
    if (since == 0 || n.value != result) {
      n.value = result;
      n.changedAt = revision;
    }
    n.verifiedAt = revision;
  }
}
