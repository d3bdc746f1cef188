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
 * engines. After every read the query's value equals a from-scratch evaluation of the same
 * formulas in plain Java, and no query body ran unless one of the inputs it can read (per the
 * class's source) changed value since its previous run: so the compile-time read analysis found
 * every input a query reads (else values go stale) and no input it does not (else bodies re-run).
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
          "  @Query int sumAB() { RunLog.ran(\"sumAB\"); return a + b; }",
          "  @Query int clampC() { RunLog.ran(\"clampC\"); return Math.min(c, 3); }",
          "  @Query int combined() { RunLog.ran(\"combined\"); return sumAB() * 10 + clampC(); }",
          "  @Query int choose() { RunLog.ran(\"choose\"); return a % 2 == 0 ? b : helper(); }",
          "  int helper() { return c; }",
          "  @Query String label(int k) {",
          "    RunLog.ran(\"label\" + k);",
          "    return tag + (k % 2 == 0 ? sumAB() : clampC());",
          "  }",
          "}"));

  private static final List<String> INPUTS = List.of("a", "b", "c", "tag");

  /** The inputs each query body may read, directly or through the queries it calls. */
  private static List<String> readable(String body) {
    switch (body) {
      case "sumAB":
        return List.of("a", "b");
      case "clampC":
        return List.of("c");
      case "combined":
      case "choose":
        return List.of("a", "b", "c");
      default:
        return List.of("tag", "a", "b", "c"); // label(k)
    }
  }

  /** One step: set an input, set two inputs in a batch, or read a query. */
  record Step(int kind, int input, int value, int input2, int value2, int query, int k) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, 4),
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

  private static void run(Engine engine, List<Step> steps) {
    Object model = CLASSES.create("props.IncrModel", engine);
    Map<String, Object> state = new HashMap<>(Map.of("a", 0, "b", 0, "c", 0, "tag", "t"));
    Map<String, Integer> changes = new HashMap<>(Map.of("a", 0, "b", 0, "c", 0, "tag", 0));
    Map<String, Integer> changesAtLastRun = new HashMap<>();
    RunLog.take();
    for (Step step : steps) {
      switch (step.kind()) {
        case 0:
          set(model, state, changes, step.input(), step.value());
          break;
        case 1:
          engine.batch(() -> {
            set(model, state, changes, step.input(), step.value());
            set(model, state, changes, step.input2(), step.value2());
          });
          break;
        default:
          read(model, state, step.query(), step.k());
          for (String body : RunLog.take()) {
            int now = changesOf(body, changes);
            Integer before = changesAtLastRun.put(body, now);
            assertTrue(before == null || before != now,
                body + " re-ran though nothing it can read changed");
          }
          break;
      }
    }
  }

  private static int changesOf(String body, Map<String, Integer> changes) {
    int sum = 0;
    for (String input : readable(body)) {
      sum += changes.get(input);
    }
    return sum;
  }

  private static void set(
      Object model, Map<String, Object> state, Map<String, Integer> changes, int input, int v) {
    String name = INPUTS.get(input);
    Object value = name.equals("tag") ? (v % 2 == 0 ? "t" : "u") : (Object) v;
    if (!value.equals(state.get(name))) {
      changes.merge(name, 1, Integer::sum);
    }
    state.put(name, value);
    call(model, "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1), value);
  }

  private static void read(Object model, Map<String, Object> s, int query, int k) {
    int a = (Integer) s.get("a");
    int b = (Integer) s.get("b");
    int c = (Integer) s.get("c");
    String tag = (String) s.get("tag");
    switch (query) {
      case 0:
        assertEquals(a + b, call(model, "sumAB"));
        break;
      case 1:
        assertEquals(Math.min(c, 3), call(model, "clampC"));
        break;
      case 2:
        assertEquals((a + b) * 10 + Math.min(c, 3), call(model, "combined"));
        break;
      case 3:
        assertEquals(a % 2 == 0 ? b : c, call(model, "choose"));
        break;
      default:
        assertEquals(tag + (k % 2 == 0 ? a + b : Math.min(c, 3)), call(model, "label", k));
        break;
    }
  }
}
