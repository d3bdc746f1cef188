package dev.incr.examples.spreadsheet;

import dev.incr.examples.spreadsheet.formula.CellRef;
import dev.incr.examples.spreadsheet.formula.CellValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one edit did: which cells the engine re-ran, which of them changed value, and how long it
 * took to bring every cell up to date.
 *
 * @param cell the edited cell
 * @param raw its new raw text
 * @param revision the engine's revision after the edit
 * @param recomputed the cells whose value computation re-ran, in the order they ran
 * @param changed the cells whose value changed, with their new values, in sheet order
 * @param nanos the time from the edit until every cell was up to date
 */
public record EditReport(
    CellRef cell,
    String raw,
    long revision,
    List<CellRef> recomputed,
    Map<CellRef, CellValue> changed,
    long nanos) {

  /** Copies the collections. */
  public EditReport {
    recomputed = List.copyOf(recomputed);
    changed = Collections.unmodifiableMap(new LinkedHashMap<>(changed));
  }

  /** Returns the cells that re-ran but kept their value: propagation stopped there (cutoff). */
  public List<CellRef> cutOff() {
    return recomputed.stream().filter(c -> !changed.containsKey(c)).distinct().toList();
  }
}
