package dev.incr.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the engine keeps for a <em>necessary</em> node: one an observer watches, or that a necessary
 * computed read on its last run. Necessary nodes are kept up to date by pushing changes upward
 * after each write ({@link NecessaryGraph}) instead of being verified when read, so reading one is
 * constant time however far below it the change was absorbed.
 *
 * <p>Only necessary nodes have one; everything here is guarded like the rest of the node's state
 * (one thread at a time, the concurrent engine's lock).
 */
final class Necessity {

  private static final ComputedNode<?>[] NONE = new ComputedNode<?>[0];

  /** The node's label, or null for its default one (see {@link AbstractNode#label()}). */
  String label;
  /** A var's durability level ({@link DurabilityClock}); LOW for computeds while necessary. */
  byte durability;
  /** 0 for vars; for computeds, more than the height of every necessary node they read. */
  int height;
  /** Observers of the node plus necessary computeds that read it. */
  int references;
  /** Whether the node waits in the engine's recompute queue. */
  boolean queued;
  /** The node's open observations in the order they were opened, or null if none. */
  List<ObservationImpl<?>> observations;
  /** Whether the node is on the engine's list of observed changes not yet collected. */
  boolean changeNoted;
  /** The necessary computeds that read the node on their last run (first {@link #dependentCount}). */
  private ComputedNode<?>[] dependents = NONE;
  private int dependentCount;

  Necessity(int height) {
    this.height = height;
  }

  boolean isObserved() {
    return observations != null;
  }

  void addObservation(ObservationImpl<?> observation) {
    if (observations == null) {
      observations = new ArrayList<>(1);
    }
    observations.add(observation);
    references++;
  }

  /** Removes {@code observation}; returns false if it was not there (closed already). */
  boolean removeObservation(ObservationImpl<?> observation) {
    if (observations == null || !observations.remove(observation)) {
      return false;
    }
    if (observations.isEmpty()) {
      observations = null;
    }
    references--;
    return true;
  }

  /** The length of the readers' array (0 while it is the shared empty one), for footprints. */
  int dependentsCapacity() {
    return dependents == NONE ? 0 : dependents.length;
  }

  int dependentCount() {
    return dependentCount;
  }

  ComputedNode<?> dependent(int i) {
    return dependents[i];
  }

  void addDependent(ComputedNode<?> n) {
    if (dependentCount == dependents.length) {
      dependents = Arrays.copyOf(dependents, Math.max(4, dependentCount * 2));
    }
    dependents[dependentCount++] = n;
    references++;
  }

  /** Whether {@code n} is one of the readers listed. */
  boolean hasDependent(ComputedNode<?> n) {
    for (int i = 0; i < dependentCount; i++) {
      if (dependents[i] == n) {
        return true;
      }
    }
    return false;
  }

  void removeDependent(ComputedNode<?> n) {
    for (int i = 0; i < dependentCount; i++) {
      if (dependents[i] == n) {
        dependents[i] = dependents[--dependentCount];
        dependents[dependentCount] = null;
        references--;
        return;
      }
    }
    throw new AssertionError("not a dependent: " + n);
  }
}
