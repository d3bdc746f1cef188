package dev.incr.processor;

import static dev.incr.processor.CompiledClasses.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.Engine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of setter calls, batches and query reads on a generated class, under both
 * engines. The class has inputs and argument-less queries of the unboxed kinds ({@code int}, {@code
 * long}, {@code double}, with NaN and {@code -0.0} among the values) and of boxed ones.
 *
 * <p>After every read the query's value equals a from-scratch evaluation of the same formulas in
 * plain Java. And no query body ran unless, since its previous run, one of the inputs it reads
 * directly (per the class's source) changed value, or one of the queries it calls changed value
 * (re-ran and returned a different value, by {@link Double#equals} for doubles: NaN equals NaN,
 * {@code 0.0} differs from {@code -0.0}). So the compile-time read analysis found every input a
 * query reads (else values go stale) and no input it does not (else bodies re-run), and early
 * cutoff holds through every kind of query node.
 */
class GeneratedClassPropertiesTest {

  private static final CompiledClasses CLASSES = CompiledClasses.compile(
      Compilations.source("props.Model",
          "package props;",
          "import dev.incr.annotations.Input;",
          "import dev.incr.annotations.Query;",
          "import dev.incr.processor.RunLog;",
          "public abstract class Model {",
          "  @Input int a;",
          "  @Input int b;",
          "  @Input int c;",
          "  @Input String tag = \"t\";",
          "  @Input long big;",
          "  @Input double x;",
          "  @Query int sumAB() { RunLog.ran(\"sumAB\"); return a + b; }",
          "  @Query int clampC() { RunLog.ran(\"clampC\"); return Math.min(c, 3); }",
          "  @Query int combined() { RunLog.ran(\"combined\"); return sumAB() * 10 + clampC(); }",
          "  @Query int choose() { RunLog.ran(\"choose\"); return a % 2 == 0 ? b : helper(); }",
          "  int helper() { return c; }",
          "  @Query String label(int k) {",
          "    RunLog.ran(\"label\" + k);",
          "    return tag + (k % 2 == 0 ? sumAB() : clampC());",
          "  }",
          "  @Query long bigPlusA() { RunLog.ran(\"bigPlusA\"); return big + a; }",
          "  @Query double sqrtX() { RunLog.ran(\"sqrtX\"); return Math.sqrt(x); }",
          "  @Query String xShown() { RunLog.ran(\"xShown\"); return sqrtX() + \"/\" + bigPlusA(); }",
          "}"));

  private static final List<String> INPUTS = List.of("a", "b", "c", "tag", "big", "x");

  /** The values a step may give {@code x}: NaN, and both zeros, among them. */
  private static final List<Double> X_VALUES = List.of(0.0, -0.0, Double.NaN, 2.25, -1.0);

  /** The inputs each query body reads directly (so they are its registered dependencies). */
  private static List<String> inputsReadBy(String body) {
    switch (body) {
      case "sumAB":
        return List.of("a", "b");
      case "clampC":
        return List.of("c");
      case "choose":
        return List.of("a", "b", "c");
      case "bigPlusA":
        return List.of("big", "a");
      case "sqrtX":
        return List.of("x");
      case "combined":
      case "xShown":
        return List.of();
      default:
        return List.of("tag"); // label(k)
    }
  }

  /** The argument-less queries each query body calls (a superset, for label(k)). */
  private static List<String> queriesCalledBy(String body) {
    switch (body) {
      case "combined":
        return List.of("sumAB", "clampC");
      case "xShown":
        return List.of("sqrtX", "bigPlusA");
      case "sumAB":
      case "clampC":
      case "choose":
      case "bigPlusA":
      case "sqrtX":
        return List.of();
      default:
        return List.of("sumAB", "clampC"); // label(k)
    }
  }

  /** One step: set an input, set two inputs in a batch, or read a query. */
  record Step(int kind, int input, int value, int input2, int value2, int query, int k) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, INPUTS.size() - 1),
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, INPUTS.size() - 1),
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, 7),
            Arbitraries.integers().between(0, 3))
        .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 300)
  void singleThreadedMatchesPlainJava(@ForAll("steps") List<Step> steps) {
    run(Engine.singleThreaded(), steps);
  }

  @Property(tries = 300)
  void concurrentMatchesPlainJava(@ForAll("steps") List<Step> steps) {
    run(Engine.concurrent(), steps);
  }

  /** The oracle's bookkeeping for one run. */
  private static final class Oracle {
    /** The current value of each input. */
    final Map<String, Object> state = new HashMap<>(
        Map.of("a", 0, "b", 0, "c", 0, "tag", "t", "big", 0L, "x", 0.0));
    /** How often each input, and each argument-less query, has changed value. */
    final Map<String, Integer> changes = new HashMap<>();
    /** Each argument-less query's value at its last run. */
    final Map<String, Object> lastValue = new HashMap<>();
    /** For each body, the sum of its dependencies' changes at its last run. */
    final Map<String, Integer> changesAtLastRun = new HashMap<>();

    int changesOf(String name) {
      return changes.getOrDefault(name, 0);
    }

    int dependencyChanges(String body) {
      int sum = 0;
      for (String input : inputsReadBy(body)) {
        sum += changesOf(input);
      }
      for (String query : queriesCalledBy(body)) {
        sum += changesOf(query);
      }
      return sum;
    }
  }

  private static void run(Engine engine, List<Step> steps) {
    Object model = CLASSES.create("props.IncrModel", engine);
    Oracle oracle = new Oracle();
    RunLog.take();
    for (Step step : steps) {
      switch (step.kind()) {
        case 0:
          set(model, oracle, step.input(), step.value());
          break;
        case 1:
          engine.batch(() -> {
            set(model, oracle, step.input(), step.value());
            set(model, oracle, step.input2(), step.value2());
          });
          break;
        default:
          read(model, oracle.state, step.query(), step.k());
          checkRuns(oracle, RunLog.take());
          break;
      }
    }
  }

  /**
   * Checks the bodies that ran during one read. Every body ran against the same inputs, so the
   * value each argument-less query computed is its oracle value now; those are noted first, since
   * a query called by another runs (and is logged) after or before its caller depending on which
   * the engine verified first.
   */
  private static void checkRuns(Oracle oracle, List<String> ran) {
    for (String body : ran) {
      if (body.startsWith("label")) {
        continue;
      }
      Object value = expected(oracle.state, body, 0);
      if (oracle.lastValue.containsKey(body) && !value.equals(oracle.lastValue.get(body))) {
        oracle.changes.merge(body, 1, Integer::sum);
      }
      oracle.lastValue.put(body, value);
    }
    for (String body : ran) {
      int now = oracle.dependencyChanges(body);
      Integer before = oracle.changesAtLastRun.put(body, now);
      assertTrue(before == null || before != now,
          body + " re-ran though nothing it reads changed value");
    }
  }

  private static void set(Object model, Oracle oracle, int input, int v) {
    String name = INPUTS.get(input);
    Object value;
    switch (name) {
      case "tag":
        value = v % 2 == 0 ? "t" : "u";
        break;
      case "big":
        value = v * 1_000_000_000_000L;
        break;
      case "x":
        value = X_VALUES.get(v);
        break;
      default:
        value = v;
        break;
    }
    // Double.equals: NaN equals NaN, 0.0 differs from -0.0, as the engine compares doubles.
    if (!value.equals(oracle.state.get(name))) {
      oracle.changes.merge(name, 1, Integer::sum);
    }
    oracle.state.put(name, value);
    call(model, "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1), value);
  }

  private static final List<String> QUERIES = List.of(
      "sumAB", "clampC", "combined", "choose", "label", "bigPlusA", "sqrtX", "xShown");

  private static void read(Object model, Map<String, Object> state, int query, int k) {
    String name = QUERIES.get(query);
    Object actual = name.equals("label") ? call(model, "label", k) : call(model, name);
    // assertEquals(Object, Object): Double.equals, so -0.0 is not taken for 0.0.
    assertEquals(expected(state, name, k), actual, name);
  }

  /** The value of query {@code name} (argument {@code k} for label) computed from scratch. */
  private static Object expected(Map<String, Object> s, String name, int k) {
    int a = (Integer) s.get("a");
    int b = (Integer) s.get("b");
    int c = (Integer) s.get("c");
    String tag = (String) s.get("tag");
    long big = (Long) s.get("big");
    double x = (Double) s.get("x");
    switch (name) {
      case "sumAB":
        return a + b;
      case "clampC":
        return Math.min(c, 3);
      case "combined":
        return (a + b) * 10 + Math.min(c, 3);
      case "choose":
        return a % 2 == 0 ? b : c;
      case "label":
        return tag + (k % 2 == 0 ? a + b : Math.min(c, 3));
      case "bigPlusA":
        return big + a;
      case "sqrtX":
        return Math.sqrt(x);
      case "xShown":
        return Math.sqrt(x) + "/" + (big + a);
      default:
        throw new AssertionError(name);
    }
  }
}
