package dev.incr.examples.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.Engine;
import dev.incr.examples.spreadsheet.formula.CellRef;
import dev.incr.examples.spreadsheet.formula.CellValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random edits to a small sheet, on either engine, including formulas that reference each other,
 * cells outside the sheet, and cycles. After every edit, each cell must show what a sheet built from scratch with the
 * same contents shows, and the edit must report every cell whose value changed.
 */
class SheetPropertyTest {

  private static final int COLUMNS = 4;
  private static final int ROWS = 4;

  record Edit(String cell, String raw) {}

  @Property(tries = 300)
  void incrementalSheetMatchesASheetBuiltFromScratch(
      @ForAll("edits") List<Edit> edits, @ForAll boolean concurrentEngine) {
    Sheet sheet = new Sheet(
        concurrentEngine ? Engine.concurrent() : Engine.singleThreaded(), COLUMNS, ROWS);
    Map<String, String> contents = new HashMap<>();
    Map<String, String> before = displays(sheet);
    for (Edit edit : edits) {
      EditReport report = sheet.edit(edit.cell(), edit.raw());
      contents.put(edit.cell(), edit.raw());

      Sheet scratch = new Sheet(Engine.singleThreaded(), COLUMNS, ROWS);
      scratch.load(contents);
      Map<String, String> after = displays(sheet);
      assertEquals(displays(scratch), after, "after " + edit + " in " + edits);

      for (String cell : after.keySet()) {
        if (!after.get(cell).equals(before.get(cell))) {
          assertTrue(report.changed().containsKey(CellRef.parse(cell).orElseThrow()),
              cell + " changed but was not reported, after " + edit);
        }
      }
      before = after;
    }
  }

  private static Map<String, String> displays(Sheet sheet) {
    Map<String, String> shown = new HashMap<>();
    for (int r = 0; r < ROWS; r++) {
      for (int c = 0; c < COLUMNS; c++) {
        String name = new CellRef(c, r).name();
        CellValue v = sheet.value(name);
        shown.put(name, v.kind() + ":" + v.display());
      }
    }
    return shown;
  }

  @Provide
  Arbitrary<List<Edit>> edits() {
    Arbitrary<String> cell = Arbitraries.integers().between(0, COLUMNS * ROWS - 1)
        .map(i -> new CellRef(i % COLUMNS, i / COLUMNS).name());
    Arbitrary<String> raw = Arbitraries.oneOf(
        Arbitraries.integers().between(-3, 9).map(String::valueOf),
        Arbitraries.of("", "x", "0.5"),
        expression(3).map(e -> "=" + e));
    return Combinators.combine(cell, raw).as(Edit::new).list().ofMinSize(1).ofMaxSize(20);
  }

  /** Formulas over cells A1:E5 (row 5 and column E are outside the 4x4 sheet). */
  private static Arbitrary<String> expression(int depth) {
    Arbitrary<String> ref = Arbitraries.integers().between(0, 24)
        .map(i -> new CellRef(i % 5 < 4 || i % 7 == 0 ? i % 4 : 4, i / 5).name());
    Arbitrary<String> leaf = Arbitraries.oneOf(
        ref, ref, ref,
        Arbitraries.integers().between(0, 5).map(String::valueOf),
        Arbitraries.of("\"t\"", "TRUE"));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<String> sub = Arbitraries.lazy(() -> expression(depth - 1));
    Arbitrary<String> range = Combinators.combine(ref, ref).as((a, b) -> a + ":" + b);
    return Arbitraries.oneOf(
        leaf,
        Combinators.combine(sub, Arbitraries.of("+", "-", "*", "/", "&", "<", "=", ">="), sub)
            .as((a, op, b) -> a + op + b),
        Combinators.combine(Arbitraries.of("SUM", "AVG", "MIN", "MAX", "COUNT"), range, sub)
            .as((f, r, e) -> f + "(" + r + "," + e + ")"),
        Combinators.combine(sub, sub, sub).as((c, a, b) -> "IF(" + c + "," + a + "," + b + ")"),
        sub.map(e -> "(" + e + ")"),
        sub.map(e -> "-" + e));
  }
}
