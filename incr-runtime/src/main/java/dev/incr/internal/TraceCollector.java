package dev.incr.internal;

import dev.incr.TraceEvent;
import dev.incr.TraceEvent.Kind;
import java.util.ArrayList;
import java.util.List;

/** Collects events for {@code Engine.trace}, passing them on to the sink it replaced, if any. */
final class TraceCollector implements TraceSink {
  private final TraceSink next;
  final List<TraceEvent> events = new ArrayList<>();

  TraceCollector(TraceSink next) {
    this.next = next;
  }

  @Override
  public boolean active() {
    return true;
  }

  @Override
  public void verified(ComputedNode<?> node, long revision) {
    events.add(new TraceEvent(Kind.VERIFIED, node.label(), node, null, 0, revision));
    if (next != null) {
      next.verified(node, revision);
    }
  }

  @Override
  public void ran(ComputedNode<?> node, AbstractNode<?> cause, boolean firstRun, boolean changed,
      Throwable failure, long nanos, long revision) {
    Kind kind = failure != null ? Kind.FAILED
        : firstRun ? Kind.RAN
        : changed ? Kind.RERAN
        : Kind.CUT_OFF;
    String because = cause != null ? cause.label()
        : firstRun || failure != null ? null
        : "its previous run failed";
    events.add(new TraceEvent(kind, node.label(), node, because, nanos, revision));
    if (next != null) {
      next.ran(node, cause, firstRun, changed, failure, nanos, revision);
    }
  }

  @Override
  public void restored(ComputedNode<?> node, long nanos, long revision) {
    events.add(new TraceEvent(Kind.RESTORED, node.label(), node, null, nanos, revision));
    if (next != null) {
      next.restored(node, nanos, revision);
    }
  }
}
