package dev.incr.examples.spreadsheet.formula;

/**
 * How the {@link Evaluator} reads other cells. In the sheet, reading a cell reads that cell's
 * engine node, so the reading cell's computation records it as a dependency.
 */
public interface CellReader {

  /** Returns whether {@code ref} is a cell of the sheet. */
  boolean contains(CellRef ref);

  /** Returns the value of a cell of the sheet ({@link #contains} is true). */
  CellValue read(CellRef ref);

  /** Describes the sheet's extent for error messages, such as {@code A1:J20}. */
  String extent();
}
