package dev.incr.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QuickstartTest {

  @Test
  void tourPrintsTheExpectedTotalsAndRecomputesOnlyWhatChanged() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int totalRuns = Quickstart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(out.contains("rect: area = 50.0, 50.0 m2, wide = true"), out);
    assertTrue(out.contains("width 10 -> 12: area = 60.0 (area ran 2 times)"), out);
    assertTrue(out.contains("height 5 -> 5: area ran 2 times"), out);
    assertTrue(out.contains("total = 360.00"), out);
    assertTrue(out.contains("  CUT_OFF bulk (because quantity changed)\n"
        + "  RERAN subtotal (because quantity changed)\n"
        + "  RERAN total (because subtotal changed)\n"), out);
    assertTrue(out.contains("why total last changed: total@7 <- subtotal@7 <- quantity@7 (input)"),
        out);
    assertTrue(out.contains("quantity 3 -> 4: total = 480.00 (subtotal ran 2 times, total 2)"), out);
    assertTrue(out.contains("tier = retail"), out);
    assertTrue(out.contains("observer: total is now 150.00"), out);
    assertTrue(out.contains("observer: total is now 1800.00"), out);
    // initial read, quantity 4, batch, discount, quantity 20, quantity 21 (traced);
    // not quantity 5 (total was not read then)
    assertEquals(6, totalRuns);
  }

  @Test
  void printsExactlyWhatTheReadmeSaysItPrints() throws Exception {
    String readme = Files.readString(Path.of("..", "..", "README.md"), StandardCharsets.UTF_8);
    String marker = "The quickstart prints:\n\n```text\n";
    int start = readme.indexOf(marker);
    assertTrue(start >= 0, "README.md has no block after 'The quickstart prints:'");
    start += marker.length();
    String promised = readme.substring(start, readme.indexOf("```", start));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Quickstart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    assertEquals(promised, printed);
  }
}
