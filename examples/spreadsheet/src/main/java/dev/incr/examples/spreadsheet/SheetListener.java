package dev.incr.examples.spreadsheet;

/**
 * Receives the sheet's state and then each edit, in order. Calls are made under the sheet's lock,
 * so a listener never misses an edit or sees one twice, and every listener sees edits in the same
 * order; a listener should hand the data off quickly.
 */
public interface SheetListener {

  /** Called once, when the listener is added, with the current state. */
  void snapshot(SheetSnapshot snapshot);

  /** Called after each edit that changed a cell's raw text. */
  void edited(EditReport report);
}
