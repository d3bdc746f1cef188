package dev.incr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.incr.internal.EngineInternals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random spreadsheets whose cells catch the {@link CycleException} of a circular reference and
 * show {@code #CYCLE!}, edited at random with some cells observed: after every step, every cell
 * read and every observer's last value equal a from-scratch evaluation, and the engine's
 * invariants hold (with the back edges that caught cycles leave among observed nodes); once every
 * observer is closed, no node is kept up to date any more.
 *
 * <p>A cell's formula is a number or a reference to another cell. From scratch, a cell shows its
 * number, or follows references until a number (shown) or a cell already on the way
 * ({@code #CYCLE!}).
 */
class CaughtCyclesPropertiesTest {

  private static final int CELLS = 5;
  private static final String CYCLE = "#CYCLE!";

  /** A formula: {@code ref < 0} is the number {@code number}, else a reference to cell {@code ref}. */
  record Formula(int ref, int number) {
    @Override
    public String toString() {
      return ref < 0 ? String.valueOf(number) : "=C" + ref;
    }
  }

  /** One step: set a cell's formula (two at once in a batch), observe or stop observing, read. */
  record Step(int kind, int cell, Formula formula, int other, Formula otherFormula) {
    @Override
    public String toString() {
      switch (kind) {
        case 0: return "C" + cell + " := " + formula;
        case 1: return "batch(C" + cell + " := " + formula + ", C" + other + " := " + otherFormula
            + ")";
        case 2: return "toggle observing C" + cell;
        default: return "read C" + cell;
      }
    }
  }

  @Property(tries = 1000)
  void singleThreadedEngineMatchesFromScratch(@ForAll("steps") List<Step> steps) {
    check(Engine::singleThreaded, steps);
  }

  @Property(tries = 500)
  void concurrentEngineMatchesFromScratch(@ForAll("steps") List<Step> steps) {
    check(Engine::concurrent, steps);
  }

  private static void check(Supplier<Engine> engines, List<Step> steps) {
    Engine engine = engines.get();
    List<Node<?>> nodes = new ArrayList<>();
    Formula[] formulas = new Formula[CELLS];
    List<Var<Formula>> formulaVars = new ArrayList<>();
    List<Computed<String>> cells = new ArrayList<>();
    for (int i = 0; i < CELLS; i++) {
      formulas[i] = new Formula(-1, i);
      Var<Formula> f = engine.var(formulas[i]).label("C" + i + ".formula");
      formulaVars.add(f);
      nodes.add(f);
    }
    for (int i = 0; i < CELLS; i++) {
      Var<Formula> f = formulaVars.get(i);
      Computed<String> cell = engine.computed(() -> {
        Formula formula = f.get();
        if (formula.ref() < 0) {
          return String.valueOf(formula.number());
        }
        try {
          return cells.get(formula.ref()).get();
        } catch (CycleException e) {
          return CYCLE;
        }
      }).label("C" + i);
      cells.add(cell);
      nodes.add(cell);
    }
    Observation[] observations = new Observation[CELLS];
    String[] told = new String[CELLS];
    List<String> done = new ArrayList<>();
    for (Step step : steps) {
      done.add(step.toString());
      switch (step.kind()) {
        case 0:
          formulas[step.cell()] = step.formula();
          formulaVars.get(step.cell()).set(step.formula());
          break;
        case 1:
          formulas[step.cell()] = step.formula();
          formulas[step.other()] = step.otherFormula();
          engine.batch(() -> {
            formulaVars.get(step.cell()).set(step.formula());
            formulaVars.get(step.other()).set(step.otherFormula());
          });
          break;
        case 2:
          int c = step.cell();
          if (observations[c] == null) {
            observations[c] = engine.observe(cells.get(c), v -> told[c] = v);
            told[c] = cells.get(c).get();
          } else {
            observations[c].close();
            observations[c] = null;
          }
          break;
        default:
          assertEquals(fromScratch(formulas, step.cell()), cells.get(step.cell()).get(),
              "C" + step.cell() + " after " + done);
      }
      for (int i = 0; i < CELLS; i++) {
        if (observations[i] != null) {
          assertEquals(fromScratch(formulas, i), told[i],
              "what C" + i + "'s observer was last told, after " + done);
        }
      }
      EngineInternals.checkInvariants(engine, nodes);
    }
    for (int i = 0; i < CELLS; i++) {
      assertEquals(fromScratch(formulas, i), cells.get(i).get(), "C" + i + " after " + done);
    }
    EngineInternals.checkInvariants(engine, nodes);
    for (Observation observation : observations) {
      if (observation != null) {
        observation.close();
      }
    }
    assertEquals(0, engine.stats().necessaryNodes(),
        "nodes still kept up to date once every observer closed, after " + done);
    EngineInternals.checkInvariants(engine, nodes);
  }

  private static String fromScratch(Formula[] formulas, int cell) {
    Set<Integer> seen = new HashSet<>();
    int c = cell;
    while (formulas[c].ref() >= 0) {
      if (!seen.add(c)) {
        return CYCLE;
      }
      c = formulas[c].ref();
    }
    return String.valueOf(formulas[c].number());
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Formula> formulas = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 3).map(n -> new Formula(-1, n)),
        Arbitraries.integers().between(0, CELLS - 1).map(r -> new Formula(r, 0)));
    Arbitrary<Integer> cells = Arbitraries.integers().between(0, CELLS - 1);
    Arbitrary<Step> step = Combinators.combine(
        Arbitraries.integers().between(0, 3), cells, formulas, cells, formulas)
        .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(30);
  }
}
