package dev.incr.examples.spreadsheet.formula;

import java.util.List;

/**
 * The syntax tree of a cell's content. Nodes are records, so re-parsing text that means the same
 * formula (say {@code =A1+1} and {@code = a1 + 1}) yields an equal tree, and the engine cuts off
 * there: the cell's value is not re-evaluated.
 */
public sealed interface Expr {

  /**
   * A constant: a number, text or boolean.
   *
   * @param value the constant
   */
  record Literal(CellValue value) implements Expr {}

  /**
   * A reference to one cell.
   *
   * @param ref the cell
   */
  record Ref(CellRef ref) implements Expr {}

  /**
   * A rectangular range such as {@code A1:B3}; only allowed as a function argument.
   *
   * @param from one corner
   * @param to the opposite corner
   */
  record Range(CellRef from, CellRef to) implements Expr {}

  /**
   * A name that is neither a cell, a boolean nor a function call; it evaluates to {@code #NAME?}.
   *
   * @param name the name as written
   */
  record Name(String name) implements Expr {}

  /**
   * Unary minus or plus.
   *
   * @param op {@code '-'} or {@code '+'}
   * @param operand the operand
   */
  record Unary(char op, Expr operand) implements Expr {}

  /**
   * A binary operator: arithmetic ({@code + - * / ^}), concatenation ({@code &}) or comparison
   * ({@code = <> < > <= >=}).
   *
   * @param op the operator as written
   * @param left the left operand
   * @param right the right operand
   */
  record Binary(String op, Expr left, Expr right) implements Expr {}

  /**
   * A function call such as {@code SUM(A1:A3, 2)}.
   *
   * @param function the function name, upper case
   * @param args the arguments
   */
  record Call(String function, List<Expr> args) implements Expr {
    /** Copies the argument list. */
    public Call {
      args = List.copyOf(args);
    }
  }

  /**
   * Content that starts with {@code =} but does not parse; it evaluates to {@code #ERROR!}.
   *
   * @param message what is wrong and where
   */
  record Invalid(String message) implements Expr {}
}
