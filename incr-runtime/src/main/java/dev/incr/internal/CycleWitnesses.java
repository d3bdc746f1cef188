package dev.incr.internal;

import dev.incr.CycleException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The computeds whose last run met a {@link CycleException} (caught it and returned a value, or
 * failed with it), each with the nodes on that cycle.
 *
 * <p>Such a node read a node that was still running, so what it saw was the cycle, not that
 * node's value. The cycle can only be broken by a node on it reading differently, which takes a
 * run of that node; and that run may well end in a value equal to the old one (an early cutoff),
 * leaving nothing the witness read changed. So a witness also depends on every node of its cycle
 * with "re-ran" semantics: it is re-run when any of them has run since it was last verified.
 * Writes that reach no node of the cycle re-run nothing.
 *
 * <p>Cycles are rare, so this lives in a side table instead of a field on every node, and the
 * engine looks at it only while {@link #tracking} (some witness is kept, or a running computation
 * has met a cycle). Nodes are held weakly.
 */
final class CycleWitnesses {

  /** Whether any witness or pending sighting exists: the engine's only check when none does. */
  boolean tracking;

  /** The nodes on the cycle each exception thrown by the engine names (kept while it lives). */
  private final Map<CycleException, NodeRef[]> named = new WeakHashMap<>();
  /** The witnesses, with the nodes of the cycle their last run met. */
  private final Map<ComputedNode<?>, NodeRef[]> witnesses = new WeakHashMap<>();
  /** The nodes on the witnesses' cycles, with the revision of their last run ({@code [0]}). */
  private final Map<ComputedNode<?>, long[]> members = new WeakHashMap<>();
  /** How many recorders hold a sighting not yet consumed by {@link #ran}. */
  private int sightings;

  /** A node on a cycle, held weakly. */
  static final class NodeRef extends WeakReference<ComputedNode<?>> {
    NodeRef(ComputedNode<?> n) {
      super(n);
    }
  }

  /** Notes that {@code e}, about to be thrown, names the cycle through {@code onCycle}. */
  CycleException named(CycleException e, List<ComputedNode<?>> onCycle) {
    NodeRef[] refs = new NodeRef[onCycle.size()];
    for (int i = 0; i < refs.length; i++) {
      refs[i] = new NodeRef(onCycle.get(i));
    }
    named.put(e, refs);
    return e;
  }

  /**
   * Notes that {@code e}, about to be thrown for a read of cycle-failed {@code failed}, names the
   * cycle that node's failing run met.
   */
  CycleException rethrown(CycleException e, ComputedNode<?> failed) {
    NodeRef[] cycle = witnesses.get(failed);
    if (cycle != null) {
      named.put(e, cycle);
    }
    return e;
  }

  /** A read by the computation recording into {@code r} threw {@code e}: its run met the cycle. */
  void saw(DependencyRecorder r, CycleException e) {
    NodeRef[] cycle = named.get(e);
    if (cycle == null) {
      return; // not a cycle the engine found (a cycle among observed nodes, or user code's own)
    }
    if (r.cycleSeen == null) {
      sightings++;
      r.cycleSeen = cycle;
    } else if (r.cycleSeen != cycle) {
      r.cycleSeen = union(r.cycleSeen, cycle);
    }
    tracking = true;
  }

  /**
   * A run of {@code n}, recording into {@code r}, ended at revision {@code rev}. If {@code n} is on
   * a witness's cycle, the run is noted, and observed witnesses of it are queued to be brought up to
   * date. {@code n} becomes a witness if the run met a cycle and {@code keep} (it returned a value
   * or is kept cycle-failed); otherwise it stops being one.
   */
  void ran(ComputedNode<?> n, DependencyRecorder r, long rev, boolean keep, EngineCore engine) {
    NodeRef[] seen = r.cycleSeen;
    if (seen != null) {
      r.cycleSeen = null;
      sightings--;
    }
    long[] ranAt = members.get(n);
    if (ranAt != null && ranAt[0] < rev) {
      ranAt[0] = rev;
      queueObservedWitnessesOf(n, rev, engine);
    }
    if (seen != null && keep) {
      witnesses.put(n, seen);
      for (NodeRef ref : seen) {
        ComputedNode<?> m = ref.get();
        if (m != null) {
          members.putIfAbsent(m, new long[] {Long.MIN_VALUE});
        }
      }
    } else if (!witnesses.isEmpty()) {
      witnesses.remove(n);
    }
    if (witnesses.isEmpty()) {
      members.clear();
      tracking = sightings > 0;
    }
  }

  /**
   * A node of witness {@code n}'s cycle that has run after revision {@code base} (when {@code n} was
   * last verified), or null: then {@code n} still stands as far as its cycle is concerned.
   */
  ComputedNode<?> reRanMember(ComputedNode<?> n, long base) {
    NodeRef[] cycle = witnesses.get(n);
    if (cycle == null) {
      return null;
    }
    for (NodeRef ref : cycle) {
      ComputedNode<?> m = ref.get();
      if (m != null) {
        long[] ranAt = members.get(m);
        if (ranAt != null && ranAt[0] > base) {
          return m;
        }
      }
    }
    return null;
  }

  /**
   * Observed (necessary) witnesses are kept up to date by pushes, which an early cutoff of {@code
   * member} does not send: those on its cycle not verified since are marked dirty and queued.
   */
  private void queueObservedWitnessesOf(ComputedNode<?> member, long rev, EngineCore engine) {
    List<ComputedNode<?>> toQueue = null;
    for (Map.Entry<ComputedNode<?>, NodeRef[]> e : witnesses.entrySet()) {
      ComputedNode<?> w = e.getKey();
      if (w == null || w == member || w.necessity() == null) {
        continue;
      }
      for (NodeRef ref : e.getValue()) {
        if (ref.get() == member) {
          if (toQueue == null) {
            toQueue = new ArrayList<>();
          }
          toQueue.add(w);
          break;
        }
      }
    }
    if (toQueue != null) {
      for (ComputedNode<?> w : toQueue) {
        markDirty(w, engine);
      }
    }
  }

  /** As {@link NecessaryGraph#markReadersDirty} does for each reader of a changed node. */
  private static void markDirty(ComputedNode<?> w, EngineCore engine) {
    long v = w.verifiedAt;
    if (v == engine.revision || ComputedNode.inProgress(v)) {
      return; // up to date after the member's run, or being verified or run: it will look
    }
    Push.beginPending(engine);
    if (v == EngineCore.CLEAN) {
      EngineCore.publishVerified(w, engine.revision - 1);
    }
    if (!w.necessity().queued) {
      engine.necessary.queue.add(w);
    }
  }

  private static NodeRef[] union(NodeRef[] a, NodeRef[] b) {
    List<NodeRef> all = new ArrayList<>(List.of(a));
    for (NodeRef ref : b) {
      ComputedNode<?> m = ref.get();
      boolean present = false;
      for (NodeRef x : all) {
        if (x.get() == m) {
          present = true;
          break;
        }
      }
      if (!present) {
        all.add(ref);
      }
    }
    return all.toArray(new NodeRef[0]);
  }
}
