package dev.incr.examples.spreadsheet;

import java.util.LinkedHashMap;
import java.util.Map;

/** The sheet the demo opens on: a small shopping list with totals, tax and a budget check. */
public final class Seed {

  private Seed() {}

  /** Returns the seeded cells, cell name to raw text. */
  public static Map<String, String> cells() {
    Map<String, String> m = new LinkedHashMap<>();
    row(m, 1, "Item", "Qty", "Price", "Total");
    row(m, 2, "Apples", "12", "0.5", "=B2*C2");
    row(m, 3, "Bread", "2", "2.25", "=B3*C3");
    row(m, 4, "Cheese", "1", "7.8", "=B4*C4");
    row(m, 5, "Dates", "3", "4", "=B5*C5");
    row(m, 7, "Subtotal", "", "", "=SUM(D2:D5)");
    row(m, 8, "Tax", "", "0.08", "=D7*C8");
    row(m, 9, "Total", "", "", "=D7+D8");
    row(m, 11, "Items", "=SUM(B2:B5)", "", "");
    row(m, 12, "Avg price", "", "=AVG(C2:C5)", "");
    row(m, 13, "Priciest", "", "", "=MAX(D2:D5)");
    row(m, 14, "Cheapest", "", "", "=MIN(D2:D5)");
    row(m, 15, "Lines", "=COUNT(D2:D5)", "", "");
    row(m, 17, "Budget", "50", "", "");
    row(m, 18, "Status", "=IF(D9>B17, \"over budget\", \"ok\")", "", "");
    row(m, 19, "Left", "=B17-D9", "", "");
    return m;
  }

  private static void row(Map<String, String> m, int row, String... values) {
    for (int c = 0; c < values.length; c++) {
      if (!values[c].isEmpty()) {
        m.put((char) ('A' + c) + Integer.toString(row), values[c]);
      }
    }
  }
}
