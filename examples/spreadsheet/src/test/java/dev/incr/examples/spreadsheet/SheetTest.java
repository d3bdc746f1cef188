package dev.incr.examples.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.Engine;
import dev.incr.TraceEvent;
import dev.incr.Why;
import dev.incr.examples.spreadsheet.formula.CellRef;
import dev.incr.examples.spreadsheet.formula.CellValue;
import dev.incr.examples.spreadsheet.formula.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SheetTest {

  private Sheet sheet;

  @BeforeEach
  void seeded() {
    sheet = new Sheet(Engine.singleThreaded(), 10, 20);
    sheet.load(Seed.cells());
  }

  private String show(String cell) {
    return sheet.value(cell).display();
  }

  private String eval(String formula) {
    sheet.edit("J20", formula);
    return show("J20");
  }

  private CellValue.Error error(String cell) {
    return assertInstanceOf(CellValue.Error.class, sheet.value(cell), cell);
  }

  private static List<String> names(List<CellRef> refs) {
    List<String> names = new ArrayList<>();
    refs.forEach(r -> names.add(r.name()));
    return names;
  }

  @Test
  void seededSheetComputes() {
    assertEquals("6", show("D2"));
    assertEquals("30.3", show("D7"));
    assertEquals("2.424", show("D8"));
    assertEquals("32.724", show("D9"));
    assertEquals("18", show("B11"));
    assertEquals("3.6375", show("C12"));
    assertEquals("12", show("D13"));
    assertEquals("4.5", show("D14"));
    assertEquals("4", show("B15"));
    assertEquals("ok", show("B18"));
    assertEquals("17.276", show("B19"));
  }

  @Test
  void arithmeticAndPrecedence() {
    assertEquals("7", eval("=1+2*3"));
    assertEquals("9", eval("=(1+2)*3"));
    assertEquals("4", eval("=-2^2"));
    assertEquals("64", eval("=2^3^2"));
    assertEquals("2.5", eval("=10/4"));
    assertEquals("0.3", eval("=0.1+0.2"));
    assertEquals("0.3333333333", eval("=1/3"));
    assertEquals("1E+20", eval("=10^20"));
    assertEquals("24", eval("=D2*4")); // D2 is 6
    assertEquals("1", eval("=J19+1")); // a blank cell is 0
  }

  @Test
  void functionsOverRangesSkipTextAndBlanks() {
    assertEquals("18", eval("=SUM(B1:B6)")); // B1 is text, B6 blank
    assertEquals("4.5", eval("=AVG(B2:B5)"));
    assertEquals("4.5", eval("=AVERAGE(B2:B5)"));
    assertEquals("1", eval("=MIN(B5:B2)")); // corners in any order
    assertEquals("12", eval("=MAX(B2:C5)"));
    assertEquals("8", eval("=COUNT(B1:C5)"));
    assertEquals("20", eval("=SUM(B2, 8)"));
    assertEquals("0", eval("=MAX(A1:A3)")); // no numbers
  }

  @Test
  void ifComparisonsAndText() {
    assertEquals("big", eval("=IF(D9>30, \"big\", \"small\")"));
    assertEquals("FALSE", eval("=IF(D9<30, 1)"));
    assertEquals("TRUE", eval("=A2=\"APPLES\"")); // text compares ignoring case
    assertEquals("TRUE", eval("=1<\"a\"")); // numbers sort before text
    assertEquals("TRUE", eval("=J19=0")); // blank equals 0
    assertEquals("Apples x12", eval("=A2&\" x\"&B2"));
    assertEquals("TRUE", eval("=TRUE"));
  }

  @Test
  void divisionByZero() {
    assertEquals("#DIV/0!", eval("=1/0"));
    assertEquals("division by zero", error("J20").detail());
    assertEquals("#DIV/0!", eval("=AVG(A1:A3)"));
    assertEquals("AVG of no numbers", error("J20").detail());
  }

  @Test
  void unknownFunctionOrName() {
    assertEquals("#NAME?", eval("=FOO(1)"));
    assertTrue(error("J20").detail().contains("unknown function FOO"));
    assertEquals("#NAME?", eval("=profit*2"));
    assertTrue(error("J20").detail().contains("unknown name 'profit'"));
  }

  @Test
  void referenceOutsideTheSheet() {
    assertEquals("#REF!", eval("=Z99+1"));
    assertTrue(error("J20").detail().contains("Z99 is outside the sheet (A1:J20)"));
    assertEquals("#REF!", eval("=SUM(A1:K1)"));
    assertTrue(error("J20").detail().contains("reaches outside the sheet"));
  }

  @Test
  void wrongTypes() {
    assertEquals("#VALUE!", eval("=A2+1"));
    assertTrue(error("J20").detail().contains("'Apples' is text, not a number"));
    assertEquals("#VALUE!", eval("=A1:B2"));
    assertEquals("#VALUE!", eval("=IF(1)"));
    assertEquals("#VALUE!", eval("=IF(A2, 1, 2)"));
    assertEquals("3", eval("=\"2\"+1")); // numeric text converts
  }

  @Test
  void badSyntaxAndOverflow() {
    assertEquals("#ERROR!", eval("=(1+2"));
    assertTrue(error("J20").detail().contains("missing ')'"));
    assertEquals("#NUM!", eval("=10^400"));
  }

  @Test
  void errorsPropagateToDependentsAndClearWhenFixed() {
    sheet.edit("C3", "=1/0");
    assertEquals("#DIV/0!", show("D3"));
    assertEquals("#DIV/0!", show("D9"));
    assertEquals("#DIV/0!", show("B18"));
    assertEquals("3", show("B15")); // COUNT counts numbers; it skips errors other than #CYCLE!
    sheet.edit("C3", "2.25");
    assertEquals("32.724", show("D9"));
  }

  @Test
  void selfReferenceIsACycle() {
    assertEquals("#CYCLE!", eval("=J20+1"));
    assertTrue(error("J20").detail().contains("J20 -> J20"), error("J20").detail());
  }

  @Test
  void cycleThroughARangeMarksEveryCellOnItAndItsDependents() {
    sheet.edit("B2", "=D9"); // D9 <- D7 <- SUM(D2:D5) <- D2 <- B2
    for (String cell : List.of("B2", "D2", "D7", "D8", "D9", "B11", "B15", "B18", "B19")) {
      assertEquals(ErrorCode.CYCLE, error(cell).code(), cell);
    }
    assertEquals("4.5", show("D3")); // not on the cycle
    assertTrue(error("B2").detail().startsWith("circular reference: "), error("B2").detail());
  }

  @Test
  void breakingTheCycleRecoversEveryCell() {
    sheet.edit("B2", "=D9");
    assertEquals("#CYCLE!", show("D9"));
    EditReport fixed = sheet.edit("B2", "12");
    assertEquals("12", show("B2"));
    assertEquals("6", show("D2"));
    assertEquals("32.724", show("D9"));
    assertEquals("ok", show("B18"));
    assertEquals("4", show("B15"));
    assertTrue(fixed.changed().containsKey(CellRef.parse("D9").orElseThrow()));
    // And a cycle can be made again, and broken from another cell of it.
    sheet.edit("B2", "=D9");
    sheet.edit("D7", "30.3");
    assertEquals("32.724", show("D9"));
    assertEquals("16.362", show("D2")); // B2 = D9 no longer loops back
  }

  @Test
  void twoCellCycleThenRecovery() {
    sheet.edit("F1", "=G1");
    sheet.edit("G1", "=F1*2");
    assertEquals("#CYCLE!", show("F1"));
    assertEquals("#CYCLE!", show("G1"));
    sheet.edit("F1", "5");
    assertEquals("10", show("G1"));
  }

  @Test
  void countOfACellOnACycleIsACycleWhicheverCellRunsFirst() {
    for (List<String> order : List.of(List.of("F1", "G1"), List.of("G1", "F1"))) {
      Sheet s = new Sheet(Engine.singleThreaded(), 10, 20);
      Map<String, String> formulas = Map.of("F1", "=COUNT(G1, H1)", "G1", "=F1");
      for (String cell : order) {
        s.edit(cell, formulas.get(cell));
      }
      assertEquals("#CYCLE!", s.value("F1").display(), order.toString());
      assertEquals("#CYCLE!", s.value("G1").display(), order.toString());
    }
  }

  private static Sheet emptySheet(boolean concurrent) {
    return new Sheet(concurrent ? Engine.concurrent() : Engine.singleThreaded(), 4, 4);
  }

  /**
   * D1 reads A1 while A1 is computing and shows #CYCLE!; A1 ends as #REF! (B1 reads E4, off the
   * sheet). Retyped as =B1, A1 is off the cycle but still #REF!: nothing D1 read changed value,
   * yet the cycle it saw is gone.
   */
  @ParameterizedTest(name = "concurrent engine: {0}")
  @ValueSource(booleans = {false, true})
  void aCellThatCaughtACycleRecoversWhenTheCycleBreaksWithoutAValueChanging(boolean concurrent) {
    Sheet s = emptySheet(concurrent);
    s.edit("A1", "=SUM(B1:D1,A1)");
    s.edit("D1", "=(IF(A1,A1,A1))");
    s.edit("B1", "=E4");
    assertEquals("#CYCLE!", s.value("D1").display());
    assertEquals("#REF!", s.value("A1").display());

    EditReport broken = s.edit("A1", "=B1");
    assertEquals("#REF!", s.value("A1").display());
    assertEquals("#REF!", s.value("D1").display());
    assertTrue(broken.cutOff().contains(CellRef.parse("A1").orElseThrow()),
        names(broken.recomputed()).toString());
    assertEquals(s.value("D1"), broken.changed().get(CellRef.parse("D1").orElseThrow()),
        "D1 is reported changed");
  }

  /** A cell that caught a cycle is not re-run by an edit that reaches nothing on its cycle. */
  @ParameterizedTest(name = "concurrent engine: {0}")
  @ValueSource(booleans = {false, true})
  void anUnrelatedEditReRunsNoCellThatCaughtACycle(boolean concurrent) {
    Sheet s = emptySheet(concurrent);
    s.edit("A1", "=B1+1");
    s.edit("B1", "=C1*2");
    s.edit("C1", "=A1");
    s.edit("D1", "=SUM(A1:C1)");
    for (String cell : List.of("A1", "B1", "C1", "D1")) {
      assertEquals("#CYCLE!", s.value(cell).display(), cell);
    }
    s.edit("A4", "1");
    EditReport unrelated = s.edit("B4", "=A4+1");
    assertSameCells(unrelated.recomputed(), "B4");
    unrelated = s.edit("A4", "2");
    assertSameCells(unrelated.recomputed(), "A4", "B4");
    assertEquals("3", s.value("B4").display());
    for (String cell : List.of("A1", "B1", "C1", "D1")) {
      assertEquals("#CYCLE!", s.value(cell).display(), cell);
    }
    // The cycle is still there to break.
    EditReport fixed = s.edit("C1", "4");
    assertEquals("9", s.value("A1").display());
    assertEquals("21", s.value("D1").display());
    assertTrue(fixed.changed().containsKey(CellRef.parse("D1").orElseThrow()));
  }

  @Test
  void anEditReRunsOnlyItsDependents() {
    EditReport r = sheet.edit("B3", "4");
    assertSameCells(r.recomputed(),
        "B3", "D3", "D7", "D8", "D9", "D13", "D14", "B11", "B15", "B18", "B19");
    assertEquals(11, r.recomputed().size(), names(r.recomputed()).toString()); // each ran once
    assertSameCells(r.cutOff(), "D13", "B15", "B18"); // MAX, COUNT and the status kept theirs
    assertEquals("9", show("D3"));
    assertTrue(r.changed().containsKey(CellRef.parse("D9").orElseThrow()));
  }

  /** Asserts {@code refs} holds exactly {@code expected}, in any order. */
  private static void assertSameCells(List<CellRef> refs, String... expected) {
    assertEquals(new TreeSet<>(List.of(expected)), new TreeSet<>(names(refs)),
        names(refs).toString());
  }

  @Test
  void anEqualValueCutsOffPropagation() {
    EditReport r = sheet.edit("C8", "=0.04*2"); // same value, now as a formula
    assertEquals(List.of("C8"), names(r.recomputed()));
    assertEquals(List.of("C8"), names(r.cutOff()));
    assertTrue(r.changed().isEmpty());
  }

  @Test
  void aReformattedFormulaIsCutOffAtTheParse() {
    assertTrue(sheet.edit("C8", "=0.08").recomputed().isEmpty()); // parses to the literal 0.08
    EditReport r = sheet.edit("D2", "= b2 * c2");
    assertTrue(r.recomputed().isEmpty(), names(r.recomputed()).toString());
    // The engine's trace shows where it stopped: the parse re-ran to an equal tree.
    assertEquals(1, r.steps().size(), r.steps().toString());
    Step parse = r.steps().get(0);
    assertEquals(TraceEvent.Kind.CUT_OFF, parse.kind());
    assertEquals("D2.formula", parse.label());
    assertEquals("D2.raw", parse.cause());
  }

  @Test
  void theTraceSaysWhyEachCellReRan() {
    EditReport r = sheet.edit("B3", "4");
    Map<String, String> causes = new java.util.HashMap<>();
    for (Step s : r.steps()) {
      causes.put(s.label(), s.cause());
    }
    assertEquals("B3.raw", causes.get("B3.formula"));
    assertEquals("B3.formula", causes.get("B3"));
    assertEquals("B3", causes.get("D3"));
    assertEquals("D3", causes.get("D7"));
    assertEquals("D9", causes.get("B18"));
    assertTrue(r.nanos() > 0);
  }

  @Test
  void ifReadsOnlyTheBranchItTakes() {
    sheet.edit("F1", "=IF(F2, G1, G2)");
    sheet.edit("F2", "=TRUE");
    sheet.edit("G1", "1");
    EditReport r = sheet.edit("G2", "2");
    assertEquals(List.of("G2"), names(r.recomputed())); // F1 does not read G2 now
    assertEquals("1", show("F1"));
  }

  @Test
  void whyNamesTheEditThatLastChangedACell() {
    sheet.edit("C3", "2.75");
    long revision = sheet.snapshot().revision();
    List<Why.Step> chain = sheet.why("b19").chain();
    assertEquals("B19", chain.get(0).label());
    Why.Step edit = chain.get(chain.size() - 1);
    assertEquals("C3.raw", edit.label());
    assertTrue(edit.input());
    assertEquals(revision, edit.changedAt());
    assertThrows(IllegalArgumentException.class, () -> sheet.why("Z1"));
  }

  @Test
  void listenersGetASnapshotThenEveryEdit() {
    List<Object> seen = new ArrayList<>();
    SheetListener listener = new SheetListener() {
      @Override
      public void snapshot(SheetSnapshot s) {
        seen.add(s);
      }

      @Override
      public void edited(EditReport r) {
        seen.add(r);
      }
    };
    sheet.addListener(listener);
    sheet.edit("A1", "Thing");
    sheet.removeListener(listener);
    sheet.edit("A1", "Item");
    assertEquals(2, seen.size());
    SheetSnapshot s = (SheetSnapshot) seen.get(0);
    assertEquals(Seed.cells().size(), s.cells().size());
    assertEquals("A1", ((EditReport) seen.get(1)).cell().name());
  }

  @Test
  void badEditsAreRejectedWithClearMessages() {
    IllegalArgumentException outside =
        assertThrows(IllegalArgumentException.class, () -> sheet.edit("K1", "1"));
    assertEquals("Cell K1 is outside the sheet (A1:J20); edit a cell inside it",
        outside.getMessage());
    IllegalArgumentException notACell =
        assertThrows(IllegalArgumentException.class, () -> sheet.edit("total", "1"));
    assertTrue(notACell.getMessage().contains("'total' is not a cell name"));
    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> sheet.edit("A1", "x".repeat(Sheet.MAX_RAW_LENGTH + 1)));
    assertTrue(tooLong.getMessage().contains("at most " + Sheet.MAX_RAW_LENGTH));
    assertThrows(IllegalArgumentException.class, () -> sheet.load(Map.of("A0", "1")));
    assertThrows(IllegalArgumentException.class, () -> new Sheet(Engine.singleThreaded(), 27, 1));
    assertEquals("Item", show("A1")); // nothing changed
  }
}
