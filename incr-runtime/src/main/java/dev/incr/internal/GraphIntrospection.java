package dev.incr.internal;

import dev.incr.GraphSnapshot;
import dev.incr.Why;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only views of the graph for {@code Engine.why} and {@code Engine.graph}: they look at the
 * nodes as last computed and compute nothing. Callers hold whatever the engine needs (the lock of
 * the concurrent engine).
 */
final class GraphIntrospection {
  private GraphIntrospection() {}

  static Why why(AbstractNode<?> node) {
    AbstractNode<?> n = node;
    List<Why.Step> chain = new ArrayList<>();
    while (true) {
      boolean input = !(n instanceof ComputedNode);
      chain.add(new Why.Step(n.label(), n, n.changedAt, input));
      if (input) {
        break;
      }
      AbstractNode<?> latest = null;
      for (AbstractNode<?> d : ((ComputedNode<?>) n).dependencyArray()) {
        if (latest == null || d.changedAt > latest.changedAt) {
          latest = d;
        }
      }
      if (latest == null) {
        break;
      }
      n = latest;
    }
    return new Why(node, chain);
  }

  static GraphSnapshot snapshot(long rev, AbstractNode<?>... roots) {
    Map<AbstractNode<?>, String> ids = new IdentityHashMap<>();
    ArrayDeque<AbstractNode<?>> queue = new ArrayDeque<>();
    for (AbstractNode<?> n : roots) {
      if (!ids.containsKey(n)) {
        ids.put(n, "n" + ids.size());
        queue.add(n);
      }
    }
    List<GraphSnapshot.NodeInfo> nodes = new ArrayList<>();
    List<GraphSnapshot.Edge> edges = new ArrayList<>();
    while (!queue.isEmpty()) {
      AbstractNode<?> n = queue.poll();
      String id = ids.get(n);
      if (n instanceof ComputedNode) {
        ComputedNode<?> c = (ComputedNode<?>) n;
        boolean computed = c.verifiedAt != ComputedNode.NEVER_RAN;
        boolean clean = c.verifiedAt == EngineCore.CLEAN && c.engine.cleanMark == EngineCore.CLEAN;
        long verifiedAt = clean ? rev : c.verifiedAt;
        nodes.add(new GraphSnapshot.NodeInfo(id, c.label(), "computed", c.changedAt, verifiedAt,
            verifiedAt == rev,
            computed ? String.valueOf(c.boxedValue()) : "(not computed)"));
        for (AbstractNode<?> d : c.dependencyArray()) {
          String target = ids.get(d);
          if (target == null) {
            target = "n" + ids.size();
            ids.put(d, target);
            queue.add(d);
          }
          edges.add(new GraphSnapshot.Edge(id, target));
        }
      } else {
        nodes.add(new GraphSnapshot.NodeInfo(id, n.label(), "var", n.changedAt, rev, true,
            String.valueOf(n.boxedValue())));
      }
    }
    return new GraphSnapshot(rev, nodes, edges);
  }
}
