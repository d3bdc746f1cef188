package dev.incr.examples.spreadsheet;

import dev.incr.examples.spreadsheet.formula.CellRef;
import dev.incr.examples.spreadsheet.formula.CellValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one edit did, from the engine's trace of bringing the sheet up to date after it: every node
 * that ran, which cells re-ran, which of them changed value, and how long it took.
 *
 * @param cell the edited cell
 * @param raw its new raw text
 * @param revision the engine's revision after the edit
 * @param steps every node whose function ran, in order (values, parsed formulas)
 * @param recomputed the cells whose value computation ran, in the order they ran
 * @param changed the cells whose value changed, with their new values, in sheet order
 * @param nanos the time the engine took to bring every cell up to date (the trace's total)
 */
public record EditReport(
    CellRef cell,
    String raw,
    long revision,
    List<Step> steps,
    List<CellRef> recomputed,
    Map<CellRef, CellValue> changed,
    long nanos) {

  /** Copies the collections. */
  public EditReport {
    steps = List.copyOf(steps);
    recomputed = List.copyOf(recomputed);
    changed = Collections.unmodifiableMap(new LinkedHashMap<>(changed));
  }

  /** Returns the cells that re-ran but kept their value: propagation stopped there (cutoff). */
  public List<CellRef> cutOff() {
    return recomputed.stream().filter(c -> !changed.containsKey(c)).toList();
  }
}
