package dev.incr.processor;

import static dev.incr.processor.CompiledClasses.call;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.incr.Engine;
import dev.incr.IntComputed;
import dev.incr.Observation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * One annotated class compiled twice: as written, where most queries get compile-time (static)
 * dependencies, and with a call the analysis does not follow added to each query, so that every
 * query records its dependencies as it runs. Random writes, batches, reads and observers applied
 * to one object of each must give the same values (also equal to plain Java) and the same number
 * of runs of every query body, on both engines.
 */
class StaticDependencyPropertiesTest {

  private static final String[] QUERIES = {"base", "sum", "clamp", "both", "pick", "fieldsOnly"};
  private static final String[] INPUTS = {"a", "b", "c", "left"};

  private static JavaFileObject sheet(String pkg, String prologue) {
    return Compilations.source(pkg + ".Sheet",
        "package " + pkg + ";",
        "import dev.incr.annotations.Input;",
        "import dev.incr.annotations.Query;",
        "public abstract class Sheet {",
        "  public static final int[] RUNS = new int[6];",
        "  @Input int a;",
        "  @Input int b;",
        "  @Input int c = 2;",
        "  @Input boolean left = true;",
        "  abstract int b();",
        "  @Query int base() { " + prologue + "RUNS[0]++; return a % 3; }",
        "  @Query int sum() { " + prologue + "RUNS[1]++; return base() + b(); }",
        "  @Query int clamp() { " + prologue + "RUNS[2]++; return Math.min(sum(), c); }",
        "  @Query int both() { " + prologue + "RUNS[3]++; return helper() + clamp(); }",
        "  int helper() { return sum() * 2 + a; }",
        "  @Query int pick() { RUNS[4]++; return left ? base() : clamp(); }",
        "  @Query int fieldsOnly() { " + prologue + "RUNS[5]++; return left ? a : c; }",
        "}");
  }

  private static final CompiledClasses CLASSES;
  private static final String FIXED_SOURCE;
  private static final String RECORDED_SOURCE;

  static {
    Compilation compilation = Compilations.compile(sheet("fixed", ""),
        sheet("recorded", "java.util.Objects.requireNonNull(this); "));
    CLASSES = CompiledClasses.of(compilation);
    try {
      FIXED_SOURCE = compilation.generatedSourceFile("fixed.IncrSheet").orElseThrow()
          .getCharContent(false).toString();
      RECORDED_SOURCE = compilation.generatedSourceFile("recorded.IncrSheet").orElseThrow()
          .getCharContent(false).toString();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The formulas in plain Java. */
  private static int expected(String query, Map<String, Integer> s) {
    int base = s.get("a") % 3;
    int sum = base + s.get("b");
    int clamp = Math.min(sum, s.get("c"));
    switch (query) {
      case "base":
        return base;
      case "sum":
        return sum;
      case "clamp":
        return clamp;
      case "both":
        return sum * 2 + s.get("a") + clamp;
      case "pick":
        return s.get("left") == 1 ? base : clamp;
      default:
        return s.get("left") == 1 ? s.get("a") : s.get("c");
    }
  }

  /** One step: set an input, set two in a batch, read a query, observe or stop observing one. */
  record Step(int kind, int input, int value, int input2, int value2, int query) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, INPUTS.length - 1),
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, INPUTS.length - 1),
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, QUERIES.length - 1))
        .as(Step::new).list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 200)
  void singleThreadedStaticAndRecordedAgree(@ForAll("steps") List<Step> steps) {
    run(Engine.singleThreaded(), Engine.singleThreaded(), steps);
  }

  @Property(tries = 200)
  void concurrentStaticAndRecordedAgree(@ForAll("steps") List<Step> steps) {
    run(Engine.concurrent(), Engine.concurrent(), steps);
  }

  /** The twin that the property compares against really records its dependencies. */
  @org.junit.jupiter.api.Test
  void theTwoCompilationsDifferOnlyInHowDependenciesAreKept() {
    for (String q : new String[] {"base", "sum", "clamp", "both", "fieldsOnly"}) {
      assertTrue(FIXED_SOURCE.contains("return IncrSheet.super." + q + "();"), q);
      assertFalse(RECORDED_SOURCE.contains("return IncrSheet.super." + q + "();"), q);
    }
    assertFalse(FIXED_SOURCE.contains("return IncrSheet.super.pick();"));
    // both(): the helper reads sum() and the field a, then clamp()
    assertTrue(FIXED_SOURCE.contains("new StaticDependencies.OfInt(1, this.aInput, this.sumQuery,"
        + " this.clampQuery) {"), FIXED_SOURCE);
  }

  private static int[] runs(String pkg) {
    try {
      return (int[]) CLASSES.loadClass(pkg + ".Sheet").getField("RUNS").get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static void set(Object o, String input, int value) {
    if (input.equals("left")) {
      call(o, "setLeft", value == 1);
    } else {
      call(o, "set" + Character.toUpperCase(input.charAt(0)) + input.substring(1), value);
    }
  }

  private static void run(Engine fixedEngine, Engine recordedEngine, List<Step> steps) {
    int[] fixedRuns = runs("fixed");
    int[] recordedRuns = runs("recorded");
    Arrays.fill(fixedRuns, 0);
    Arrays.fill(recordedRuns, 0);
    Object fixed = CLASSES.create("fixed.IncrSheet", fixedEngine);
    Object recorded = CLASSES.create("recorded.IncrSheet", recordedEngine);
    Map<String, Integer> state = new HashMap<>(Map.of("a", 0, "b", 0, "c", 2, "left", 1));
    Map<Integer, List<Observation>> observed = new HashMap<>();
    List<Integer> fixedSeen = new ArrayList<>();
    List<Integer> recordedSeen = new ArrayList<>();
    for (Step step : steps) {
      String input = INPUTS[step.input()];
      int value = input.equals("left") ? step.value() % 2 : step.value();
      String query = QUERIES[step.query()];
      switch (step.kind()) {
        case 0:
          set(fixed, input, value);
          set(recorded, input, value);
          state.put(input, value);
          break;
        case 1: {
          String input2 = INPUTS[step.input2()];
          int value2 = input2.equals("left") ? step.value2() % 2 : step.value2();
          fixedEngine.batch(() -> {
            set(fixed, input, value);
            set(fixed, input2, value2);
          });
          recordedEngine.batch(() -> {
            set(recorded, input, value);
            set(recorded, input2, value2);
          });
          state.put(input, value);
          state.put(input2, value2);
          break;
        }
        case 2:
          assertEquals(expected(query, state), call(fixed, query), query);
          assertEquals(expected(query, state), call(recorded, query), query);
          break;
        case 3:
          if (!observed.containsKey(step.query())) {
            IntComputed f = fixedEngine.computedInt(() -> (int) call(fixed, query));
            IntComputed r = recordedEngine.computedInt(() -> (int) call(recorded, query));
            observed.put(step.query(), List.of(fixedEngine.observe(f, fixedSeen::add),
                recordedEngine.observe(r, recordedSeen::add)));
          }
          break;
        default: {
          List<Observation> os = observed.remove(step.query());
          if (os != null) {
            os.forEach(Observation::close);
          }
        }
      }
      assertArrayEquals(recordedRuns, fixedRuns,
          "runs of " + Arrays.toString(QUERIES) + " after " + step);
      assertEquals(recordedSeen, fixedSeen, "values told to observers");
    }
  }
}
