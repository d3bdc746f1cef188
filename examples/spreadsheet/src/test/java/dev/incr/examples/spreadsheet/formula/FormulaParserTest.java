package dev.incr.examples.spreadsheet.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormulaParserTest {

  private static Expr num(double v) {
    return new Expr.Literal(CellValue.number(v));
  }

  private static Expr ref(String name) {
    return new Expr.Ref(CellRef.parse(name).orElseThrow());
  }

  @Test
  void plainContentIsBlankNumberOrText() {
    assertEquals(new Expr.Literal(CellValue.BLANK), FormulaParser.parse("  "));
    assertEquals(num(42), FormulaParser.parse(" 42 "));
    assertEquals(num(-1.5e3), FormulaParser.parse("-1.5e3"));
    assertEquals(num(0.25), FormulaParser.parse(".25"));
    assertEquals(new Expr.Literal(new CellValue.Text("Apples")), FormulaParser.parse("Apples"));
    // Java would parse these as numbers; a spreadsheet user means text.
    assertEquals(new Expr.Literal(new CellValue.Text("NaN")), FormulaParser.parse("NaN"));
    assertEquals(new Expr.Literal(new CellValue.Text("1d")), FormulaParser.parse("1d"));
  }

  @Test
  void multiplicationBindsTighterThanAddition() {
    assertEquals(
        new Expr.Binary("+", ref("A1"), new Expr.Binary("*", ref("B2"), num(2))),
        FormulaParser.parse("=A1+B2*2"));
  }

  @Test
  void parenthesesGroup() {
    assertEquals(
        new Expr.Binary("*", new Expr.Binary("+", ref("A1"), ref("B2")), num(2)),
        FormulaParser.parse("=(A1+B2)*2"));
  }

  @Test
  void comparisonBindsLoosestAndOperatorsAreLeftAssociative() {
    assertEquals(
        new Expr.Binary("<=",
            new Expr.Binary("-", new Expr.Binary("-", num(1), num(2)), num(3)), num(0)),
        FormulaParser.parse("=1-2-3<=0"));
    assertEquals(new Expr.Binary("<>", num(1), num(2)), FormulaParser.parse("=1<>2"));
  }

  @Test
  void unaryMinusBindsTighterThanPower() {
    assertEquals(
        new Expr.Binary("^", new Expr.Unary('-', num(2)), num(2)), FormulaParser.parse("=-2^2"));
  }

  @Test
  void callsRangesTextAndBooleans() {
    assertEquals(
        new Expr.Call("SUM", List.of(
            new Expr.Range(CellRef.parse("A1").orElseThrow(), CellRef.parse("B3").orElseThrow()),
            new Expr.Literal(new CellValue.Text("say \"hi\"")),
            new Expr.Literal(new CellValue.Bool(true)))),
        FormulaParser.parse("=sum(a1 : b3, \"say \"\"hi\"\"\", true)"));
    assertEquals(new Expr.Call("COUNT", List.of()), FormulaParser.parse("=COUNT()"));
    assertEquals(new Expr.Name("foo"), FormulaParser.parse("=foo"));
  }

  @Test
  void sameFormulaSpelledDifferentlyParsesToEqualTrees() {
    // This equality is what lets the engine cut off at the parse node.
    assertEquals(FormulaParser.parse("=A1+1"), FormulaParser.parse("=  a1 + 1 "));
  }

  @Test
  void badSyntaxBecomesInvalidNamingThePosition() {
    assertInvalid("=(1", "missing ')'");
    assertInvalid("=1+", "ends where a value was expected");
    assertInvalid("=1 2", "unexpected '2'");
    assertInvalid("=\"abc", "closing quote");
    assertInvalid("=A1:", "needs a cell after ':'");
    assertInvalid("=A0", "rows start at 1");
    assertInvalid("=SUM(1,", "ends where a value was expected");
    assertInvalid("=1.2.3", "not a number");
    assertInvalid("=#", "unexpected '#'");
    assertInvalid("=" + "(".repeat(500) + "1" + ")".repeat(500), "nests deeper than");
  }

  private static void assertInvalid(String raw, String messagePart) {
    Expr e = FormulaParser.parse(raw);
    Expr.Invalid invalid = assertInstanceOf(Expr.Invalid.class, e, raw);
    assertTrue(invalid.message().contains(messagePart), invalid.message());
    assertTrue(invalid.message().contains("position"), invalid.message());
  }

  @Test
  void cellNamesRoundTrip() {
    assertEquals(new CellRef(0, 0), CellRef.parse("A1").orElseThrow());
    assertEquals(new CellRef(26, 9), CellRef.parse("aa10").orElseThrow());
    assertEquals("AA10", new CellRef(26, 9).name());
    assertEquals("Z1", new CellRef(25, 0).name());
    assertTrue(CellRef.parse("A0").isEmpty());
    assertTrue(CellRef.parse("1A").isEmpty());
  }
}
