package dev.incr.examples.spreadsheet.formula;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * The value of a cell: a number, text, a boolean, blank, or an error. Values are records, so two
 * equal results compare equal and the engine's early cutoff stops at a cell whose value did not
 * change.
 */
public sealed interface CellValue {

  /** The value of an empty cell. */
  CellValue BLANK = new Blank();

  /** Returns the text a cell shows for this value. */
  String display();

  /** Returns a short name of the kind of value: {@code number}, {@code text}, ... */
  String kind();

  /** Returns a number value; a result that is not finite becomes {@link ErrorCode#NUM}. */
  static CellValue number(double value) {
    if (!Double.isFinite(value)) {
      return new Error(ErrorCode.NUM, "the result is not a finite number");
    }
    // Normalize -0.0 so that it equals 0.0 (records compare doubles with Double.compare).
    return new Num(value == 0 ? 0.0 : value);
  }

  /** Returns an error value. */
  static CellValue error(ErrorCode code, String detail) {
    return new Error(code, detail);
  }

  /**
   * A number.
   *
   * @param value a finite number
   */
  record Num(double value) implements CellValue {
    private static final MathContext DISPLAY = new MathContext(10);

    @Override
    public String display() {
      if (value == Math.rint(value) && Math.abs(value) < 1e15) {
        return Long.toString((long) value);
      }
      BigDecimal d = BigDecimal.valueOf(value).round(DISPLAY).stripTrailingZeros();
      double abs = Math.abs(value);
      return abs >= 1e-6 && abs < 1e15 ? d.toPlainString() : d.toString();
    }

    @Override
    public String kind() {
      return "number";
    }
  }

  /**
   * Text.
   *
   * @param value the text
   */
  record Text(String value) implements CellValue {
    /** Rejects null. */
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String display() {
      return value;
    }

    @Override
    public String kind() {
      return "text";
    }
  }

  /**
   * A boolean, the result of a comparison.
   *
   * @param value the boolean
   */
  record Bool(boolean value) implements CellValue {
    @Override
    public String display() {
      return value ? "TRUE" : "FALSE";
    }

    @Override
    public String kind() {
      return "boolean";
    }
  }

  /** The value of an empty cell: 0 in arithmetic, "" in text, skipped by aggregates. */
  record Blank() implements CellValue {
    @Override
    public String display() {
      return "";
    }

    @Override
    public String kind() {
      return "blank";
    }
  }

  /**
   * An error value, shown as its code; it propagates through every formula that uses it.
   *
   * @param code which error
   * @param detail a human-readable explanation, shown as the cell's tooltip
   */
  record Error(ErrorCode code, String detail) implements CellValue {
    /** Rejects nulls. */
    public Error {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String display() {
      return code.display();
    }

    @Override
    public String kind() {
      return "error";
    }
  }
}
