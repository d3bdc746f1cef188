package dev.incr.examples.spreadsheet;

import dev.incr.examples.spreadsheet.formula.CellRef;
import dev.incr.examples.spreadsheet.formula.CellValue;

/**
 * A cell's raw text and current value.
 *
 * @param ref the cell
 * @param raw what the user typed
 * @param value what the cell shows
 */
public record CellState(CellRef ref, String raw, CellValue value) {}
