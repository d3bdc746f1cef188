package dev.incr.examples.spreadsheet.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a cell's raw text into an {@link Expr}. Text starting with {@code =} is a formula; text
 * that is a number is a number; empty text is blank; anything else is text.
 *
 * <p>Formula grammar, loosest binding first (operators are left-associative; as in spreadsheets,
 * unary minus binds tighter than {@code ^}, so {@code =-2^2} is 4):
 *
 * <pre>
 * formula    = "=" comparison
 * comparison = concat (("=" | "&lt;&gt;" | "&lt;" | "&gt;" | "&lt;=" | "&gt;=") concat)*
 * concat     = additive ("&amp;" additive)*
 * additive   = term (("+" | "-") term)*
 * term       = power (("*" | "/") power)*
 * power      = unary ("^" unary)*
 * unary      = ("-" | "+") unary | primary
 * primary    = number | "text" | name "(" [comparison ("," comparison)*] ")"
 *            | cell [":" cell] | TRUE | FALSE | name | "(" comparison ")"
 * </pre>
 *
 * <p>Parsing never throws: text that does not parse becomes {@link Expr.Invalid}.
 */
public final class FormulaParser {

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  /** How deeply parentheses and unary operators may nest before the formula is rejected. */
  private static final int MAX_DEPTH = 100;

  private final String src;
  private int pos;
  private int depth;

  private FormulaParser(String src, int pos) {
    this.src = src;
    this.pos = pos;
  }

  /** Parses a cell's raw content. */
  public static Expr parse(String raw) {
    String trimmed = raw.strip();
    if (trimmed.isEmpty()) {
      return new Expr.Literal(CellValue.BLANK);
    }
    if (!trimmed.startsWith("=")) {
      if (NUMBER.matcher(trimmed).matches()) {
        return new Expr.Literal(CellValue.number(Double.parseDouble(trimmed)));
      }
      return new Expr.Literal(new CellValue.Text(raw));
    }
    FormulaParser p = new FormulaParser(trimmed, 1);
    try {
      Expr e = p.comparison();
      p.skipSpace();
      if (p.pos < p.src.length()) {
        throw p.error("unexpected '" + p.src.charAt(p.pos) + "'");
      }
      return e;
    } catch (SyntaxError e) {
      return new Expr.Invalid(e.getMessage());
    }
  }

  private Expr comparison() {
    Expr left = concat();
    while (true) {
      String op = peekOperator("<=", ">=", "<>", "=", "<", ">");
      if (op == null) {
        return left;
      }
      pos += op.length();
      left = new Expr.Binary(op, left, concat());
    }
  }

  private Expr concat() {
    Expr left = additive();
    while (peekOperator("&") != null) {
      pos++;
      left = new Expr.Binary("&", left, additive());
    }
    return left;
  }

  private Expr additive() {
    Expr left = term();
    while (true) {
      String op = peekOperator("+", "-");
      if (op == null) {
        return left;
      }
      pos++;
      left = new Expr.Binary(op, left, term());
    }
  }

  private Expr term() {
    Expr left = power();
    while (true) {
      String op = peekOperator("*", "/");
      if (op == null) {
        return left;
      }
      pos++;
      left = new Expr.Binary(op, left, power());
    }
  }

  private Expr power() {
    Expr left = unary();
    while (peekOperator("^") != null) {
      pos++;
      left = new Expr.Binary("^", left, unary());
    }
    return left;
  }

  private Expr unary() {
    if (++depth > MAX_DEPTH) {
      throw error("the formula nests deeper than " + MAX_DEPTH + " levels");
    }
    try {
      String op = peekOperator("-", "+");
      if (op != null) {
        pos++;
        return new Expr.Unary(op.charAt(0), unary());
      }
      return primary();
    } finally {
      depth--;
    }
  }

