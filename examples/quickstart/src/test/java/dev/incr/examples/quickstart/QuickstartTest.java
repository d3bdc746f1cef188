package dev.incr.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickstartTest {

  @Test
  void tourPrintsTheExpectedTotalsAndRecomputesOnlyWhatChanged() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int totalRuns = Quickstart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(out.contains("total = 360.00"), out);
    assertTrue(out.contains("quantity 3 -> 4: total = 480.00 (subtotal ran 2 times, total 2)"), out);
    assertTrue(out.contains("tier = retail"), out);
    assertTrue(out.contains("observer: total is now 150.00"), out);
    assertTrue(out.contains("observer: total is now 1800.00"), out);
    // initial read, quantity 4, batch, discount, quantity 20; not quantity 5 (total was not read)
    assertEquals(5, totalRuns);
  }
}
