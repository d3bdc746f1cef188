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
import dev.incr.support.QueryMemo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    "Lines, IncrLines",
    "Settings, IncrSettings",
    "Report, IncrReport",
    "Gauge, IncrGauge",
  })
  void generatedSourceMatchesGolden(String source, String generated) throws IOException {
    Compilation compilation = Compilations.compile(Compilations.good(source));
    // -Xlint:all: neither the user's class nor the generated one may warn.
    assertThat(compilation).succeededWithoutWarnings();
    JavaFileObject file = compilation.generatedSourceFile("good." + generated).orElseThrow();
    // The version the generated code requires of the runtime is the build's: not in the goldens.
    String actual = file.getCharContent(false).toString()
        .replace("\"" + IncrementalProcessor.version() + "\"", "\"<version>\"");
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

  /**
   * An input with {@code equality = IDENTITY} sees a list changed in place and set again as a
   * copy; one compared with equals does not (the pitfall the option is for).
   */
  @Test
  @SuppressWarnings("unchecked")
  void anIdentityInputSeesAListChangedInPlaceAndSetAgain() {
    CompiledClasses classes = CompiledClasses.compile(Compilations.good("Lines"));
    Object lines = classes.create("good.IncrLines", Engine.singleThreaded());
    assertEquals(0, CompiledClasses.call(lines, "count"));
    assertEquals(0, CompiledClasses.call(lines, "plainCount"));
    List<String> list = (List<String>) CompiledClasses.call(lines, "lines");
    list.add("x");
    CompiledClasses.call(lines, "setLines", new ArrayList<>(list));
    assertEquals(1, CompiledClasses.call(lines, "count"));
    List<String> plain = (List<String>) CompiledClasses.call(lines, "plain");
    plain.add("x");
    CompiledClasses.call(lines, "setPlain", new ArrayList<>(plain)); // equal to the held list
    assertEquals(0, CompiledClasses.call(lines, "plainCount"));
  }

  /**
   * {@code @Input(durability = ...)} reaches the engine: after a write to a {@code LOW} input, a
   * query that read only {@code MEDIUM} and {@code HIGH} inputs is verified in one step (one
   * verification, its inputs not visited) and not re-run; a write to one of its own inputs still
   * re-runs it. Identity equality and durability together keep both.
   */
  @Test
  @SuppressWarnings("unchecked")
  void inputDurabilityLetsAQueryOverDurableInputsBeVerifiedInOneStep() {
    CompiledClasses classes = CompiledClasses.compile(Compilations.good("Settings"));
    Engine engine = Engine.singleThreaded();
    Object settings = classes.create("good.IncrSettings", engine);
    assertEquals(1.08, (double) CompiledClasses.call(settings, "factor"), 1e-9);
    assertEquals(5.4, (double) CompiledClasses.call(settings, "total"), 1e-9);
    long runs = engine.stats().runs() + engine.stats().reruns() + engine.stats().cutoffs();
    CompiledClasses.call(settings, "setQuantity", 2L);
    long verifications = engine.stats().verifications();
    assertEquals(1.08, (double) CompiledClasses.call(settings, "factor"), 1e-9);
    assertEquals(1, engine.stats().verifications() - verifications);
    assertEquals(10.8, (double) CompiledClasses.call(settings, "total"), 1e-9);
    assertEquals(runs + 1, engine.stats().runs() + engine.stats().reruns()
        + engine.stats().cutoffs(), "only total re-ran");
    List<String> regions = (List<String>) CompiledClasses.call(settings, "regions");
    regions.add("EU");
    CompiledClasses.call(settings, "setRegions", new ArrayList<>(regions)); // HIGH, by identity
    assertEquals(2.16, (double) CompiledClasses.call(settings, "factor"), 1e-9);
    CompiledClasses.call(settings, "setDiscountPercent", 0); // MEDIUM
    assertEquals(2.4, (double) CompiledClasses.call(settings, "factor"), 1e-9);
    assertEquals(24.0, (double) CompiledClasses.call(settings, "total"), 1e-9);
  }

  /**
   * {@code @Query(lru = 2)} reaches the engine: the objects of the class share one budget per
   * engine, so a churn of reads over five reports holds two rendered values; a report read again
   * gets its value back without re-running the query that read it, and a report whose input
   * changed renders anew. Another engine has its own budget.
   */
  @Test
  void queryLruBoundsTheValuesHeldAcrossTheObjectsOfTheClass() {
    CompiledClasses classes = CompiledClasses.compile(Compilations.good("Report"));
    Engine engine = Engine.singleThreaded();
    List<Object> reports = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Object report = classes.create("good.IncrReport", engine);
      CompiledClasses.call(report, "setTitle", "r" + i);
      reports.add(report);
    }
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 5; i++) {
        assertEquals("r" + i + ": 1 pages", CompiledClasses.call(reports.get(i), "render"));
        assertEquals(11, CompiledClasses.call(reports.get(i), "length"));
        assertTrue(engine.stats().valuesHeld() <= 2, "held " + engine.stats().valuesHeld());
      }
    }
    assertEquals(2, engine.stats().valuesHeld());
    // The second round brought back every value but those still held when read (at most the
    // two held when it began); each value stored entered the budget, all but two were evicted.
    assertTrue(engine.stats().restores() >= 3, "restores: " + engine.stats().restores());
    assertEquals(5 + engine.stats().restores() - 2, engine.stats().evictions());
    assertEquals(10, engine.stats().runs(), "five renders and five lengths, once each");
    CompiledClasses.call(reports.get(0), "setPages", 12);
    assertEquals("r0: 12 pages", CompiledClasses.call(reports.get(0), "render"));
    assertEquals(12, CompiledClasses.call(reports.get(0), "length"));

    Engine other = Engine.singleThreaded();
    Object elsewhere = classes.create("good.IncrReport", other);
    assertEquals(": 1 pages", CompiledClasses.call(elsewhere, "render"));
    assertEquals(1, other.stats().valuesHeld());
    assertEquals(2, engine.stats().valuesHeld());
  }

  /**
   * Generated code requires the runtime version it was generated for: a class generated for
   * another version fails on first use, naming both.
   */
  @Test
  void aClassGeneratedForAnotherRuntimeVersionFailsOnFirstUse() throws IOException {
    Compilation compilation = Compilations.compile(Compilations.good("Rect"));
    String source = compilation.generatedSourceFile("good.IncrRect").orElseThrow()
        .getCharContent(false).toString()
        .replace("\"" + IncrementalProcessor.version() + "\"", "\"0.0.1-other\"");
    Compilation other = com.google.testing.compile.Compiler.javac()
        .withOptions("-proc:none")
        .compile(Compilations.good("Rect"),
            com.google.testing.compile.JavaFileObjects.forSourceString("good.IncrRect", source));
    CompiledClasses classes = CompiledClasses.of(other);
    LinkageError e = org.junit.jupiter.api.Assertions.assertThrows(LinkageError.class,
        () -> classes.create("good.IncrRect", Engine.singleThreaded()));
    assertEquals("good.IncrRect was generated by incr-processor 0.0.1-other for incr-runtime"
        + " 0.0.1-other, but the incr-runtime it runs with is "
        + dev.incr.support.RuntimeVersion.current() + ". Use the same version of incr-processor"
        + " and incr-runtime, and compile the annotated classes again.", e.getMessage());
  }
}
