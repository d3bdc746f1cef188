package dev.incr.examples.spreadsheet;

import dev.incr.Computed;
import dev.incr.CycleException;
import dev.incr.Engine;
import dev.incr.Var;
import dev.incr.examples.spreadsheet.formula.CellRef;
import dev.incr.examples.spreadsheet.formula.CellValue;
import dev.incr.examples.spreadsheet.formula.ErrorCode;
import dev.incr.examples.spreadsheet.formula.Evaluator;
import dev.incr.examples.spreadsheet.formula.Expr;
import dev.incr.examples.spreadsheet.formula.FormulaParser;

/**
 * One cell as three engine nodes: its raw text (an input), the parsed formula, and its value.
 *
 * <p>Parsing is a node of its own so that an edit which does not change the meaning of the formula
 * (extra spaces, lower-case names) is cut off at the parse: the value does not re-run. The value
 * node reads the value nodes of the cells its formula references, so the engine records exactly
 * those as its dependencies.
 */
final class Cell {
  final CellRef ref;
  final Var<String> raw;
  final Computed<Expr> formula;
  final Computed<CellValue> value;

  Cell(Engine engine, CellRef ref, Evaluator evaluator) {
    this.ref = ref;
    String name = ref.name();
    this.raw = engine.var("").label(name + ".raw");
    this.formula = engine.computed(() -> FormulaParser.parse(raw.get())).label(name + ".formula");
    this.value = engine.computed(() -> {
      Expr expr = formula.get();
      try {
        return evaluator.evaluate(expr);
      } catch (CycleException e) {
        // The engine found this cell on a cycle while reading a referenced cell; the cell shows
        // the error, and is re-run (and recovers) once an edit breaks the cycle.
        return CellValue.error(ErrorCode.CYCLE,
            "circular reference: " + String.join(" -> ", e.cycle()));
      }
    }).label(name);
  }
}
