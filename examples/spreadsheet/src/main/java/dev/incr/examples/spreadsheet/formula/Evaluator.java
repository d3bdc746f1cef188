package dev.incr.examples.spreadsheet.formula;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleConsumer;

/**
 * Evaluates an {@link Expr} to a {@link CellValue}. Errors are values: an operand that is an error
 * makes the result that error, and every failure (division by zero, an unknown function, text in
 * arithmetic, a reference outside the sheet) yields an error value instead of an exception.
 *
 * <p>Only the cells an evaluation actually needs are read: {@code IF} evaluates one branch, so a
 * cell's dependencies change with its inputs, and the engine tracks exactly those.
 *
 * <p>Functions: {@code SUM}, {@code AVG} (also {@code AVERAGE}), {@code MIN}, {@code MAX} and
 * {@code COUNT} over ranges and values; {@code IF(condition, then[, else])}. Aggregates skip text,
 * booleans and blanks in ranges, as spreadsheets do; {@code COUNT} counts numbers and ignores
 * errors other than {@code #CYCLE!}.
 */
public final class Evaluator {

  private final CellReader cells;

  /** Creates an evaluator that reads other cells through {@code cells}. */
  public Evaluator(CellReader cells) {
    this.cells = Objects.requireNonNull(cells, "cells");
  }

  /** Evaluates {@code expr}; never throws for bad formulas or bad data. */
  public CellValue evaluate(Expr expr) {
    try {
      return eval(expr);
    } catch (ErrorSignal e) {
      return e.error;
    }
  }

  private CellValue eval(Expr expr) {
    if (expr instanceof Expr.Literal literal) {
      return literal.value();
    }
    if (expr instanceof Expr.Ref ref) {
      return read(ref.ref());
    }
    if (expr instanceof Expr.Binary binary) {
      return binary(binary);
    }
    if (expr instanceof Expr.Unary unary) {
      double v = number(eval(unary.operand()));
      return CellValue.number(unary.op() == '-' ? -v : v);
    }
    if (expr instanceof Expr.Call call) {
      return call(call);
    }
    if (expr instanceof Expr.Range range) {
      throw fail(ErrorCode.VALUE, "the range " + range.from() + ":" + range.to()
          + " can only be used inside a function such as SUM");
    }
    if (expr instanceof Expr.Name name) {
      throw fail(ErrorCode.NAME, "unknown name '" + name.name() + "'");
    }
    if (expr instanceof Expr.Invalid invalid) {
      throw fail(ErrorCode.SYNTAX, invalid.message());
    }
    throw new AssertionError("unknown expression " + expr);
  }

  private CellValue read(CellRef ref) {
    if (!cells.contains(ref)) {
      throw fail(ErrorCode.REF, ref + " is outside the sheet (" + cells.extent() + ")");
    }
    return propagate(cells.read(ref));
  }

  // ---------------------------------------------------------------------------------------------
  // Operators

  private CellValue binary(Expr.Binary b) {
    CellValue left = eval(b.left());
    CellValue right = eval(b.right());
    switch (b.op()) {
      case "+":
        return CellValue.number(number(left) + number(right));
      case "-":
        return CellValue.number(number(left) - number(right));
      case "*":
        return CellValue.number(number(left) * number(right));
      case "/": {
        double divisor = number(right);
        double dividend = number(left);
        if (divisor == 0) {
          throw fail(ErrorCode.DIV_ZERO, "division by zero");
        }
        return CellValue.number(dividend / divisor);
      }
      case "^":
        return CellValue.number(Math.pow(number(left), number(right)));
      case "&":
        return new CellValue.Text(left.display() + right.display());
      default:
        return new CellValue.Bool(compare(b.op(), left, right));
    }
  }

