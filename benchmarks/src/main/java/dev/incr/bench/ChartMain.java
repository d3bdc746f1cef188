package dev.incr.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a PNG of one collection workload's cost against collection size, one line per system, from
 * a JMH CSV result file ({@code -rf csv}). Not a benchmark and not a test.
 *
 * <pre>{@code
 * java -Djava.awt.headless=true -cp benchmarks/target/benchmarks.jar dev.incr.bench.ChartMain \
 *     benchmarks/results/collections.csv filterMapCount benchmarks/results/filterMapCount.png
 * }</pre>
 */
public final class ChartMain {

  private ChartMain() {}

  /**
   * Reads the CSV and writes the chart.
   *
   * @param args the JMH CSV file, the workload (method name prefix before {@code _}), the PNG file
   * @throws IOException if the CSV cannot be read or the PNG written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: ChartMain <jmh results .csv> <workload, e.g. filterMapCount> <output .png>");
    }
    System.setProperty("java.awt.headless", "true");
    Map<String, XYSeries> bySystem = read(Path.of(args[0]), args[1]);
    if (bySystem.isEmpty()) {
      throw new IllegalArgumentException("No results for workload '" + args[1] + "' with a 'size'"
          + " parameter in " + args[0] + "; run the collection benchmarks with -rf csv first.");
    }
    XYSeriesCollection data = new XYSeriesCollection();
    bySystem.values().forEach(data::addSeries);
    JFreeChart chart = ChartFactory.createXYLineChart(args[1] + ": one insert + delete, then read",
        "collection size (elements)", "ns per operation", data, PlotOrientation.VERTICAL, true,
        false, false);
    XYPlot plot = chart.getXYPlot();
    LogAxis x = new LogAxis("collection size (elements)");
    x.setBase(10);
    LogAxis y = new LogAxis("ns per operation (log scale)");
    y.setBase(10);
    plot.setDomainAxis(x);
    plot.setRangeAxis(y);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    plot.setRenderer(renderer);
    ChartUtils.saveChartAsPNG(new File(args[2]), chart, 900, 560);
    System.out.println("wrote " + args[2] + " (" + data.getSeriesCount() + " systems)");
  }

  /** One series per system: x = the {@code size} parameter, y = the score in ns/op. */
  static Map<String, XYSeries> read(Path csv, String workload) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String> header = splitCsv(lines.get(0));
    int benchmark = header.indexOf("Benchmark");
    int score = header.indexOf("Score");
    int size = header.indexOf("Param: size");
    Map<String, XYSeries> bySystem = new TreeMap<>();
    if (benchmark < 0 || score < 0 || size < 0) {
      return bySystem;
    }
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = splitCsv(line);
      String method = cells.get(benchmark);
      method = method.substring(method.lastIndexOf('.') + 1);
      if (!method.startsWith(workload + "_") || cells.get(size).isEmpty()) {
        continue;
      }
      String system = method.substring(workload.length() + 1);
      bySystem.computeIfAbsent(system, XYSeries::new)
          .add(Double.parseDouble(cells.get(size)), Double.parseDouble(cells.get(score)));
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
