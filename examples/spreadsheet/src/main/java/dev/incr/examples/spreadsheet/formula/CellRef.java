package dev.incr.examples.spreadsheet.formula;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The address of a cell: a zero-based column and row, written {@code A1} (column letters, then the
 * one-based row number). Columns after {@code Z} are {@code AA}, {@code AB}, and so on.
 *
 * @param column the zero-based column index
 * @param row the zero-based row index
 */
public record CellRef(int column, int row) {

  private static final Pattern NAME = Pattern.compile("([A-Za-z]{1,6})([0-9]{1,9})");

  /** Validates the indices. */
  public CellRef {
    if (column < 0 || row < 0) {
      throw new IllegalArgumentException(
          "Cell indices must not be negative: column " + column + ", row " + row);
    }
  }

  /**
   * Parses a cell name such as {@code B12} (case-insensitive). Row 0 ({@code A0}) is not a cell.
   *
   * @return the reference, or empty if {@code name} is not a cell name
   */
  public static Optional<CellRef> parse(String name) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    int row = Integer.parseInt(m.group(2));
    if (row == 0) {
      return Optional.empty();
    }
    int column = 0;
    for (char c : m.group(1).toUpperCase(Locale.ROOT).toCharArray()) {
      column = column * 26 + (c - 'A' + 1);
    }
    return Optional.of(new CellRef(column - 1, row - 1));
  }

  /** Returns whether {@code text} has the shape of a cell name (letters then digits). */
  public static boolean looksLikeName(String text) {
    return NAME.matcher(text).matches();
  }

  /** Returns the letters naming a zero-based column: 0 is {@code A}, 26 is {@code AA}. */
  public static String columnName(int column) {
    StringBuilder letters = new StringBuilder();
    int c = column + 1;
    while (c > 0) {
      int rem = (c - 1) % 26;
      letters.append((char) ('A' + rem));
      c = (c - 1) / 26;
    }
    return letters.reverse().toString();
  }

  /** Returns the cell's name, such as {@code B12}. */
  public String name() {
    return columnName(column) + (row + 1);
  }

  @Override
  public String toString() {
    return name();
  }
}
