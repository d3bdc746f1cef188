package dev.incr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The footprint's bytes against the heap in JVMs started with other object layouts than the
 * default: 8-byte references, 16-byte headers, 16-byte alignment. Each runs {@link FootprintProbe},
 * which fails if a computed figure is more than 15% off the measured heap growth, and must report
 * the layout it detected.
 */
class FootprintLayoutsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "-XX:-UseCompressedOops|8-byte references, compressed class pointers, 8-byte alignment",
      "-XX:-UseCompressedOops -XX:-UseCompressedClassPointers"
          + "|8-byte references, 16-byte headers, 8-byte alignment",
      "-XX:ObjectAlignmentInBytes=16"
          + "|compressed references, compressed class pointers, 16-byte alignment"})
  void bytesMatchTheHeapUnder(String options, String layout)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.add("-Xmx512m");
    command.addAll(List.of(options.split(" ")));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(FootprintProbe.class.getName());
    Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(probe.waitFor(120, TimeUnit.SECONDS), output);
    System.out.print(options + "\n" + output);
    assertEquals(0, probe.exitValue(), output);
    assertTrue(output.startsWith("layout: " + layout + "\n"), output);
    assertEquals(4, output.lines().filter(l -> l.startsWith("footprint of")).count(), output);
  }
}
