package dev.incr.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A JDK Flight Recorder event for one run of a computed. */
@Name("dev.incr.Recomputation")
@Label("incr recomputation")
@Category("incr")
@Description("A computed node ran: first run, re-run with a new value, cutoff, failure, or a run"
    + " that brought back a value its ValueLru evicted.")
final class RecomputationEvent extends Event {
  @Label("Node")
  String node;

  @Label("Kind")
  String kind;

  @Label("Cause")
  String cause;

  @Label("Revision")
  long revision;
}
