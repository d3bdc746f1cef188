package dev.incr.examples.spreadsheet;

import dev.incr.examples.spreadsheet.formula.CellRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Records which cells' value computations ran during an edit, in the order they ran.
 *
 * <p>This instruments the cells' own computation functions. It is the one place to change when the
 * engine's trace API is used instead: {@link Sheet#edit} would read the re-run nodes from the
 * trace of the edit, and {@link Cell} would no longer call {@link #evaluated}.
 *
 * <p>Not thread-safe: used only under the sheet's lock.
 */
final class RecomputeLog {
  private final List<CellRef> evaluated = new ArrayList<>();

  /** Called by a cell's computation each time it runs. */
  void evaluated(CellRef ref) {
    evaluated.add(ref);
  }

  /** Returns the cells evaluated since the last call, and forgets them. */
  List<CellRef> drain() {
    List<CellRef> result = List.copyOf(evaluated);
    evaluated.clear();
    return result;
  }
}
