package dev.incr.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bytecode sizes that decide what HotSpot inlines on the hottest paths, checked with javap.
 *
 * <ul>
 *   <li>The slow path of every getter ({@code Verification.read}) must stay longer than the size up
 *       to which HotSpot inlines hot methods (325 bytes, {@code FreqInlineSize}): otherwise the JIT
 *       inlines it into the getters, which then compile too big to be inlined into the
 *       computations that read them, and every read inside a computation becomes a call.
 *   <li>Methods called once per node from many places ({@code Execution.run}, {@code
 *       Verification.markVerified}) must stay within the size up to which HotSpot inlines any
 *       method, warm or not (35 bytes, {@code MaxInlineSize}): in an application's JVM, where
 *       many kinds of graphs share them, a call site is often not hot enough for the larger limit.
 * </ul>
 *
 * A refactoring that crosses a limit must find another way to keep the path as it is.
 */
class HotPathSizesTest {

  private static final int FREQ_INLINE_SIZE = 325;
  private static final int MAX_INLINE_SIZE = 35;

  @Test
  void theReadSlowPathIsTooLongToBeInlinedIntoGetters() {
    int size = lastInstructionOffset(javap(Verification.class), "void read(");
    assertTrue(size > FREQ_INLINE_SIZE, "Verification.read is " + size + " bytes of bytecode;"
        + " at or below " + FREQ_INLINE_SIZE + " the JIT inlines it into every getter");
  }

  @Test
  void perNodeStepsAreSmallEnoughToInlineEverywhere() {
    // Both end with a one-byte return.
    int run = lastInstructionOffset(javap(Execution.class), "static void run(") + 1;
    int markVerified =
        lastInstructionOffset(javap(Verification.class), "static void markVerified(") + 1;
    assertTrue(run <= MAX_INLINE_SIZE, "Execution.run is " + run + " bytes of bytecode, over "
        + MAX_INLINE_SIZE + ": move what is rare out of it");
    assertTrue(markVerified <= MAX_INLINE_SIZE, "Verification.markVerified is " + markVerified
        + " bytes of bytecode, over " + MAX_INLINE_SIZE + ": move what is rare out of it");
  }

  private static String javap(Class<?> type) {
    ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow(
        () -> new AssertionError("javap is not available: run the tests on a JDK"));
    StringWriter out = new StringWriter();
    int status = javap.run(new PrintWriter(out), new PrintWriter(out), "-c", "-p",
        "-cp", type.getProtectionDomain().getCodeSource().getLocation().getPath(),
        type.getName());
    assertTrue(status == 0, "javap failed: " + out);
    return out.toString();
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
