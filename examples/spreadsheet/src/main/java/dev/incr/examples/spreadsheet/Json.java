package dev.incr.examples.spreadsheet;

import dev.incr.Why;
import dev.incr.examples.spreadsheet.formula.CellRef;
import dev.incr.examples.spreadsheet.formula.CellValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the JSON messages the page understands; small enough not to need a JSON library. */
final class Json {

  private Json() {}

  /** {@code {"type":"snapshot", columns, rows, revision, cells: [cell...]}}. */
  static String snapshot(SheetSnapshot s) {
    StringBuilder sb = new StringBuilder("{\"type\":\"snapshot\"");
    sb.append(",\"columns\":").append(s.columns());
    sb.append(",\"rows\":").append(s.rows());
    sb.append(",\"revision\":").append(s.revision());
    sb.append(",\"cells\":[");
    String sep = "";
    for (CellState c : s.cells()) {
      sb.append(sep);
      sep = ",";
      cell(sb, c.ref(), c.value(), c.raw());
    }
    return sb.append("]}").toString();
  }

  /**
   * {@code {"type":"edit", cell, raw, revision, micros, recomputed: [name...], cutOff: [name...],
   * steps: [{kind, label, cause?, micros}...], changed: [cell...]}}.
   */
  static String edit(EditReport r) {
    StringBuilder sb = new StringBuilder("{\"type\":\"edit\",\"cell\":");
    string(sb, r.cell().name());
    sb.append(",\"raw\":");
    string(sb, r.raw());
    sb.append(",\"revision\":").append(r.revision());
    sb.append(",\"micros\":").append(micros(r.nanos()));
    sb.append(",\"recomputed\":");
    names(sb, r.recomputed());
    sb.append(",\"cutOff\":");
    names(sb, r.cutOff());
    sb.append(",\"steps\":[");
    String stepSep = "";
    for (Step step : r.steps()) {
      sb.append(stepSep).append("{\"kind\":");
      stepSep = ",";
      string(sb, step.kind().name()).append(",\"label\":");
      string(sb, step.label());
      if (step.cause() != null) {
        sb.append(",\"cause\":");
        string(sb, step.cause());
      }
      sb.append(",\"micros\":").append(micros(step.nanos())).append('}');
    }
    sb.append(']');
    sb.append(",\"changed\":[");
    String sep = "";
    for (Map.Entry<CellRef, CellValue> e : r.changed().entrySet()) {
      sb.append(sep);
      sep = ",";
      cell(sb, e.getKey(), e.getValue(), null);
    }
    return sb.append("]}").toString();
  }

  /**
   * {@code {"type":"why", cell, chain: [{label, changedAt, input}...]}}: why a cell has its value.
   */
  static String why(String cell, Why why) {
    StringBuilder sb = new StringBuilder("{\"type\":\"why\",\"cell\":");
    string(sb, cell).append(",\"chain\":[");
    String sep = "";
    for (Why.Step step : why.chain()) {
      sb.append(sep).append("{\"label\":");
      sep = ",";
      string(sb, step.label()).append(",\"changedAt\":").append(step.changedAt())
          .append(",\"input\":").append(step.input()).append('}');
    }
    return sb.append("]}").toString();
  }

  private static String micros(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1000.0);
  }

  /** {@code {"type":"error", message}}: a request the server could not carry out. */
  static String error(String message) {
    StringBuilder sb = new StringBuilder("{\"type\":\"error\",\"message\":");
    return string(sb, message).append('}').toString();
  }

  /** {@code {cell, value, kind[, detail][, raw]}}; {@code raw} is left out when null. */
  private static void cell(StringBuilder sb, CellRef ref, CellValue value, String raw) {
    sb.append("{\"cell\":");
    string(sb, ref.name());
    if (raw != null) {
      sb.append(",\"raw\":");
      string(sb, raw);
    }
    sb.append(",\"value\":");
    string(sb, value.display());
    sb.append(",\"kind\":");
    string(sb, value.kind());
    if (value instanceof CellValue.Error e) {
      sb.append(",\"detail\":");
      string(sb, e.detail());
    }
    sb.append('}');
  }

  private static void names(StringBuilder sb, List<CellRef> refs) {
    sb.append('[');
    String sep = "";
    for (CellRef ref : refs) {
      sb.append(sep);
      sep = ",";
      string(sb, ref.name());
    }
    sb.append(']');
  }

  /** Appends {@code s} as a JSON string literal. */
  static StringBuilder string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"');
  }
}