  private static boolean compare(String op, CellValue left, CellValue right) {
    int c = order(left, right);
    switch (op) {
      case "=":
        return c == 0;
      case "<>":
        return c != 0;
      case "<":
        return c < 0;
      case ">":
        return c > 0;
      case "<=":
        return c <= 0;
      case ">=":
        return c >= 0;
      default:
        throw new AssertionError("unknown operator " + op);
    }
  }

  /**
   * Orders two values as spreadsheets do: numbers by value, text ignoring case, booleans false
   * before true; a blank is 0 next to a number and "" next to text; across kinds, numbers come
   * before text, and text before booleans.
   */
  private static int order(CellValue a, CellValue b) {
    if (a instanceof CellValue.Blank && b instanceof CellValue.Blank) {
      return 0;
    }
    if (a instanceof CellValue.Blank) {
      a = blankLike(b);
    }
    if (b instanceof CellValue.Blank) {
      b = blankLike(a);
    }
    int rankA = rank(a);
    int rankB = rank(b);
    if (rankA != rankB) {
      return Integer.compare(rankA, rankB);
    }
    if (a instanceof CellValue.Num x && b instanceof CellValue.Num y) {
      return Double.compare(x.value(), y.value());
    }
    if (a instanceof CellValue.Bool x && b instanceof CellValue.Bool y) {
      return Boolean.compare(x.value(), y.value());
    }
    return a.display().toLowerCase(Locale.ROOT).compareTo(b.display().toLowerCase(Locale.ROOT));
  }

  private static CellValue blankLike(CellValue other) {
    if (other instanceof CellValue.Text) {
      return new CellValue.Text("");
    }
    if (other instanceof CellValue.Bool) {
      return new CellValue.Bool(false);
    }
    return CellValue.number(0);
  }

  private static int rank(CellValue v) {
    return v instanceof CellValue.Num ? 0 : v instanceof CellValue.Text ? 1 : 2;
  }

  // ---------------------------------------------------------------------------------------------
  // Functions

  private CellValue call(Expr.Call call) {
    List<Expr> args = call.args();
    switch (call.function()) {
      case "IF":
        return ifFunction(args);
      case "SUM": {
        double[] sum = {0};
        numbers(args, v -> sum[0] += v);
        return CellValue.number(sum[0]);
      }
      case "AVG":
      case "AVERAGE": {
        double[] acc = {0, 0};
        numbers(args, v -> {
          acc[0] += v;
          acc[1]++;
        });
        if (acc[1] == 0) {
          throw fail(ErrorCode.DIV_ZERO, call.function() + " of no numbers");
        }
        return CellValue.number(acc[0] / acc[1]);
      }
      case "MIN":
      case "MAX": {
        boolean min = call.function().equals("MIN");
        double[] acc = {Double.NaN};
        numbers(args, v -> acc[0] = Double.isNaN(acc[0]) ? v : min ? Math.min(acc[0], v)
            : Math.max(acc[0], v));
        return CellValue.number(Double.isNaN(acc[0]) ? 0 : acc[0]);
      }
      case "COUNT":
        return CellValue.number(count(args));
      default:
        throw fail(ErrorCode.NAME, "unknown function " + call.function()
            + "; use SUM, AVG, MIN, MAX, COUNT or IF");
    }
  }

  private CellValue ifFunction(List<Expr> args) {
    if (args.size() < 2 || args.size() > 3) {
      throw fail(ErrorCode.VALUE,
          "IF takes 2 or 3 arguments (condition, then, else), not " + args.size());
    }
    if (condition(eval(args.get(0)))) {
      return eval(args.get(1));
    }
    return args.size() == 3 ? eval(args.get(2)) : new CellValue.Bool(false);
  }

  private static boolean condition(CellValue v) {
    if (v instanceof CellValue.Bool b) {
      return b.value();
    }
    if (v instanceof CellValue.Num n) {
      return n.value() != 0;
    }
    if (v instanceof CellValue.Blank) {
      return false;
    }
    throw fail(ErrorCode.VALUE, "the condition '" + v.display() + "' is not TRUE or FALSE");
  }

