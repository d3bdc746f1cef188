package dev.incr.internal;

import jdk.jfr.EventType;

/** Commits a {@link RecomputationEvent} per run while a recording enables them. */
final class FlightRecorderSink implements TraceSink {
  private static final EventType TYPE = EventType.getEventType(RecomputationEvent.class);

  /** True only while a flight recording that enables the event is running. */
  @Override
  public boolean active() {
    return TYPE.isEnabled();
  }

  @Override
  public void verified(ComputedNode<?> node, long revision) {}

  @Override
  public void ran(ComputedNode<?> node, AbstractNode<?> cause, boolean firstRun, boolean changed,
      Throwable failure, long nanos, long revision) {
    RecomputationEvent event = new RecomputationEvent();
    if (!event.isEnabled()) {
      return;
    }
    event.node = node.label();
    event.kind = failure != null ? "FAILED" : firstRun ? "RAN" : changed ? "RERAN" : "CUT_OFF";
    event.cause = cause == null ? null : cause.label();
    event.revision = revision;
    event.commit();
  }

  @Override
  public void restored(ComputedNode<?> node, long nanos, long revision) {
    RecomputationEvent event = new RecomputationEvent();
    if (!event.isEnabled()) {
      return;
    }
    event.node = node.label();
    event.kind = "RESTORED";
    event.revision = revision;
    event.commit();
  }
}
