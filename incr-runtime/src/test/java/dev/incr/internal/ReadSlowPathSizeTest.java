package dev.incr.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The slow path of every getter ({@code Verification.read}) must stay longer than the bytecode
 * size up to which HotSpot inlines hot methods (325 bytes, {@code FreqInlineSize}): otherwise the
 * JIT inlines it into the getters, which then compile too big to be inlined into the computations
 * that read them, and every read inside a computation becomes a call. A refactoring that shortens
 * it must find another way to keep it out of the getters.
 */
class ReadSlowPathSizeTest {

  private static final int FREQ_INLINE_SIZE = 325;

  @Test
  void theReadSlowPathIsTooLongToBeInlinedIntoGetters() {
    ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow(
        () -> new AssertionError("javap is not available: run the tests on a JDK"));
    StringWriter out = new StringWriter();
    int status = javap.run(new PrintWriter(out), new PrintWriter(out), "-c", "-p",
        "-cp", Verification.class.getProtectionDomain().getCodeSource().getLocation().getPath(),
        Verification.class.getName());
    assertTrue(status == 0, "javap failed: " + out);

    int size = lastInstructionOffset(out.toString(), "void read(");
    assertTrue(size > FREQ_INLINE_SIZE, "Verification.read is " + size + " bytes of bytecode;"
        + " at or below " + FREQ_INLINE_SIZE + " the JIT inlines it into every getter");
  }

  /** The offset of the last instruction of the method whose declaration contains {@code name}. */
  private static int lastInstructionOffset(String javapOutput, String name) {
    int start = javapOutput.indexOf(name);
    assertTrue(start >= 0, "no method " + name + " in:\n" + javapOutput);
    int end = javapOutput.indexOf("\n\n", start);
    String body = javapOutput.substring(start, end < 0 ? javapOutput.length() : end);
    Matcher m = Pattern.compile("(?m)^\\s+(\\d+): ").matcher(body);
    int last = -1;
    while (m.find()) {
      last = Integer.parseInt(m.group(1));
    }
    assertTrue(last >= 0, "no bytecode listed for " + name);
    return last;
  }
}
