package dev.incr.bench;

/**
 * The hand-written floor for chains: one small object per node holding its value and a dirty flag.
 * Marking dirties the first node only; {@link #get} walks up recomputing dirty nodes, dirtying the
 * next one only when a value changed, and so stops at the first unchanged value (early cutoff).
 */
final class CellChain {

  /** A hand-written node: its value and whether it must be recomputed. */
  static final class Cell {
    int value;
    boolean dirty;
  }

  private final Cell[] cells;

  CellChain(int n) {
    cells = new Cell[n];
    for (int i = 0; i < n; i++) {
      cells[i] = new Cell();
    }
    cells[0].dirty = true;
  }

  /** Records that the value below the first node changed. */
  void markDirty() {
    cells[0].dirty = true;
  }

  /** Brings the chain up to date given the value below it; returns the last node's value. */
  int get(int below) {
    Cell[] cs = cells;
    int last = cs.length - 1;
    for (int i = 0; i <= last; i++) {
      Cell c = cs[i];
      if (!c.dirty) {
        break;
      }
      c.dirty = false;
      int v = below + 1;
      if (v == c.value) {
        break;
      }
      c.value = v;
      below = v;
      if (i < last) {
        cs[i + 1].dirty = true;
      }
    }
    return cs[last].value;
  }
}
