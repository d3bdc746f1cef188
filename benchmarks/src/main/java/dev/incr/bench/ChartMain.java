package dev.incr.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a PNG of one collection workload's cost against collection size, one line per system, from
 * a JMH result file (CSV from {@code -rf csv}, or the console output as {@code .txt}). Not a
 * benchmark and not a test.
 *
 * <pre>{@code
 * java -Djava.awt.headless=true -cp benchmarks/target/benchmarks.jar dev.incr.bench.ChartMain \
 *     filterMapCount benchmarks/results/filterMapCount.png benchmarks/results/collections-3a.txt \
 *     benchmarks/results/collections-3b.txt
 * }</pre>
 */
public final class ChartMain {

  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
    new Color(0xff7f0e), new Color(0x8c564b), new Color(0x7f7f7f)
  };

  private ChartMain() {}

  /**
   * Reads the CSV and writes the chart.
   *
   * @param args the JMH CSV file, the workload (method name prefix before {@code _}), the PNG file
   * @throws IOException if the CSV cannot be read or the PNG written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      throw new IllegalArgumentException("usage: ChartMain <workload, e.g. filterMapCount>"
          + " <output .png> <jmh results .csv or .txt>...");
    }
    System.setProperty("java.awt.headless", "true");
    List<Path> files = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      files.add(Path.of(args[i]));
    }
    Map<String, XYSeries> bySystem = read(files, args[0]);
    if (bySystem.isEmpty()) {
      throw new IllegalArgumentException("No results for workload '" + args[0] + "' with a 'size'"
          + " parameter in " + files + "; run the collection benchmarks first.");
    }
    XYSeriesCollection data = new XYSeriesCollection();
    bySystem.values().forEach(data::addSeries);
    JFreeChart chart = ChartFactory.createXYLineChart(args[0] + ": cost of one change, then read",
        "collection size (elements)", "ns per operation", data, PlotOrientation.VERTICAL, true,
        false, false);
    XYPlot plot = chart.getXYPlot();
    LogAxis x = new LogAxis("collection size (elements, log scale)");
    LogAxis y = new LogAxis("ns per operation (log scale)");
    for (LogAxis axis : List.of(x, y)) {
      axis.setBase(10);
      axis.setTickUnit(new NumberTickUnit(1));
      axis.setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.ROOT));
    }
    plot.setDomainAxis(x);
    plot.setRangeAxis(y);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesStroke(i, new BasicStroke(2f));
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
    plot.setRenderer(renderer);
    ChartUtils.saveChartAsPNG(new File(args[1]), chart, 900, 560);
    System.out.println("wrote " + args[1] + " (" + data.getSeriesCount() + " systems)");
  }

  /**
   * One series per system: x = the {@code size} parameter, y = the score in ns/op (the average from
   * a {@code .csv} file, the fastest iteration from a {@code .txt} file, as in {@link ResultsTable});
   * a later file overrides an earlier one for the same point.
   */
  static Map<String, XYSeries> read(List<Path> files, String workload) throws IOException {
    Map<String, Map<String, Map<String, Double>>> scores = new LinkedHashMap<>();
    Map<String, Set<String>> systems = new LinkedHashMap<>();
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (file.toString().endsWith(".txt")) {
        ResultsTable.readText(lines, scores, systems);
      } else {
        ResultsTable.readCsv(lines, scores, systems);
      }
    }
    Map<String, XYSeries> bySystem = new TreeMap<>();
    for (Map.Entry<String, Map<String, Double>> row
        : scores.getOrDefault(workload, Map.of()).entrySet()) {
      if (!row.getKey().startsWith("size=")) {
        continue;
      }
      double size = Double.parseDouble(row.getKey().substring("size=".length()));
      for (Map.Entry<String, Double> cell : row.getValue().entrySet()) {
        bySystem.computeIfAbsent(cell.getKey(), XYSeries::new).add(size, cell.getValue());
      }
    }
    return bySystem;
  }

  /** Splits one CSV line as JMH writes it: fields optionally in double quotes, no escapes inside. */
  static List<String> splitCsv(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
