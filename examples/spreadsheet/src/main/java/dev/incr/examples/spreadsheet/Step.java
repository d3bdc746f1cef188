package dev.incr.examples.spreadsheet;

import dev.incr.TraceEvent;

/**
 * One node the engine ran during an edit, from the engine's trace: a cell's value, a cell's parsed
 * formula ({@code B2.formula}), and so on.
 *
 * @param kind what happened: {@code RAN}, {@code RERAN}, {@code CUT_OFF} or {@code FAILED}
 * @param label the node's label
 * @param cause the label of the dependency whose change made it re-run, or null
 * @param nanos the time its function took
 */
public record Step(TraceEvent.Kind kind, String label, String cause, long nanos) {

  /** Converts a trace event. */
  static Step of(TraceEvent e) {
    return new Step(e.kind(), e.label(), e.cause(), e.nanos());
  }
}
