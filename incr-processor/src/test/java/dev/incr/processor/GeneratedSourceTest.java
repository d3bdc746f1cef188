package dev.incr.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated source of representative classes, compared with the golden files under {@code
 * src/test/resources/expected}. To rewrite the goldens on purpose after a change to the generated
 * code, run with {@code -Dincr.rewriteGoldens=true} (or environment {@code INCR_REWRITE_GOLDENS=1})
 * and review the diff.
 */
class GeneratedSourceTest {

  private static boolean rewrite() {
    return Boolean.getBoolean("incr.rewriteGoldens")
        || "1".equals(System.getenv("INCR_REWRITE_GOLDENS"));
  }

  @ParameterizedTest(name = "{0} generates {1}")
  @CsvSource({
    "Rect, IncrRect",
    "Outer, IncrOuter_Counter",
    "Box, IncrBox",
    "Primitives, IncrPrimitives",
    "Fib, IncrFib",
    "Account, IncrAccount",
    "Legacy, IncrLegacy",
  })
  void generatedSourceMatchesGolden(String source, String generated) throws IOException {
    Compilation compilation = Compilations.compile(Compilations.good(source));
    // -Xlint:all: neither the user's class nor the generated one may warn.
    assertThat(compilation).succeededWithoutWarnings();
    JavaFileObject file = compilation.generatedSourceFile("good." + generated).orElseThrow();
    String actual = file.getCharContent(false).toString();
    Path golden = Path.of("src/test/resources/expected/good/" + generated + ".java");
    if (rewrite()) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    String expected;
    try (InputStream in = GeneratedSourceTest.class.getResourceAsStream(
        "/expected/good/" + generated + ".java")) {
      assertTrue(in != null, "no golden file " + golden + "; run with -Dincr.rewriteGoldens=true");
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(expected, actual, "generated source differs from " + golden);
  }
}
