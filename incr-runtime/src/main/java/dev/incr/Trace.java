package dev.incr;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What one traced evaluation did, in order: see {@link Engine#trace(java.util.function.Supplier)}.
 *
 * @param events every node verified, run, re-run or cut off, in the order it happened
 * @param totalNanos wall time of the whole traced evaluation
 */
public record Trace(List<TraceEvent> events, long totalNanos) {

  /** Copies the event list. */
  public Trace {
    events = List.copyOf(events);
  }

  /** Labels of the nodes whose function ran (first runs, re-runs, cut-offs, failures), in order. */
  public List<String> ran() {
    return events.stream()
        .filter(e -> e.kind() != TraceEvent.Kind.VERIFIED)
        .map(TraceEvent::label)
        .collect(Collectors.toList());
  }

  /** The events of one kind, in order. */
  public List<TraceEvent> events(TraceEvent.Kind kind) {
    return events.stream().filter(e -> e.kind() == kind).collect(Collectors.toList());
  }

  /** One event per line, then the total time. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (TraceEvent e : events) {
      s.append(e).append('\n');
    }
    return s.append(String.format("total %.1f us", totalNanos / 1000.0)).toString();
  }
}
