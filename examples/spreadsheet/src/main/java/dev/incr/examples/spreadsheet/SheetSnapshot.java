package dev.incr.examples.spreadsheet;

import java.util.List;

/**
 * The whole sheet at one revision: its size and every cell that is not blank.
 *
 * @param columns the number of columns
 * @param rows the number of rows
 * @param revision the engine revision the values belong to
 * @param cells the non-blank cells, row by row
 */
public record SheetSnapshot(int columns, int rows, long revision, List<CellState> cells) {

  /** Copies the list. */
  public SheetSnapshot {
    cells = List.copyOf(cells);
  }
}
