package dev.incr;

import java.util.List;

/**
 * The part of an engine's graph reachable from some nodes, following dependencies, as it was when
 * taken: see {@link Engine#graph(Node[])}. Export it with {@link #toDot()} or {@link #toJson()}.
 *
 * @param revision the engine revision when the snapshot was taken
 * @param nodes the nodes, each with an id unique within the snapshot
 * @param edges dependency edges: {@code from} reads {@code to}
 */
public record GraphSnapshot(long revision, List<NodeInfo> nodes, List<Edge> edges) {

  /** Copies the lists. */
  public GraphSnapshot {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /**
   * One node.
   *
   * @param id the node's id within the snapshot ({@code n0}, {@code n1}, ...)
   * @param label the node's label
   * @param kind {@code "var"} or {@code "computed"}
   * @param changedAt revision at which the value last changed
   * @param verifiedAt revision at which the value was last known up to date (vars: the current one)
   * @param upToDate whether the value is known to be current without re-checking
   * @param value the value's {@code toString()}, or {@code "(not computed)"}
   */
  public record NodeInfo(
      String id, String label, String kind, long changedAt, long verifiedAt, boolean upToDate,
      String value) {}

  /**
   * A dependency edge.
   *
   * @param from id of the reading node
   * @param to id of the node it read on its last run
   */
  public record Edge(String from, String to) {}

  /** Graphviz DOT: inputs as boxes, computeds as ellipses, stale nodes dashed; edges reader -> read. */
  public String toDot() {
    StringBuilder s = new StringBuilder("digraph incr {\n  rankdir=BT;\n");
    for (NodeInfo n : nodes) {
      s.append("  ").append(n.id()).append(" [label=\"").append(escape(n.label()))
          .append("\\n").append(escape(n.value())).append("\\nchanged@").append(n.changedAt())
          .append("\", shape=").append(n.kind().equals("var") ? "box" : "ellipse");
      if (!n.upToDate()) {
        s.append(", style=dashed");
      }
      s.append("];\n");
    }
    for (Edge e : edges) {
      s.append("  ").append(e.from()).append(" -> ").append(e.to()).append(";\n");
    }
    return s.append("}\n").toString();
  }

  /** JSON: {@code {"revision":..,"nodes":[{..}],"edges":[{"from":..,"to":..}]}}. */
  public String toJson() {
    StringBuilder s = new StringBuilder("{\"revision\":").append(revision).append(",\"nodes\":[");
    for (int i = 0; i < nodes.size(); i++) {
      NodeInfo n = nodes.get(i);
      if (i > 0) {
        s.append(',');
      }
      s.append("{\"id\":").append(quote(n.id())).append(",\"label\":").append(quote(n.label()))
          .append(",\"kind\":").append(quote(n.kind())).append(",\"changedAt\":")
          .append(n.changedAt()).append(",\"verifiedAt\":").append(n.verifiedAt())
          .append(",\"upToDate\":").append(n.upToDate()).append(",\"value\":")
          .append(quote(n.value())).append('}');
    }
    s.append("],\"edges\":[");
    for (int i = 0; i < edges.size(); i++) {
      if (i > 0) {
        s.append(',');
      }
      s.append("{\"from\":").append(quote(edges.get(i).from())).append(",\"to\":")
          .append(quote(edges.get(i).to())).append('}');
    }
    return s.append("]}").toString();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"': q.append("\\\""); break;
        case '\\': q.append("\\\\"); break;
        case '\n': q.append("\\n"); break;
        case '\r': q.append("\\r"); break;
        case '\t': q.append("\\t"); break;
        default:
          if (c < 0x20) {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
      }
    }
    return q.append('"').toString();
  }
}
