package dev.incr.internal;

import dev.incr.CycleException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of the graph kept up to date by pushing changes: observed nodes and, transitively,
 * everything they read. Incremental (Jane Street) calls these nodes <em>necessary</em>; this class
 * keeps their {@link Necessity}: reference counts, reverse edges and heights.
 *
 * <p>A necessary computed whose value is known current is <em>clean</em>: its {@code verifiedAt}
 * holds {@link EngineCore#CLEAN} instead of a revision, so reads take the fast path in every later
 * revision, however many writes happen elsewhere. A write to a necessary node marks its necessary
 * readers dirty (back to a real revision) and queues them; at the end of the outermost write the
 * engine takes the queue lowest height first ({@link Push#flush}), verifies each node (so it
 * re-runs only if something it read changed) and, when its value changed, marks and queues its
 * readers. A change absorbed low in the graph stops there: nothing above it is visited.
 *
 * <p>A queued node is brought up to date only if it is needed now ({@link #neededNow}): it is
 * observed, or a reader verifying its dependencies in first-read order would reach it. Otherwise it
 * is left stale and its readers are queued ({@link #leaveToReaders}): a reader that re-runs reads
 * it again (and brings it up to date then) or no longer reads it, in which case it does not run at
 * all. So a node an observed node stopped reading is not re-run for it.
 *
 * <p>Nodes that stop being necessary (the last observer closed, or no necessary node reads them
 * any more) go back to being verified on demand.
 *
 * <p>Heights order every edge but the <em>back edges</em> of caught cycles: a computation that
 * catches the {@link CycleException} of reading a node in progress leaves its readers free to read
 * it in turn (a spreadsheet cell showing {@code #CYCLE!}), so the necessary graph can hold a cycle
 * of dependencies. The edge that closes it is kept in {@link #backEdges} without raising heights
 * (which would never end), and is given its height order again once the cycle is broken. Until
 * then the nodes on the cycle are verified as everywhere else, and the cycle witnesses re-run them
 * when a member re-runs.
 */
final class NecessaryGraph {

  private final EngineCore engine;
  final RecomputeQueue queue = new RecomputeQueue();
  /**
   * Necessary computeds verified at the current revision (the first {@link #verifiedCount}), to
   * mark clean when nothing is pending; deepest first, as they were verified.
   */
  private ComputedNode<?>[] verified = new ComputedNode<?>[16];
  private int verifiedCount;
  /**
   * Whether a node stopped being necessary since the first of {@link #verified} was noted: only
   * then may some of them no longer be necessary, which {@link #markVerifiedClean} must check.
   */
  private boolean droppedSinceNoted;
  /** The edges of caught cycles whose dependency is not lower than its reader; usually empty. */
  private final List<BackEdge> backEdges = new ArrayList<>();

  /** A necessary computed {@code reader} reads {@code dependency}, which (transitively) reads it. */
  private record BackEdge(ComputedNode<?> reader, AbstractNode<?> dependency) {}

  /** How many nodes are necessary, how many of them are observed, and how many observers. */
  int necessaryNodes;
  int observedNodes;
  int observers;

  NecessaryGraph(EngineCore engine) {
    this.engine = engine;
  }

  // ---------------------------------------------------------------------------------------------
  // Observers

  /** {@code observation} starts watching its node, which is up to date at the current revision. */
  void addObserver(ObservationImpl<?> observation) {
    AbstractNode<?> n = observation.node();
    if (n.necessity() == null) {
      makeNecessary(n);
    }
    if (!n.necessity().isObserved()) {
      observedNodes++;
    }
    n.necessity().addObservation(observation);
    observers++;
  }

  /** {@code observation} closed (a second close of the same observation changes nothing). */
  void removeObserver(ObservationImpl<?> observation) {
    AbstractNode<?> n = observation.node();
    Necessity necessity = n.necessity();
    if (necessity == null || !necessity.removeObservation(observation)) {
      return;
    }
    observers--;
    if (!necessity.isObserved()) {
      observedNodes--;
    }
    if (necessity.references == 0) {
      makeUnnecessary(n);
    } else if (!backEdges.isEmpty()) {
      settleBackEdges(); // a caught cycle through n may be all that still reads it
    }
  }

  /**
   * Makes {@code root} and everything it reads, transitively, necessary: heights from the bottom
   * up, reverse edges, and clean marks on computeds verified at the current revision. An explicit
   * stack, because observed graphs may be as tall as any other.
   */
  private void makeNecessary(AbstractNode<?> root) {
    ArrayDeque<AbstractNode<?>> stack = new ArrayDeque<>();
    ArrayDeque<Integer> cursors = new ArrayDeque<>();
    // The nodes on the stack (their heights not known yet): an edge to one closes a caught cycle.
    Set<AbstractNode<?>> open = Collections.newSetFromMap(new IdentityHashMap<>());
    root.becomeNecessary();
    stack.push(root);
    open.add(root);
    cursors.push(0);
    while (!stack.isEmpty()) {
      AbstractNode<?> n = stack.peek();
      int cursor = cursors.pop();
      ComputedNode<?> c = n instanceof ComputedNode ? (ComputedNode<?>) n : null;
      if (c != null && cursor < c.dependencyCount()) {
        cursors.push(cursor + 1);
        AbstractNode<?> d = c.dependency(cursor);
        if (d.necessity() == null) {
          d.becomeNecessary();
          stack.push(d);
          open.add(d);
          cursors.push(0);
        }
        continue;
      }
      stack.pop();
      if (c != null) {
        int height = 0;
        for (int i = 0; i < c.dependencyCount(); i++) {
          AbstractNode<?> d = c.dependency(i);
          Necessity x = d.necessity();
          if (open.contains(d)) {
            backEdges.add(new BackEdge(c, d));
          } else {
            height = Math.max(height, x.height);
          }
          x.addDependent(c);
        }
        c.necessity().height = height + 1;
        if (c.verifiedAt == engine.revision) {
          noteVerified(c);
        }
      }
      open.remove(n);
    }
    if (!engine.pending) {
      markVerifiedClean();
    }
  }

  private void makeUnnecessary(AbstractNode<?> root) {
    dropFrom(root);
    settleBackEdges();
  }

  /**
   * Makes {@code root} unnecessary, and what it reads that nothing necessary reads any more,
   * transitively.
   */
  private void dropFrom(AbstractNode<?> root) {
    droppedSinceNoted |= verifiedCount > 0;
    ArrayDeque<AbstractNode<?>> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      AbstractNode<?> n = stack.pop();
      if (n.necessity() == null) {
        continue; // reached twice round a caught cycle
      }
      n.stopBeingNecessary();
      if (n instanceof ComputedNode) {
        ComputedNode<?> c = (ComputedNode<?>) n;
        if (c.verifiedAt == EngineCore.CLEAN) {
          EngineCore.publishVerified(c, Push.cleanRevision(engine));
        }
        for (AbstractNode<?> d : c.dependencyArray()) {
          Necessity x = d.necessity();
          if (x == null) {
            continue; // round a caught cycle: already made unnecessary by this walk
          }
          x.removeDependent(c);
          if (x.references == 0) {
            stack.push(d);
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Changes

  /**
   * {@code n}'s value changed at the current revision (or its run failed): its necessary readers
   * must be verified again before anyone trusts them.
   */
  void markReadersDirty(AbstractNode<?> n) {
    Necessity necessity = n.necessity();
    int count = necessity.dependentCount();
    if (count == 0) {
      return;
    }
    long stale = engine.revision - 1;
    for (int i = 0; i < count; i++) {
      ComputedNode<?> p = necessity.dependent(i);
      long v = p.verifiedAt;
      if (v == engine.revision || ComputedNode.inProgress(v)) {
        // Already up to date over n's new value, or being verified or run: it will see it.
        continue;
      }
      // Only when a reader is queued: a read whose run fails under its only reader leaves nothing
      // pending.
      Push.beginPending(engine);
      if (v == EngineCore.CLEAN) {
        EngineCore.publishVerified(p, stale);
      }
      if (!p.necessity().queued) {
        queue.add(p);
      }
    }
  }

  /**
   * How far into a reader's dependencies {@link #neededNow} looks for the node in question; a node
   * read later than this is brought up to date as if needed (a run it may not need, instead of a
   * scan quadratic in the reader's width).
   */
  static final int NEED_SCAN_LIMIT = 256;

  /**
   * Whether queued computed {@code n}, taken out of the queue by the flush (so every node lower than
   * it is settled), is needed now: it is observed, or there is a path of readers up to an observed
   * node along which each reader, verifying its dependencies in first-read order, would reach the
   * one below with every earlier dependency settled and unchanged, and each reader on the way is
   * undisturbed (clean: only this change can reach it). A reader already dirty (queued) decides for
   * itself when its turn comes, pulling {@code n} if it still reads it; so does one that re-runs.
   * If {@code n} is not needed now it is left to its readers ({@link #leaveToReaders}): it must not
   * run for a reader whose new run no longer reads it.
   *
   * <p>When nothing else is queued, nothing can disturb the readers above a clean reader, so the
   * first level decides: the cost of a change absorbed low under an observed node does not depend
   * on how far above it the observed node is.
   */
  boolean neededNow(ComputedNode<?> n) {
    if (n.necessity().isObserved() || (!backEdges.isEmpty() && onBackEdge(n))) {
      // A node that closes a caught cycle is brought up to date: left to its readers, it would
      // come back to itself round the cycle.
      return true;
    }
    long rev = engine.revision;
    int height = n.necessity().height;
    boolean alone = queue.isEmpty();
    ArrayDeque<ComputedNode<?>> work = null;
    java.util.Set<ComputedNode<?>> seen = null;
    ComputedNode<?> m = n;
    while (true) {
      Necessity x = m.necessity();
      for (int i = 0, count = x.dependentCount(); i < count; i++) {
        ComputedNode<?> p = x.dependent(i);
        long v = p.verifiedAt;
        if (v == rev || ComputedNode.inProgress(v) || ComputedNode.mustRun(v)) {
          continue; // decided already, or runs whatever its dependencies say
        }
        if (!readsFirst(p, v == EngineCore.CLEAN ? rev - 1 : v, m, height, rev)) {
          continue;
        }
        if (p.necessity().isObserved() || (alone && v == EngineCore.CLEAN)) {
          return true;
        }
        if (v == EngineCore.CLEAN) {
          if (work == null) {
            work = new ArrayDeque<>();
            seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
          }
          if (seen.add(p)) {
            work.push(p);
          }
        }
      }
      if (work == null || work.isEmpty()) {
        return false;
      }
      m = work.pop();
    }
  }

  /**
   * Whether {@code p}, verified since {@code since}, reaches {@code n} with every dependency before
   * it settled and unchanged; lower than {@code height} means settled for a clean node.
   */
  private static boolean readsFirst(ComputedNode<?> p, long since, ComputedNode<?> n, int height,
      long rev) {
    for (int j = 0, count = p.dependencyCount(); j < count; j++) {
      AbstractNode<?> d = p.dependency(j);
      if (d == n || j >= NEED_SCAN_LIMIT) {
        return true;
      }
      if (d instanceof ComputedNode) {
        long dv = d.verifiedAt;
        boolean settled = dv == rev || (dv == EngineCore.CLEAN && d.necessity().height < height);
        if (!settled) {
          return false;
        }
      }
      if (d.changedAt > since) {
        return false; // p re-runs: its run reads n or not
      }
    }
    return false;
  }

  /**
   * Leaves stale computed {@code n}, not needed now ({@link #neededNow}), to its readers: each one
   * not yet decided is marked dirty and queued, so that it is verified (reading {@code n} first if
   * it still needs it) or re-run.
   */
  void leaveToReaders(ComputedNode<?> n) {
    Necessity x = n.necessity();
    long rev = engine.revision;
    for (int i = 0, count = x.dependentCount(); i < count; i++) {
      ComputedNode<?> p = x.dependent(i);
      long v = p.verifiedAt;
      if (v == rev || ComputedNode.inProgress(v)) {
        continue;
      }
      if (v == EngineCore.CLEAN) {
        EngineCore.publishVerified(p, rev - 1);
      }
      if (!p.necessity().queued) {
        queue.add(p);
      }
    }
  }

  /** Notes that necessary computed {@code c} is up to date at the current revision. */
  void noteVerified(ComputedNode<?> c) {
    int count = verifiedCount;
    if (count == verified.length) {
      verified = Arrays.copyOf(verified, count * 2);
    }
    verified[count] = c;
    verifiedCount = count + 1;
  }

  /** Whether every computed that {@code c} read is clean. */
  private static boolean dependenciesClean(ComputedNode<?> c) {
    Object deps = c.dependencies;
    if (deps instanceof AbstractNode) {
      AbstractNode<?> d = (AbstractNode<?>) deps;
      return !(d instanceof ComputedNode) || d.verifiedAt == EngineCore.CLEAN;
    }
    for (AbstractNode<?> d : (AbstractNode<?>[]) deps) {
      if (d instanceof ComputedNode && d.verifiedAt != EngineCore.CLEAN) {
        return false;
      }
    }
    return true;
  }

  boolean hasVerified() {
    return verifiedCount != 0;
  }

  /**
   * Marks clean every noted computed still current whose necessary dependencies are all vars or
   * clean (a computed that read a failing node must be verified again when read, as without
   * observers). Called when no change is pending, so current means current from now on.
   */
  void markVerifiedClean() {
    long rev = engine.revision;
    ComputedNode<?>[] nodes = verified;
    int count = verifiedCount;
    boolean checkNecessary = droppedSinceNoted;
    for (int i = 0; i < count; i++) {
      ComputedNode<?> c = nodes[i];
      nodes[i] = null;
      if (c.verifiedAt == rev && (!checkNecessary || c.necessity() != null)
          && dependenciesClean(c)) {
        EngineCore.publishVerified(c, EngineCore.CLEAN);
      }
    }
    verifiedCount = 0;
    droppedSinceNoted = false;
  }

  // ---------------------------------------------------------------------------------------------
  // Dynamic dependencies

  /**
   * A run of necessary computed {@code n} read {@code now} instead of {@code before}: nodes it
   * newly reads become necessary (raising heights above them as needed), nodes it no longer reads
   * lose a reference. A new read of a node that reads {@code n} (a cycle its run caught, or that a
   * node it read caught) becomes a back edge; a change that breaks a cycle puts its back edge in
   * height order.
   */
  void rewire(ComputedNode<?> n, AbstractNode<?>[] before, AbstractNode<?>[] now) {
    Members old = new Members(before);
    Members current = new Members(now);
    for (AbstractNode<?> d : now) {
      if (!old.contains(d)) {
        if (d.necessity() == null) {
          makeNecessary(d);
        }
        d.necessity().addDependent(n);
        if (d.necessity().height >= n.necessity().height) {
          if (pathThroughReaders(n, d) != null) {
            backEdges.add(new BackEdge(n, d));
          } else {
            raise(n, d.necessity().height + 1);
          }
        }
      }
    }
    for (AbstractNode<?> d : before) {
      if (!current.contains(d)) {
        Necessity x = d.necessity();
        if (x == null) {
          continue; // round a caught cycle: made unnecessary with an earlier one
        }
        x.removeDependent(n);
        if (x.references == 0) {
          makeUnnecessary(d);
        }
      }
    }
    settleBackEdges();
  }

  /**
   * Drops the back edges that are gone (their reader no longer reads their dependency, or either
   * is no longer necessary) and raises heights across those whose cycle is broken.
   */
  private void settleBackEdges() {
    if (backEdges.isEmpty()) {
      return;
    }
    dropUnobservedCycles();
    for (int i = backEdges.size() - 1; i >= 0; i--) {
      BackEdge b = backEdges.get(i);
      Necessity r = b.reader().necessity();
      Necessity x = b.dependency().necessity();
      if (r == null || x == null || !x.hasDependent(b.reader()) || x.height < r.height) {
        backEdges.remove(i);
      } else if (pathThroughReaders(b.reader(), b.dependency()) == null) {
        backEdges.remove(i);
        raise(b.reader(), x.height + 1);
      }
    }
  }

  /**
   * Reference counts cannot free a caught cycle that no observed node reads any more (its members
   * still read each other): for each back edge, if no observed node is among the readers above it
   * (transitively), those readers and the cycle are made unnecessary.
   */
  private void dropUnobservedCycles() {
    for (int i = 0; i < backEdges.size(); i++) {
      ComputedNode<?> start = backEdges.get(i).reader();
      if (start.necessity() == null) {
        continue;
      }
      List<ComputedNode<?>> above = readersAboveIfUnobserved(start);
      if (above != null) {
        for (ComputedNode<?> m : above) {
          dropFrom(m);
        }
      }
    }
  }

  /**
   * {@code start} and every necessary node that reads it, transitively, if none of them is
   * observed; null if one is.
   */
  private static List<ComputedNode<?>> readersAboveIfUnobserved(ComputedNode<?> start) {
    Set<ComputedNode<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<ComputedNode<?>> work = new ArrayDeque<>();
    List<ComputedNode<?>> above = new ArrayList<>();
    seen.add(start);
    work.push(start);
    while (!work.isEmpty()) {
      ComputedNode<?> m = work.pop();
      Necessity x = m.necessity();
      if (x.isObserved()) {
        return null;
      }
      above.add(m);
      for (int i = 0; i < x.dependentCount(); i++) {
        ComputedNode<?> p = x.dependent(i);
        if (seen.add(p)) {
          work.push(p);
        }
      }
    }
    return above;
  }

  /** Whether {@code n} is at either end of a back edge. */
  private boolean onBackEdge(ComputedNode<?> n) {
    for (int i = 0; i < backEdges.size(); i++) {
      BackEdge b = backEdges.get(i);
      if (b.reader() == n || b.dependency() == n) {
        return true;
      }
    }
    return false;
  }

  /** Whether necessary {@code reader}'s read of {@code dependency} closes a caught cycle. */
  boolean isBackEdge(ComputedNode<?> reader, AbstractNode<?> dependency) {
    for (int i = 0; i < backEdges.size(); i++) {
      BackEdge b = backEdges.get(i);
      if (b.reader() == reader && b.dependency() == dependency) {
        return true;
      }
    }
    return false;
  }

  /** Membership in a dependency array: scanned when short (most are), hashed by identity else. */
  private static final class Members {
    private static final int SCAN_LIMIT = 8;
    private final AbstractNode<?>[] nodes;
    private final Set<AbstractNode<?>> set;

    Members(AbstractNode<?>[] nodes) {
      this.nodes = nodes;
      if (nodes.length <= SCAN_LIMIT) {
        set = null;
      } else {
        set = Collections.newSetFromMap(new IdentityHashMap<>());
        Collections.addAll(set, nodes);
      }
    }

    boolean contains(AbstractNode<?> node) {
      if (set != null) {
        return set.contains(node);
      }
      for (AbstractNode<?> n : nodes) {
        if (n == node) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Raises {@code n}'s height to {@code height} and its readers' above it, transitively (not
   * across back edges, which would make it go round a cycle for ever).
   */
  private void raise(ComputedNode<?> n, int height) {
    ArrayDeque<ComputedNode<?>> work = new ArrayDeque<>();
    n.necessity().height = height;
    work.push(n);
    boolean cycles = !backEdges.isEmpty();
    while (!work.isEmpty()) {
      ComputedNode<?> m = work.pop();
      Necessity x = m.necessity();
      for (int i = 0; i < x.dependentCount(); i++) {
        ComputedNode<?> p = x.dependent(i);
        if (p.necessity().height <= x.height && !(cycles && isBackEdge(p, m))) {
          p.necessity().height = x.height + 1;
          work.push(p);
        }
      }
    }
  }

  /**
   * The chain of necessary readers from {@code from} up to {@code to} ({@code to} first), or null
   * if {@code to} does not (transitively) read {@code from}.
   */
  private static List<AbstractNode<?>> pathThroughReaders(AbstractNode<?> from,
      AbstractNode<?> to) {
    Map<AbstractNode<?>, AbstractNode<?>> reachedFrom = new IdentityHashMap<>();
    ArrayDeque<AbstractNode<?>> work = new ArrayDeque<>();
    reachedFrom.put(from, from);
    work.add(from);
    int limit = to.necessity().height;
    while (!work.isEmpty()) {
      AbstractNode<?> x = work.poll();
      if (x == to) {
        List<AbstractNode<?>> path = new ArrayList<>();
        for (AbstractNode<?> p = to; p != from; p = reachedFrom.get(p)) {
          path.add(p);
        }
        return path;
      }
      Necessity necessity = x.necessity();
      for (int i = 0; i < necessity.dependentCount(); i++) {
        ComputedNode<?> p = necessity.dependent(i);
        if (p.necessity().height <= limit && !reachedFrom.containsKey(p)) {
          reachedFrom.put(p, x);
          work.add(p);
        }
      }
    }
    return null;
  }
}
