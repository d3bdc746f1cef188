package dev.incr.support;

import java.util.Arrays;

/**
 * The key of an argument list of two or more arguments, or of one array argument, for {@link
 * QueryMemo#get}: compared element by element with {@code equals}, arrays (including variable
 * arguments) by content, so they must not be modified after the call. For generated code; not for
 * direct use.
 */
public final class QueryArgs {
  private final Object[] values;

  /**
   * Creates the key of the argument list {@code values}.
   *
   * @param values the arguments, in order
   */
  public QueryArgs(Object... values) {
    this.values = values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QueryArgs && Arrays.deepEquals(values, ((QueryArgs) o).values);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        s.append(", ");
      }
      s.append(deepToString(values[i]));
    }
    return s.toString();
  }

  private static String deepToString(Object value) {
    if (value == null || !value.getClass().isArray()) {
      return String.valueOf(value);
    }
    String s = Arrays.deepToString(new Object[] {value});
    return s.substring(1, s.length() - 1);
  }
}
