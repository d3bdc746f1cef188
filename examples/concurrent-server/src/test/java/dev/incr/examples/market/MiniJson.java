package dev.incr.examples.market;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small JSON reader for the tests: objects, arrays, strings, integers, booleans and null. */
final class MiniJson {
  private final String s;
  private int pos;

  private MiniJson(String s) {
    this.s = s;
  }

  /** Parses {@code json}; numbers become {@link Long}. */
  static Object parse(String json) {
    MiniJson p = new MiniJson(json);
    Object v = p.value();
    p.space();
    if (p.pos != json.length()) {
      throw new IllegalArgumentException("trailing text at " + p.pos + " in " + json);
    }
    return v;
  }

  private Object value() {
    space();
    char c = s.charAt(pos);
    if (c == '{') {
      Map<String, Object> m = new LinkedHashMap<>();
      pos++;
      space();
      if (s.charAt(pos) == '}') {
        pos++;
        return m;
      }
      do {
        space();
        String key = string();
        space();
        expect(':');
        m.put(key, value());
        space();
      } while (s.charAt(pos++) == ',');
      check(s.charAt(pos - 1) == '}');
      return m;
    }
    if (c == '[') {
      List<Object> l = new ArrayList<>();
      pos++;
      space();
      if (s.charAt(pos) == ']') {
        pos++;
        return l;
      }
      do {
        l.add(value());
        space();
      } while (s.charAt(pos++) == ',');
      check(s.charAt(pos - 1) == ']');
      return l;
    }
    if (c == '"') {
      return string();
    }
    if (s.startsWith("true", pos) || s.startsWith("null", pos)) {
      pos += 4;
      return s.startsWith("true", pos - 4) ? Boolean.TRUE : null;
    }
    if (s.startsWith("false", pos)) {
      pos += 5;
      return Boolean.FALSE;
    }
    int start = pos;
    if (c == '-') {
      pos++;
    }
    while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
      pos++;
    }
    check(pos > start);
    return Long.parseLong(s.substring(start, pos));
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (s.charAt(pos) != '"') {
      char c = s.charAt(pos++);
      if (c == '\\') {
        char e = s.charAt(pos++);
        if (e == 'u') {
          sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
          pos += 4;
        } else {
          sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
        }
      } else {
        sb.append(c);
      }
    }
    pos++;
    return sb.toString();
  }

  private void expect(char c) {
    check(s.charAt(pos) == c);
    pos++;
  }

  private void check(boolean ok) {
    if (!ok) {
      throw new IllegalArgumentException("bad JSON at " + pos + ": " + s);
    }
  }

  private void space() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }
}
