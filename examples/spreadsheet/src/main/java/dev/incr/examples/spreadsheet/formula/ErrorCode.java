package dev.incr.examples.spreadsheet.formula;

/** The error values a cell can show instead of a result. */
public enum ErrorCode {
  /** The cell's value depends on itself, directly or through other cells. */
  CYCLE("#CYCLE!"),
  /** A division by zero, or an average of no numbers. */
  DIV_ZERO("#DIV/0!"),
  /** An unknown function or name. */
  NAME("#NAME?"),
  /** A reference to a cell outside the sheet. */
  REF("#REF!"),
  /** An operand of the wrong type, such as text in arithmetic, or a wrong argument count. */
  VALUE("#VALUE!"),
  /** A result that is not a finite number (overflow). */
  NUM("#NUM!"),
  /** A formula that does not parse. */
  SYNTAX("#ERROR!");

  private final String display;

  ErrorCode(String display) {
    this.display = display;
  }

  /** Returns the text shown in the cell, such as {@code #DIV/0!}. */
  public String display() {
    return display;
  }
}
