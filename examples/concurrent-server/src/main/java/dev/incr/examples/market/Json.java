package dev.incr.examples.market;

import dev.incr.Pair;
import java.util.List;

/** Writes the server's JSON answers. Money is in integer cents, so sums are exact. */
final class Json {

  private Json() {}

  static String portfolio(Book.PortfolioView v) {
    StringBuilder sb = new StringBuilder("{\"tick\":").append(v.tick());
    sb.append(",\"totalCents\":").append(v.totalCents());
    sectors(sb, v.sectors());
    sb.append(",\"positions\":[");
    String sep = "";
    for (Holding h : v.positions()) {
      sb.append(sep);
      sep = ",";
      holding(sb, h);
    }
    return sb.append("]}").toString();
  }

  static String sectors(Book.SectorsView v) {
    StringBuilder sb = new StringBuilder("{\"tick\":").append(v.tick());
    sb.append(",\"totalCents\":").append(v.totalCents());
    sectors(sb, v.sectors());
    return sb.append('}').toString();
  }

  static String position(Book.PositionView v) {
    StringBuilder sb = new StringBuilder("{\"tick\":").append(v.tick()).append(",\"position\":");
    holding(sb, v.holding());
    return sb.append('}').toString();
  }

  static String stats(long tick, long requests) {
    return "{\"tick\":" + tick + ",\"requests\":" + requests + "}";
  }

  static String error(String message) {
    StringBuilder sb = new StringBuilder("{\"error\":");
    return string(sb, message).append('}').toString();
  }

  private static void sectors(StringBuilder sb, List<Pair<String, Long>> sectors) {
    sb.append(",\"sectors\":[");
    String sep = "";
    for (Pair<String, Long> s : sectors) {
      sb.append(sep).append("{\"sector\":");
      sep = ",";
      string(sb, s.first()).append(",\"valueCents\":").append(s.second()).append('}');
    }
    sb.append(']');
  }

  private static void holding(StringBuilder sb, Holding h) {
    sb.append("{\"symbol\":");
    string(sb, h.symbol()).append(",\"sector\":");
    string(sb, h.sector());
    sb.append(",\"quantity\":").append(h.quantity());
    sb.append(",\"priceCents\":").append(h.priceCents());
    sb.append(",\"valueCents\":").append(h.valueCents()).append('}');
  }

  private static StringBuilder string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"');
  }
}
