package dev.incr.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints JMH CSV results ({@code -rf csv}) as Markdown tables for {@code RESULTS.md}: one table per
 * workload, one row per parameter value, one column per system (ns/op), then incrSingle's ratio to
 * the hand-written floor and to the fastest peer, and the other incr variants' ratios to
 * incrSingle. Not a benchmark and not a test.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.incr.bench.ResultsTable results/a.csv [more.csv]
 * }</pre>
 *
 * <p>A {@code .csv} file gives each benchmark's average; a {@code .txt} file (JMH's console
 * output) gives its fastest measurement iteration instead.
 *
 * <p>For {@code chain} and {@code chainObserved} the per-node cost (score divided by {@code n}) is
 * printed as well.
 */
public final class ResultsTable {

  private ResultsTable() {}

  /**
   * Reads the CSV files and prints the tables to standard output.
   *
   * @param args one or more JMH CSV files; later files override earlier ones for the same row
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    // workload -> param -> system -> score
    Map<String, Map<String, Map<String, Double>>> scores = new LinkedHashMap<>();
    Map<String, Set<String>> systems = new LinkedHashMap<>();
    for (String file : args) {
      List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
      if (file.endsWith(".txt")) {
        readText(lines, scores, systems);
      } else {
        readCsv(lines, scores, systems);
      }
    }
    for (Map.Entry<String, Map<String, Map<String, Double>>> w : scores.entrySet()) {
      printWorkload(w.getKey(), w.getValue(), new ArrayList<>(systems.get(w.getKey())));
    }
  }

  /** Reads a JMH CSV file: the average score of each benchmark. */
  static void readCsv(List<String> lines,
      Map<String, Map<String, Map<String, Double>>> scores, Map<String, Set<String>> systems) {
    List<String> header = ChartMain.splitCsv(lines.get(0));
    int benchmark = header.indexOf("Benchmark");
    int score = header.indexOf("Score");
    List<Integer> params = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).startsWith("Param: ")) {
        params.add(i);
      }
    }
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = ChartMain.splitCsv(line);
      String method = cells.get(benchmark);
      method = method.substring(method.lastIndexOf('.') + 1);
      int underscore = method.indexOf('_');
      if (underscore < 0 || method.contains(":")) {
        continue;
      }
      String workload = method.substring(0, underscore);
      String system = method.substring(underscore + 1);
      StringBuilder param = new StringBuilder();
      for (int p : params) {
        if (p < cells.size() && !cells.get(p).isEmpty()) {
          param.append(param.length() == 0 ? "" : ",").append(header.get(p).substring(7))
              .append('=').append(cells.get(p));
        }
      }
      scores.computeIfAbsent(workload, k -> new LinkedHashMap<>())
          .computeIfAbsent(param.length() == 0 ? "-" : param.toString(),
              k -> new LinkedHashMap<>())
          .put(system, Double.parseDouble(cells.get(score)));
      systems.computeIfAbsent(workload, k -> new LinkedHashSet<>()).add(system);
    }
  }

  /**
   * Reads JMH's human-readable output: the fastest measurement iteration of each benchmark (the
   * {@code min} of "(min, avg, max)"), the least disturbed one on a shared machine.
   */
  static void readText(List<String> lines,
      Map<String, Map<String, Map<String, Double>>> scores, Map<String, Set<String>> systems) {
    String method = null;
    String param = "-";
    boolean primary = false;
    for (String line : lines) {
      if (line.startsWith("# Benchmark: ")) {
        method = line.substring(line.lastIndexOf('.') + 1).trim();
        param = "-";
      } else if (line.startsWith("# Parameters: (") && line.endsWith(")")) {
        param = line.substring("# Parameters: (".length(), line.length() - 1).replace(" = ", "=")
            .replace(", ", ",");
      } else if (line.startsWith("Result \"")) {
        primary = true;
      } else if (line.startsWith("Secondary result")) {
        primary = false;
      } else if (primary && method != null && line.trim().startsWith("(min, avg, max) = (")) {
        String numbers = line.substring(line.indexOf("= (") + 3, line.indexOf(')', line.indexOf("= (")));
        double min = Double.parseDouble(numbers.split(", ")[0].replace(",", ""));
        int underscore = method.indexOf('_');
        if (underscore > 0) {
          String workload = method.substring(0, underscore);
          String system = method.substring(underscore + 1);
          scores.computeIfAbsent(workload, k -> new LinkedHashMap<>())
              .computeIfAbsent(param, k -> new LinkedHashMap<>()).put(system, min);
          systems.computeIfAbsent(workload, k -> new LinkedHashSet<>()).add(system);
        }
        primary = false;
      }
    }
  }

  private static void printWorkload(String workload, Map<String, Map<String, Double>> rows,
      List<String> systems) {
    List<String> order = List.of("incrSingle", "incrConcurrent", "incrGenerated", "incrBoxed",
        "handwritten", "bareVerifier");
    systems.sort(java.util.Comparator.comparingInt((String s) -> order.contains(s)
        ? order.indexOf(s) : order.size()).thenComparing(s -> s));
    List<String> incr = new ArrayList<>();
    List<String> peers = new ArrayList<>();
    for (String s : systems) {
      (s.startsWith("incr") ? incr : peers).add(s);
    }
    peers.remove("handwritten");
    peers.remove("bareVerifier"); // a reference point (BareVerifierChain), not a peer
    StringBuilder head = new StringBuilder("| " + workload + " |");
    StringBuilder rule = new StringBuilder("|---|");
    for (String s : systems) {
      head.append(' ').append(s).append(" |");
      rule.append("---:|");
    }
    boolean single = incr.contains("incrSingle");
    if (single && systems.contains("handwritten")) {
      head.append(" incrSingle / floor |");
      rule.append("---:|");
    }
    if (single && !peers.isEmpty()) {
      head.append(" incrSingle / best peer |");
      rule.append("---:|");
    }
    for (String s : incr) {
      if (single && !s.equals("incrSingle")) {
        head.append(' ').append(s).append(" / incrSingle |");
        rule.append("---:|");
      }
    }
    System.out.println();
    System.out.println(head);
    System.out.println(rule);
    for (Map.Entry<String, Map<String, Double>> row : rows.entrySet()) {
      Map<String, Double> r = row.getValue();
      StringBuilder line = new StringBuilder("| " + row.getKey() + " |");
      double perNode = 1;
      if (workload.startsWith("chain")) {
        perNode = nodes(row.getKey());
      }
      for (String s : systems) {
        Double v = r.get(s);
        line.append(' ').append(v == null ? "n/a" : format(v));
        if (v != null && perNode != 1) {
          line.append(" (").append(format(v / perNode)).append("/node)");
        }
        line.append(" |");
      }
      double bestPeer = Double.MAX_VALUE;
      String bestPeerName = null;
      for (String p : peers) {
        Double v = r.get(p);
        if (v != null && v < bestPeer) {
          bestPeer = v;
          bestPeerName = p;
        }
      }
      Double mine = r.get("incrSingle");
      if (single && systems.contains("handwritten")) {
        Double floor = r.get("handwritten");
        line.append(' ').append(mine == null || floor == null ? "n/a" : ratio(mine / floor))
            .append(" |");
      }
      if (single && !peers.isEmpty()) {
        line.append(' ').append(mine == null || bestPeerName == null ? "n/a"
            : ratio(mine / bestPeer) + " (" + bestPeerName + ")").append(" |");
      }
      for (String s : incr) {
        if (single && !s.equals("incrSingle")) {
          Double v = r.get(s);
          line.append(' ').append(v == null || mine == null ? "n/a" : ratio(v / mine))
              .append(" |");
        }
      }
      System.out.println(line);
    }
  }

  /** The value of {@code n} in a row's parameters ({@code "n=10,profile=mixed"}), or 1. */
  static double nodes(String params) {
    for (String param : params.split(",")) {
      if (param.startsWith("n=")) {
        return Double.parseDouble(param.substring(2));
      }
    }
    return 1;
  }

  private static String format(double ns) {
    if (ns >= 100) {
      return String.format(Locale.ROOT, "%,.0f", ns);
    }
    if (ns >= 10) {
      return String.format(Locale.ROOT, "%.1f", ns);
    }
    return String.format(Locale.ROOT, "%.2f", ns);
  }

  private static String ratio(double r) {
    if (r < 0.1) {
      return String.format(Locale.ROOT, "1/%.0fx", 1 / r);
    }
    return String.format(Locale.ROOT, r >= 10 ? "%.0fx" : "%.2fx", r);
  }
}
