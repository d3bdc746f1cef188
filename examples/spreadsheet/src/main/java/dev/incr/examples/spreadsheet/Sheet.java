package dev.incr.examples.spreadsheet;

import dev.incr.Engine;
import dev.incr.Node;
import dev.incr.TraceEvent;
import dev.incr.Traced;
import dev.incr.Why;
import dev.incr.examples.spreadsheet.formula.CellReader;
import dev.incr.examples.spreadsheet.formula.CellRef;
import dev.incr.examples.spreadsheet.formula.CellValue;
import dev.incr.examples.spreadsheet.formula.Evaluator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A grid of cells, each a set of engine nodes (see {@link Cell}). Editing a cell sets its raw text;
 * the engine then re-runs only the cells that depend on it, and stops where a re-run value is
 * unchanged.
 *
 * <p>After each edit the sheet reads every cell inside {@link Engine#trace}: the engine verifies the
 * cells the edit cannot affect without running them, re-runs the others, and its trace says which
 * ran, why, which changed value and which were cut off. That is what {@link EditReport} carries to
 * the {@link SheetListener}s.
 *
 * <p>Thread-safe: every operation holds the sheet's lock, so an engine built for one thread at a
 * time is enough.
 */
public final class Sheet {

  /** The longest raw text a cell accepts. */
  public static final int MAX_RAW_LENGTH = 2000;

  private static final Comparator<CellRef> SHEET_ORDER =
      Comparator.comparingInt(CellRef::row).thenComparingInt(CellRef::column);

  private final Engine engine;
  private final int columns;
  private final int rows;
  private final Cell[][] cells;
  /** Each cell's value node, to recognize cells among the nodes of a trace. */
  private final Map<Node<?>, Cell> byValueNode = new IdentityHashMap<>();
  private final List<SheetListener> listeners = new CopyOnWriteArrayList<>();

  /**
   * Creates an empty sheet whose cells are nodes of {@code engine}.
   *
   * @param columns the number of columns, 1 to 26 ({@code A} to {@code Z})
   * @param rows the number of rows, 1 to 1000
   */
  public Sheet(Engine engine, int columns, int rows) {
    this.engine = Objects.requireNonNull(engine, "engine");
    if (columns < 1 || columns > 26 || rows < 1 || rows > 1000) {
      throw new IllegalArgumentException("A sheet has 1 to 26 columns and 1 to 1000 rows, not "
          + columns + " x " + rows);
    }
    this.columns = columns;
    this.rows = rows;
    this.cells = new Cell[rows][columns];
    Evaluator evaluator = new Evaluator(new Reader());
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        Cell cell = new Cell(engine, new CellRef(c, r), evaluator);
        cells[r][c] = cell;
        byValueNode.put(cell.value, cell);
      }
    }
    readAll();
  }

  /** Returns the number of columns. */
  public int columns() {
    return columns;
  }

  /** Returns the number of rows. */
  public int rows() {
    return rows;
  }

  /** Returns the extent of the sheet, such as {@code A1:J20}. */
  public String extent() {
    return "A1:" + new CellRef(columns - 1, rows - 1);
  }

  /**
   * Sets the raw text of several cells as one revision (one engine batch), notifying listeners
   * of nothing; meant for loading a sheet before anyone watches it.
   *
   * @param contents cell name to raw text
   * @throws IllegalArgumentException if a name is not a cell of this sheet, or a text is too long
   */
  public synchronized void load(Map<String, String> contents) {
    List<Cell> targets = new ArrayList<>();
    for (Map.Entry<String, String> e : contents.entrySet()) {
      targets.add(cell(e.getKey()));
      checkRaw(e.getKey(), e.getValue());
    }
    engine.batch(() -> {
      int i = 0;
      for (String raw : contents.values()) {
        targets.get(i++).raw.set(raw);
      }
    });
    readAll();
  }

  /**
   * Sets a cell's raw text and brings every cell up to date.
   *
   * @param name the cell, such as {@code B2} (case-insensitive)
   * @param raw the new text: a number, text, or a formula starting with {@code =}
   * @return what the edit recomputed
   * @throws IllegalArgumentException if {@code name} is not a cell of this sheet, or {@code raw}
   *     is longer than {@link #MAX_RAW_LENGTH}
   */
  public synchronized EditReport edit(String name, String raw) {
    Cell cell = cell(name);
    checkRaw(name, raw);
    cell.raw.set(raw); // marks; computes nothing
    Traced<Void> traced = engine.trace(() -> {
      readAll();
      return null;
    });
    List<Step> steps = new ArrayList<>();
    Set<CellRef> recomputed = new LinkedHashSet<>();
    Map<CellRef, CellValue> changed = new TreeMap<>(SHEET_ORDER);
    for (TraceEvent e : traced.trace().events()) {
      if (e.kind() == TraceEvent.Kind.VERIFIED) {
        continue;
      }
      steps.add(Step.of(e));
      Cell ran = byValueNode.get(e.node());
      if (ran == null || e.kind() == TraceEvent.Kind.FAILED) {
        continue; // a parse node, or a run the engine abandoned and retried
      }
      recomputed.add(ran.ref);
      if (e.kind() != TraceEvent.Kind.CUT_OFF) {
        changed.put(ran.ref, ran.value.get());
      }
    }
    EditReport report = new EditReport(cell.ref, raw, engine.revision(), steps,
        List.copyOf(recomputed), changed, traced.trace().totalNanos());
    for (SheetListener listener : listeners) {
      listener.edited(report);
    }
    return report;
  }

  /** Returns a cell's current value. */
  public synchronized CellValue value(String name) {
    return cell(name).value.get();
  }

  /** Returns a cell's raw text. */
  public synchronized String raw(String name) {
    return cell(name).raw.get();
  }

  /**
   * Explains a cell's current value: the chain of nodes, down to the input whose edit last changed
   * it, with the revision each changed at (from {@link Engine#why}).
   *
   * @throws IllegalArgumentException if {@code name} is not a cell of this sheet
   */
  public synchronized Why why(String name) {
    return engine.why(cell(name).value);
  }

  /** Returns every non-blank cell with its raw text and value. */
  public synchronized SheetSnapshot snapshot() {
    List<CellState> states = new ArrayList<>();
    for (Cell[] row : cells) {
      for (Cell cell : row) {
        String raw = cell.raw.get();
        CellValue value = cell.value.get();
        if (!raw.isEmpty() || !(value instanceof CellValue.Blank)) {
          states.add(new CellState(cell.ref, raw, value));
        }
      }
    }
    return new SheetSnapshot(columns, rows, engine.revision(), states);
  }

  /** Adds a listener and, atomically with that, gives it the current state. */
  public synchronized void addListener(SheetListener listener) {
    Objects.requireNonNull(listener, "listener");
    listener.snapshot(snapshot());
    listeners.add(listener);
  }

  /** Removes a listener; it receives nothing after this returns. */
  public synchronized void removeListener(SheetListener listener) {
    listeners.remove(listener);
  }

  /** Brings every cell up to date: cells the last edit cannot reach are verified, not run. */
  private void readAll() {
    for (Cell[] row : cells) {
      for (Cell cell : row) {
        cell.value.get();
      }
    }
  }

  private Cell cell(String name) {
    Objects.requireNonNull(name, "name");
    CellRef ref = CellRef.parse(name.strip()).orElseThrow(() -> new IllegalArgumentException(
        "'" + name + "' is not a cell name; use a column letter and a row number, such as B2"));
    if (ref.column() >= columns || ref.row() >= rows) {
      throw new IllegalArgumentException("Cell " + ref + " is outside the sheet (" + extent()
          + "); edit a cell inside it");
    }
    return cells[ref.row()][ref.column()];
  }

  private static void checkRaw(String name, String raw) {
    Objects.requireNonNull(raw, "raw");
    if (raw.length() > MAX_RAW_LENGTH) {
      throw new IllegalArgumentException("The text for " + name + " is " + raw.length()
          + " characters long; a cell holds at most " + MAX_RAW_LENGTH);
    }
  }

  /** Reads cells for formulas: each read is a tracked read of that cell's value node. */
  private final class Reader implements CellReader {
    @Override
    public boolean contains(CellRef ref) {
      return ref.column() < columns && ref.row() < rows;
    }

    @Override
    public CellValue read(CellRef ref) {
      return cells[ref.row()][ref.column()].value.get();
    }

    @Override
    public String extent() {
      return Sheet.this.extent();
    }
  }
}