  private Expr primary() {
    skipSpace();
    if (pos >= src.length()) {
      throw error("the formula ends where a value was expected");
    }
    char c = src.charAt(pos);
    if (c == '(') {
      pos++;
      Expr inner = comparison();
      expect(')');
      return inner;
    }
    if (c == '"') {
      return text();
    }
    if (Character.isDigit(c) || c == '.') {
      return number();
    }
    if (Character.isLetter(c) || c == '_') {
      return nameOrReference();
    }
    throw error("unexpected '" + c + "'");
  }

  private Expr text() {
    int start = pos;
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= src.length()) {
        pos = start;
        throw error("text is missing its closing quote");
      }
      char c = src.charAt(pos++);
      if (c == '"') {
        if (pos < src.length() && src.charAt(pos) == '"') {
          sb.append('"'); // "" inside text is one quote
          pos++;
        } else {
          return new Expr.Literal(new CellValue.Text(sb.toString()));
        }
      } else {
        sb.append(c);
      }
    }
  }

  private Expr number() {
    int start = pos;
    while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
      pos++;
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      int digits = pos;
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        pos++;
      }
      if (pos == digits) {
        pos = save;
      }
    }
    String literal = src.substring(start, pos);
    if (!NUMBER.matcher(literal).matches()) {
      pos = start;
      throw error("'" + literal + "' is not a number");
    }
    return new Expr.Literal(CellValue.number(Double.parseDouble(literal)));
  }

  private Expr nameOrReference() {
    int start = pos;
    while (pos < src.length()
        && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
            || src.charAt(pos) == '.')) {
      pos++;
    }
    String word = src.substring(start, pos);
    String upper = word.toUpperCase(Locale.ROOT);
    skipSpace();
    if (pos < src.length() && src.charAt(pos) == '(') {
      pos++;
      return new Expr.Call(upper, arguments());
    }
    if (CellRef.looksLikeName(word)) {
      CellRef from = cell(word, start);
      skipSpace();
      if (pos < src.length() && src.charAt(pos) == ':') {
        pos++;
        skipSpace();
        int toStart = pos;
        while (pos < src.length() && Character.isLetterOrDigit(src.charAt(pos))) {
          pos++;
        }
        String toWord = src.substring(toStart, pos);
        if (!CellRef.looksLikeName(toWord)) {
          pos = toStart;
          throw error("a range needs a cell after ':', as in A1:B3");
        }
        return new Expr.Range(from, cell(toWord, toStart));
      }
      return new Expr.Ref(from);
    }
    if (upper.equals("TRUE") || upper.equals("FALSE")) {
      return new Expr.Literal(new CellValue.Bool(upper.equals("TRUE")));
    }
    return new Expr.Name(word);
  }

  private CellRef cell(String word, int at) {
    return CellRef.parse(word).orElseThrow(() -> {
      pos = at;
      return error("'" + word + "' is not a cell: rows start at 1");
    });
  }

  private List<Expr> arguments() {
    List<Expr> args = new ArrayList<>();
    skipSpace();
    if (pos < src.length() && src.charAt(pos) == ')') {
      pos++;
      return args;
    }
    while (true) {
      args.add(comparison());
      skipSpace();
      if (pos < src.length() && src.charAt(pos) == ',') {
        pos++;
        continue;
      }
      expect(')');
      return args;
    }
  }

  /** Returns the first of {@code ops} at the current position (after spaces), without consuming. */
  private String peekOperator(String... ops) {
    skipSpace();
    for (String op : ops) {
      if (src.startsWith(op, pos)) {
        return op;
      }
    }
    return null;
  }

  private void expect(char c) {
    skipSpace();
    if (pos >= src.length()) {
      throw error("missing '" + c + "' at the end");
    }
    if (src.charAt(pos) != c) {
      throw error("expected '" + c + "' but found '" + src.charAt(pos) + "'");
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private SyntaxError error(String what) {
    return new SyntaxError(what + " (at position " + (pos + 1) + " of " + src + ")");
  }

  /** Unwinds the parser to {@link #parse}, which turns it into {@link Expr.Invalid}. */
  private static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }
}