  /** Feeds every number of the arguments to {@code sink}, as SUM sees them. */
  private void numbers(List<Expr> args, DoubleConsumer sink) {
    for (Expr arg : args) {
      if (arg instanceof Expr.Range || arg instanceof Expr.Ref) {
        for (CellValue v : rangeValues(arg)) {
          if (v instanceof CellValue.Num n) {
            sink.accept(n.value());
          } else {
            propagate(v);
          }
        }
      } else {
        CellValue v = eval(arg);
        if (!(v instanceof CellValue.Blank)) {
          sink.accept(number(v));
        }
      }
    }
  }

  private int count(List<Expr> args) {
    int count = 0;
    for (Expr arg : args) {
      if (arg instanceof Expr.Range || arg instanceof Expr.Ref) {
        for (CellValue v : rangeValues(arg)) {
          if (v instanceof CellValue.Num) {
            count++;
          } else {
            propagateCycle(v);
          }
        }
      } else {
        try {
          if (eval(arg) instanceof CellValue.Num) {
            count++;
          }
        } catch (ErrorSignal e) {
          propagateCycle(e.error);
        }
      }
    }
    return count;
  }

  /**
   * Passes on a {@code #CYCLE!} even where other errors are ignored: a cell that reads a cell on a
   * cycle is itself undefined, whichever cell of the cycle happened to be evaluated first.
   */
  private static void propagateCycle(CellValue v) {
    if (v instanceof CellValue.Error e && e.code() == ErrorCode.CYCLE) {
      throw new ErrorSignal(e);
    }
  }

  /** Reads the cells of a range (or a single reference), row by row. */
  private List<CellValue> rangeValues(Expr arg) {
    CellRef from;
    CellRef to;
    if (arg instanceof Expr.Range r) {
      from = r.from();
      to = r.to();
    } else {
      from = ((Expr.Ref) arg).ref();
      to = from;
    }
    int c0 = Math.min(from.column(), to.column());
    int c1 = Math.max(from.column(), to.column());
    int r0 = Math.min(from.row(), to.row());
    int r1 = Math.max(from.row(), to.row());
    CellRef corner = new CellRef(c1, r1);
    if (!cells.contains(corner)) {
      throw fail(ErrorCode.REF, "the range " + from + ":" + to + " reaches outside the sheet ("
          + cells.extent() + ")");
    }
    CellValue[] values = new CellValue[(c1 - c0 + 1) * (r1 - r0 + 1)];
    int i = 0;
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        values[i++] = cells.read(new CellRef(c, r));
      }
    }
    return List.of(values);
  }

  // ---------------------------------------------------------------------------------------------
  // Coercions

  private static double number(CellValue v) {
    if (v instanceof CellValue.Num n) {
      return n.value();
    }
    if (v instanceof CellValue.Blank) {
      return 0;
    }
    if (v instanceof CellValue.Bool b) {
      return b.value() ? 1 : 0;
    }
    if (v instanceof CellValue.Error e) {
      throw new ErrorSignal(e);
    }
    Expr parsed = FormulaParser.parse(((CellValue.Text) v).value());
    if (parsed instanceof Expr.Literal l && l.value() instanceof CellValue.Num n) {
      return n.value();
    }
    throw fail(ErrorCode.VALUE, "'" + v.display() + "' is text, not a number");
  }

  private static CellValue propagate(CellValue v) {
    if (v instanceof CellValue.Error e) {
      throw new ErrorSignal(e);
    }
    return v;
  }

  private static ErrorSignal fail(ErrorCode code, String detail) {
    return new ErrorSignal(new CellValue.Error(code, detail));
  }

  /** Carries an error value up to {@link #evaluate}; errors are values, never thrown out. */
  private static final class ErrorSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final transient CellValue.Error error;

    ErrorSignal(CellValue.Error error) {
      super(null, null, false, false);
      this.error = error;
    }
  }
}
