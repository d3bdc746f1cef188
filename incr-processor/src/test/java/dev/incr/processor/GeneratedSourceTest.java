package dev.incr.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.incr.Computed;
import dev.incr.DoubleComputed;
import dev.incr.DoubleVar;
import dev.incr.Engine;
import dev.incr.IntComputed;
import dev.incr.IntVar;
import dev.incr.LongComputed;
import dev.incr.LongVar;
import dev.incr.Var;
import dev.incr.internal.gen.QueryMemo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
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
    "Clashing, IncrClashing",
    "Car, IncrCar",
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

  /**
   * The node kinds, read from the compiled class rather than its text: {@code int}, {@code long}
   * and {@code double} inputs and argument-less queries get the unboxed nodes; every other type,
   * and every query with parameters, stays boxed.
   */
  @Test
  void intLongAndDoubleGetUnboxedNodesAndOtherTypesStayBoxed() throws ReflectiveOperationException {
    Class<?> generated = CompiledClasses.compile(Compilations.good("Primitives"))
        .loadClass("good.IncrPrimitives");
    Map<String, Class<?>> expected = new LinkedHashMap<>();
    expected.put("iInput", IntVar.class);
    expected.put("lInput", LongVar.class);
    expected.put("dInput", DoubleVar.class);
    expected.put("twiceIQuery", IntComputed.class);
    expected.put("totalQuery", LongComputed.class);
    expected.put("sumQuery", DoubleComputed.class);
    expected.put("flagInput", Var.class);
    expected.put("bInput", Var.class);
    expected.put("sInput", Var.class);
    expected.put("cInput", Var.class);
    expected.put("fInput", Var.class);
    expected.put("boxedInput", Var.class);
    expected.put("halfFQuery", Computed.class);
    expected.put("boxedOrZeroQuery", Computed.class);
    expected.put("countQuery", QueryMemo.class); // returns int, but has parameters
    for (Map.Entry<String, Class<?>> e : expected.entrySet()) {
      assertEquals(e.getValue(), generated.getDeclaredField(e.getKey()).getType(), e.getKey());
    }
  }

  /**
   * The classes whose member types, type variables and parameters are named like the types the
   * generated code uses: their generated classes run as any other.
   */
  @Test
  void classesDeclaringTheRuntimesNamesRun() throws ReflectiveOperationException {
    CompiledClasses car = CompiledClasses.compile(Compilations.good("Car"));
    Engine engine = Engine.singleThreaded();
    Object c = car.create("good.IncrCar", engine);
    assertEquals(4, CompiledClasses.call(c, "power"));
    CompiledClasses.call(c, "setGear", 3);
    assertEquals(12, CompiledClasses.call(c, "power"));
    Object v8 = car.create("good.Car$Engine", new Class<?>[] {int.class}, 8);
    CompiledClasses.call(c, "setEngine", v8);
    assertEquals(24, CompiledClasses.call(c, "power"));

    CompiledClasses clashing = CompiledClasses.compile(Compilations.good("Clashing"));
    Object k = clashing.create("good.IncrClashing", engine);
    assertEquals(2, CompiledClasses.call(k, "doubledGear"));
    assertEquals(7.0, CompiledClasses.call(k, "at", 2, 5.0));
    CompiledClasses.call(k, "setSpeed", 3.0);
    assertEquals(11.0, CompiledClasses.call(k, "at", 2, 5.0));
    CompiledClasses.call(k, "setNames", List.of("a", "b"));
    assertEquals("b", CompiledClasses.call(k, "name", (Object) new int[] {1}));
  }
}
