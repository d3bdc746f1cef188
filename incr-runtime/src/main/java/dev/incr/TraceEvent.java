package dev.incr;

/**
 * One step of a traced evaluation: a node verified, run for the first time, re-run, cut off, or
 * run again to bring back a value its {@link ValueLru} evicted.
 *
 * @param kind what happened to the node
 * @param label the node's label
 * @param node the node
 * @param cause for {@link Kind#RERAN} and {@link Kind#CUT_OFF}: the label of the dependency whose
 *     change made the node re-run, or a short reason (its previous run failed); otherwise null
 * @param nanos time spent running the node's function (0 for {@link Kind#VERIFIED})
 * @param revision the engine revision at which it happened
 */
public record TraceEvent(
    Kind kind, String label, Node<?> node, String cause, long nanos, long revision) {

  /** What happened to a node. */
  public enum Kind {
    /** Checked against its dependencies and found up to date, without running. */
    VERIFIED,
    /** Run for the first time. */
    RAN,
    /** Re-run because a dependency changed, producing a new value. */
    RERAN,
    /** Re-run because a dependency changed, producing an equal value: its readers were spared. */
    CUT_OFF,
    /** Run, and its function threw. */
    FAILED,
    /**
     * Run again only to get back the value its {@link ValueLru} evicted: nothing it read had
     * changed, so its value counts as unchanged and its readers were spared.
     */
    RESTORED
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder().append(kind).append(' ').append(label);
    if (cause != null) {
      s.append(" (because ").append(cause).append(')');
    }
    if (kind != Kind.VERIFIED) {
      s.append(String.format(" %.1f us", nanos / 1000.0));
    }
    return s.toString();
  }
}
