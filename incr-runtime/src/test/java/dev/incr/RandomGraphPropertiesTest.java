package dev.incr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.incr.internal.EngineInternals;
import dev.incr.support.StaticDependencies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random graphs of vars and computeds, boxed and primitive ({@link IntVar}, {@link IntComputed})
 * mixed, driven by random sets, batches (with gets inside them), gets,
 * and observers opened and closed. After every get the engine's value equals a from-scratch
 * evaluation, and every computed re-ran exactly when something it read on its previous run had
 * changed value since. After every write, each observed computed (kept up to date by pushing
 * changes, not by a read) has run over current values and its observer has the current value.
 *
 * <p>Runs are checked against who needed what: a computed runs only while something needs it. A
 * get may run only the computeds its target (transitively) read on their final runs; the end of an
 * outermost write or batch may run only what the observed computeds read; a write inside a batch
 * runs nothing. Together with the checks above: a node ran iff some reader's run under the final
 * inputs read it and one of its own reads had changed. An observer is never told a value equal to
 * the one it was last told.
 *
 * <p>"Changed value since" counts value-changing writes, as the engine does: a var set from 1 to 2
 * and back to 1 by separate writes has changed twice, and its readers re-run (revision-based
 * verification does not remember which value each reader saw). Within one batch, a var written
 * back to its value from before the batch is unchanged when nothing was computed since its first
 * write in the batch; when a get inside the batch came between, the engine may count it changed.
 * A computed changes when a re-run returns a different value.
 */
class RandomGraphPropertiesTest {

  /** How a computed combines what it reads. Results stay small so that values often repeat. */
  enum Kind {
    /** (a + b) mod 10. */
    SUM,
    /** min(a, constant): absorbs most changes (early cutoff). */
    CLAMP,
    /** a even ? b : c, a dynamic dependency. */
    CHOOSE,
    /** a / 4: often unchanged. */
    COARSEN,
    /** a > constant ? a + b : constant, reads b only sometimes. */
    GUARD
  }

  /** A computed; {@code primitive}: an {@link IntComputed} (else a boxed {@code Computed}). */
  record ComputedSpec(Kind kind, int a, int b, int c, int constant, boolean primitive) {}

  /**
   * {@code primitiveVars}: which vars are {@link IntVar}s (the others boxed {@code Var}s);
   * {@code durabilities}: each var's {@link Durability}.
   */
  record GraphSpec(int vars, List<Boolean> primitiveVars, List<Durability> durabilities,
      List<ComputedSpec> computeds) {
    /** The same graph with every var {@link Durability#LOW}: an engine without durability. */
    GraphSpec allLow() {
      return new GraphSpec(vars, primitiveVars,
          java.util.Collections.nCopies(vars, Durability.LOW), computeds);
    }
  }

  /**
   * One step: set a var, a batch of sets (an entry {-1, c} gets computed c inside the batch), a get
   * of a computed, or opening or closing an observer of one.
   */
  record Step(int type, int target, int value, List<int[]> batch) {
    static final int SET = 0;
    static final int BATCH = 1;
    static final int GET = 2;
    static final int OBSERVE = 3;
    static final int UNOBSERVE = 4;
  }

  record Scenario(GraphSpec graph, List<Step> steps) {}

  @Property(tries = 1000)
  void singleThreadedEngineMatchesFromScratchEvaluation(@ForAll("scenarios") Scenario scenario) {
    new Run(Engine.singleThreaded(), scenario).execute();
  }

  /** The same graphs verified by the explicit-stack walk that deep graphs use. */
  @Property(tries = 500)
  void iterativeVerificationMatchesFromScratchEvaluation(@ForAll("scenarios") Scenario scenario) {
    new Run(EngineInternals.verifyingIteratively(Engine.singleThreaded()), scenario).execute();
  }

  @Property(tries = 1000)
  void concurrentEngineMatchesFromScratchEvaluation(@ForAll("scenarios") Scenario scenario) {
    new Run(Engine.concurrent(), scenario).execute();
  }

  /**
   * Random durabilities on the vars: the same checks (values and exact run counts against the
   * oracle) hold, and every computed ran as many times as in the same scenario with every var
   * {@link Durability#LOW}, where no verification is constant-time.
   */
  @Property(tries = 500)
  void randomDurabilitiesGiveTheSameValuesAndRunsAsNone(
      @ForAll("durableScenarios") Scenario scenario) {
    Scenario without = new Scenario(scenario.graph().allLow(), scenario.steps());
    for (boolean concurrent : new boolean[] {false, true}) {
      Run durable = new Run(concurrent ? Engine.concurrent() : Engine.singleThreaded(), scenario);
      durable.execute();
      Run plain = new Run(concurrent ? Engine.concurrent() : Engine.singleThreaded(), without);
      plain.execute();
      assertEquals(java.util.Arrays.toString(plain.runs), java.util.Arrays.toString(durable.runs),
          "runs per computed, with durabilities " + scenario.graph().durabilities());
      assertEquals(java.util.Arrays.toString(plain.lastResults),
          java.util.Arrays.toString(durable.lastResults));
    }
  }

  /**
   * Every boxed computed in one {@link ValueLru} of 1 to 4 values: the same checks hold, with
   * eviction modelled by the oracle (an evicted computed may run again with nothing it read
   * changed, only to get its value back, which must equal the value it had and counts as no
   * change; one that re-runs because something it read changed counts as a change whatever its
   * result, having no old value to compare with). Against the same scenario without a budget:
   * the same values, and every computed ran at least as often, not counting the runs that brought
   * a value back; the budget never held more values than it allows beyond the necessary nodes.
   * On both engines, and with the explicit-stack verification.
   */
  @Property(tries = 500)
  void aValueBudgetGivesTheSameValuesWithRestoresModelled(
      @ForAll("scenarios") Scenario scenario, @ForAll @IntRange(min = 1, max = 4) int budget) {
    List<java.util.function.Supplier<Engine>> engineKinds = List.of(Engine::singleThreaded,
        Engine::concurrent, () -> EngineInternals.verifyingIteratively(Engine.singleThreaded()));
    for (java.util.function.Supplier<Engine> engines : engineKinds) {
      Engine engine = engines.get();
      Run bounded = new Run(engine, scenario, engine.valueLru(budget));
      bounded.execute();
      Run plain = new Run(engines.get(), scenario);
      plain.execute();
      for (int i = 0; i < plain.runs.length; i++) {
        assertTrue(bounded.runs[i] - bounded.restores[i] >= plain.runs[i],
            "c" + i + " ran " + bounded.runs[i] + " times with " + bounded.restores[i]
                + " restores, " + plain.runs[i] + " without a budget");
      }
      assertEquals(java.util.Arrays.toString(plain.lastResults),
          java.util.Arrays.toString(bounded.lastResults));
      assertEquals(java.util.Arrays.stream(bounded.restores).sum(), engine.stats().restores());
    }
  }

  /** A budget as large as the graph evicts nothing: exactly the runs of no budget at all. */
  @Property(tries = 200)
  void aBudgetThatHoldsEverythingChangesNothing(@ForAll("scenarios") Scenario scenario) {
    Engine engine = Engine.singleThreaded();
    Run bounded = new Run(engine, scenario, engine.valueLru(scenario.graph().computeds().size()));
    bounded.execute();
    Run plain = new Run(Engine.singleThreaded(), scenario);
    plain.execute();
    assertEquals(java.util.Arrays.toString(plain.runs), java.util.Arrays.toString(bounded.runs));
    assertEquals(0, engine.stats().evictions());
    assertEquals(0, engine.stats().restores());
  }

  /** The same with random durabilities, verified by the explicit-stack walk. */
  @Property(tries = 300)
  void randomDurabilitiesUnderIterativeVerification(
      @ForAll("durableScenarios") Scenario scenario) {
    new Run(EngineInternals.verifyingIteratively(Engine.singleThreaded()), scenario).execute();
  }

  /**
   * The same graphs built the way generated code builds a query whose dependencies are known at
   * compile time ({@link StaticDependencies}): each computed lists what it reads unconditionally
   * (its first read, and for {@code SUM} both), the vars among them read from a plain copy of the
   * var's value (a generated class's input field) rather than through the node. The conditional
   * reads of {@code CHOOSE} and {@code GUARD} are not listed: the engine must record them as for a
   * dynamic node. Each run passes every oracle check on its own, and the static graph gives the
   * same values and the same run counts as the dynamic one, on both engines and under the
   * explicit-stack walk.
   */
  @Property(tries = 500)
  void staticDependenciesGiveTheSameValuesAndRunsAsRecorded(
      @ForAll("durableScenarios") Scenario scenario) {
    for (int engineKind = 0; engineKind < 3; engineKind++) {
      Run dynamic = new Run(engine(engineKind), scenario, false);
      dynamic.execute();
      Run fixed = new Run(engine(engineKind), scenario, true);
      fixed.execute();
      assertEquals(java.util.Arrays.toString(dynamic.runs), java.util.Arrays.toString(fixed.runs),
          "runs per computed, static dependencies against recorded ones (engine " + engineKind
              + ")");
      assertEquals(java.util.Arrays.toString(dynamic.lastResults),
          java.util.Arrays.toString(fixed.lastResults));
    }
  }

  private static Engine engine(int kind) {
    switch (kind) {
      case 0:
        return Engine.singleThreaded();
      case 1:
        return Engine.concurrent();
      default:
        return EngineInternals.verifyingIteratively(Engine.singleThreaded());
    }
  }

  /**
   * The concurrent engine with two reader threads reading random computeds while the scenario's
   * writes, batches (with their gets) and observers run on a third: every value a reader gets is
   * the from-scratch value at one revision, some revision between the writes completed before its
   * get and those started before the get returned (never a mix of two); every get inside a batch
   * sees the batch's writes so far; every observer has the current value when its write returns;
   * and no computed completes two runs at one revision (two threads needing it compute it once).
   */
  @Property(tries = 200)
  void concurrentEngineUnderSeveralThreadsMatchesFromScratchEvaluation(
      @ForAll("scenarios") Scenario scenario) throws Exception {
    new ParallelRun(scenario).execute();
  }

  static final class ParallelRun {
    final Engine engine = Engine.concurrent();
    final Scenario scenario;
    final int varCount;
    final List<Var<Integer>> vars = new ArrayList<>();
    final List<Computed<Integer>> computeds = new ArrayList<>();
    final int[] varValues;
    /** The from-scratch values after each completed write step: index 0 before any. */
    final List<Map<Integer, Integer>> oracles = new java.util.concurrent.CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger started =
        new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger completed =
        new java.util.concurrent.atomic.AtomicInteger();
    final java.util.Set<String> completedRuns = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
    final Map<Integer, Observation> observers = new HashMap<>();
    final Map<Integer, Integer> delivered = new java.util.concurrent.ConcurrentHashMap<>();

    ParallelRun(Scenario scenario) {
      this.scenario = scenario;
      this.varCount = scenario.graph().vars();
      this.varValues = new int[varCount];
      for (int i = 0; i < varCount; i++) {
        vars.add(scenario.graph().primitiveVars().get(i)
            ? engine.intVar(0).label("v" + i) : engine.var(0).label("v" + i));
      }
      List<ComputedSpec> specs = scenario.graph().computeds();
      for (int i = 0; i < specs.size(); i++) {
        int index = i;
        ComputedSpec spec = specs.get(i);
        IntSupplier function = () -> {
          long revision = engine.revision();
          int result = Run.evaluate(spec, n -> Run.valueOf(node(n)));
          if (!completedRuns.add(index + "@" + revision)) {
            violations.add("c" + index + " completed two runs at revision " + revision);
          }
          return result;
        };
        computeds.add(spec.primitive()
            ? engine.computedInt(function).label("c" + i)
            : engine.computed(function::getAsInt).label("c" + i));
      }
      oracles.add(oracle(varValues));
    }

    Node<Integer> node(int index) {
      return index < varCount ? vars.get(index) : computeds.get(index - varCount);
    }

    Map<Integer, Integer> oracle(int[] values) {
      Map<Integer, Integer> result = new HashMap<>();
      for (int i = 0; i < varCount; i++) {
        result.put(i, values[i]);
      }
      List<ComputedSpec> specs = scenario.graph().computeds();
      for (int i = 0; i < specs.size(); i++) {
        result.put(varCount + i, Run.evaluate(specs.get(i), result::get));
      }
      return result;
    }

    void set(int index, int value) {
      varValues[index] = value;
      Var<Integer> var = vars.get(index);
      if (var instanceof IntVar) {
        ((IntVar) var).set(value);
      } else {
        var.set(value);
      }
    }

    void execute() throws Exception {
      java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
      List<Thread> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        int seed = r;
        Thread reader = new Thread(() -> {
          java.util.Random random = new java.util.Random(seed);
          while (!done.get()) {
            int c = random.nextInt(computeds.size());
            int lo = completed.get();
            int value = Run.valueOf(computeds.get(c));
            int hi = started.get();
            while (oracles.size() <= hi) {
              Thread.onSpinWait(); // the writer is about to add the values of write hi
            }
            boolean seen = false;
            for (int j = lo; j <= hi && !seen; j++) {
              seen = oracles.get(j).get(varCount + c) == value;
            }
            if (!seen) {
              violations.add("c" + c + " = " + value + ", at no revision from write " + lo
                  + " to " + hi);
            }
          }
        });
        reader.start();
        readers.add(reader);
      }
      try {
        for (Step step : scenario.steps()) {
          switch (step.type()) {
            case Step.SET:
              write(() -> set(step.target(), step.value()));
              break;
            case Step.BATCH:
              write(() -> engine.batch(() -> {
                for (int[] entry : step.batch()) {
                  if (entry[0] >= 0) {
                    set(entry[0], entry[1]);
                  } else {
                    int c = entry[1] % computeds.size();
                    int value = Run.valueOf(computeds.get(c));
                    int expected = oracle(varValues).get(varCount + c);
                    if (value != expected) {
                      violations.add("inside a batch c" + c + " = " + value + ", not "
                          + expected);
                    }
                  }
                }
              }));
              break;
            case Step.GET: {
              int value = Run.valueOf(computeds.get(step.target()));
              int expected = oracles.get(oracles.size() - 1).get(varCount + step.target());
              if (value != expected) {
                violations.add("the writer's get of c" + step.target() + " = " + value);
              }
              break;
            }
            case Step.OBSERVE: {
              int target = step.target();
              if (!observers.containsKey(target)) {
                observers.put(target, engine.observe(computeds.get(target),
                    value -> delivered.put(target, value)));
                delivered.put(target,
                    oracles.get(oracles.size() - 1).get(varCount + target));
              }
              break;
            }
            case Step.UNOBSERVE: {
              Observation observation = observers.remove(step.target());
              if (observation != null) {
                observation.close();
                delivered.remove(step.target());
              }
              break;
            }
            default:
              fail("unknown step");
          }
          for (Map.Entry<Integer, Observation> open : observers.entrySet()) {
            int expected = oracles.get(oracles.size() - 1).get(varCount + open.getKey());
            if (!Integer.valueOf(expected).equals(delivered.get(open.getKey()))) {
              violations.add("the observer of c" + open.getKey() + " has "
                  + delivered.get(open.getKey()) + ", not " + expected);
            }
          }
        }
      } finally {
        done.set(true);
        for (Thread reader : readers) {
          reader.join(10_000);
        }
      }
      assertEquals(List.of(), violations.subList(0, Math.min(5, violations.size())));
    }

    /** Runs one write step, numbered so that readers know which revisions they may see. */
    void write(Runnable step) {
      started.incrementAndGet();
      step.run();
      oracles.add(oracle(varValues));
      completed.incrementAndGet();
    }
  }

  // -------------------------------------------------------------------------------------------
  // The engine under test and the oracle

  static final class Run {
    final Engine engine;
    final Scenario scenario;
    final int varCount;
    final List<Var<Integer>> vars = new ArrayList<>();
    final List<Computed<Integer>> computeds = new ArrayList<>();
    final int[] varValues;
    /**
     * For each computed: what its last completed run read, in order: node index -> {value, change
     * count of that node when read}.
     */
    final List<LinkedHashMap<Integer, int[]>> lastReads = new ArrayList<>();
    /** Per node index: how many times its value has changed. */
    final int[] changes;
    final Integer[] lastResults;
    final int[] runs;
    /** Per computed: runs that only brought back an evicted value. */
    final int[] restores;
    /** The budget of every boxed computed, or null. */
    final ValueLru lru;
    /** Oracle values for the current var state; recomputed after every change. */
    Map<Integer, Integer> oracle = new HashMap<>();
    /** Open observers by computed index, and the last value each was told. */
    final Map<Integer, Observation> observers = new HashMap<>();
    final Map<Integer, Integer> delivered = new HashMap<>();
    /** The computeds that ran since the last check of who needed them. */
    final java.util.Set<Integer> ranSinceCheck = new java.util.TreeSet<>();

    Run(Engine engine, Scenario scenario) {
      this(engine, scenario, null, false);
    }

    Run(Engine engine, Scenario scenario, ValueLru lru) {
      this(engine, scenario, lru, false);
    }

    Run(Engine engine, Scenario scenario, boolean staticDependencies) {
      this(engine, scenario, null, staticDependencies);
    }

    /**
     * {@code lru}: the budget of every boxed computed, or null; {@code staticDependencies}: build
     * the computeds as generated static queries are built.
     */
    Run(Engine engine, Scenario scenario, ValueLru lru, boolean staticDependencies) {
      this.engine = engine;
      this.lru = lru;
      this.scenario = scenario;
      this.varCount = scenario.graph().vars();
      this.varValues = new int[varCount];
      this.runs = new int[scenario.graph().computeds().size()];
      this.restores = new int[runs.length];
      this.changes = new int[varCount + runs.length];
      this.lastResults = new Integer[runs.length];
      for (int i = 0; i < varCount; i++) {
        Durability durability = scenario.graph().durabilities().get(i);
        vars.add(scenario.graph().primitiveVars().get(i)
            ? engine.intVar(0, durability).label("v" + i)
            : engine.var(0, durability).label("v" + i));
      }
      List<ComputedSpec> specs = scenario.graph().computeds();
      for (int i = 0; i < specs.size(); i++) {
        int index = i;
        ComputedSpec spec = specs.get(i);
        lastReads.add(null);
        if (staticDependencies) {
          computeds.add(staticComputed(index, spec));
        } else {
          computeds.add(spec.primitive()
              ? engine.computedInt(() -> runComputed(index, spec, Set.of())).label("c" + i)
              : lru != null
                  ? engine.computed(() -> runComputed(index, spec, Set.of()), lru).label("c" + i)
                  : engine.computed(() -> runComputed(index, spec, Set.of())).label("c" + i));
        }
      }
      recomputeOracle();
    }

    /** Node index: vars first, then computeds. */
    Node<Integer> node(int index) {
      return index < varCount ? vars.get(index) : computeds.get(index - varCount);
    }

    /**
     * Computed {@code index} with a static dependency list: the vars it reads unconditionally,
     * read from {@link #varValues} (counted as read first), then the computeds it reads
     * unconditionally, in order.
     */
    @SuppressWarnings("unchecked")
    Computed<Integer> staticComputed(int index, ComputedSpec spec) {
      java.util.Set<Integer> unconditional = new java.util.LinkedHashSet<>();
      unconditional.add(spec.a());
      if (spec.kind() == Kind.SUM) {
        unconditional.add(spec.b());
      }
      java.util.Set<Integer> fields = new java.util.LinkedHashSet<>();
      List<Node<?>> listed = new ArrayList<>();
      for (int read : unconditional) {
        if (read < varCount) {
          fields.add(read);
          listed.add(node(read));
        }
      }
      for (int read : unconditional) {
        if (read >= varCount) {
          listed.add(node(read));
        }
      }
      Node<?>[] dependencies = listed.toArray(new Node<?>[0]);
      if (spec.primitive()) {
        return engine.computedInt(new StaticDependencies.OfInt(fields.size(), dependencies) {
          @Override
          public int getAsInt() {
            return runComputed(index, spec, fields);
          }
        }).label("c" + index);
      }
      return engine.computed(new StaticDependencies.Of<Integer>(fields.size(), dependencies) {
        @Override
        public Integer get() {
          return runComputed(index, spec, fields);
        }
      }).label("c" + index);
    }

    /** Runs computed {@code index}; the vars in {@code fields} are read from their plain copy. */
    int runComputed(int index, ComputedSpec spec, java.util.Set<Integer> fields) {
      LinkedHashMap<Integer, int[]> previous = lastReads.get(index);
      // Still evicted while it runs: the value is stored when the run returns.
      boolean evicted = EngineInternals.isEvicted(computeds.get(index));
      boolean restore = false;
      if (previous != null) {
        boolean somethingChanged = previous.entrySet().stream()
            .anyMatch(e -> changes[e.getKey()] != e.getValue()[1]);
        restore = evicted && !somethingChanged;
        assertTrue(somethingChanged || evicted,
            "c" + index + " re-ran although nothing it read changed");
      }
      LinkedHashMap<Integer, int[]> reads = new LinkedHashMap<>();
      int result = evaluate(spec,
          i -> fields.contains(i) ? readField(i, reads) : read(i, reads));
      runs[index]++;
      ranSinceCheck.add(index);
      lastReads.set(index, reads);
      if (restore) {
        restores[index]++;
        assertEquals(lastResults[index], result, "c" + index + " brought back another value");
      } else if (lastResults[index] == null || lastResults[index] != result || evicted) {
        changes[varCount + index]++;
      }
      lastResults[index] = result;
      return result;
    }

    int read(int nodeIndex, LinkedHashMap<Integer, int[]> reads) {
      int value = valueOf(node(nodeIndex));
      reads.putIfAbsent(nodeIndex, new int[] {value, changes[nodeIndex]});
      return value;
    }

    /** Reads var {@code nodeIndex} as a generated query reads an input field: not its node. */
    int readField(int nodeIndex, LinkedHashMap<Integer, int[]> reads) {
      int value = varValues[nodeIndex];
      reads.putIfAbsent(nodeIndex, new int[] {value, changes[nodeIndex]});
      return value;
    }

    void setVar(int index, int value) {
      // Counted before the set: observed readers re-run inside it.
      if (varValues[index] != value) {
        varValues[index] = value;
        changes[index]++;
      }
      Var<Integer> var = vars.get(index);
      if (var instanceof IntVar) {
        ((IntVar) var).set(value);
      } else {
        var.set(value);
      }
    }

    /** Reads a node, unboxed where it is primitive. */
    static int valueOf(Node<Integer> node) {
      return node instanceof IntSupplier ? ((IntSupplier) node).getAsInt() : node.get();
    }

    /** Evaluates one computed's function given a way to read node {@code i}. */
    static int evaluate(ComputedSpec spec, java.util.function.IntUnaryOperator read) {
      switch (spec.kind()) {
        case SUM:
          return (read.applyAsInt(spec.a()) + read.applyAsInt(spec.b())) % 10;
        case CLAMP:
          return Math.min(read.applyAsInt(spec.a()), spec.constant());
        case CHOOSE:
          return read.applyAsInt(spec.a()) % 2 == 0
              ? read.applyAsInt(spec.b()) : read.applyAsInt(spec.c());
        case COARSEN:
          return read.applyAsInt(spec.a()) / 4;
        case GUARD: {
          int a = read.applyAsInt(spec.a());
          return a > spec.constant() ? (a + read.applyAsInt(spec.b())) % 10 : spec.constant();
        }
        default:
          throw new AssertionError(spec);
      }
    }

    void recomputeOracle() {
      Map<Integer, Integer> values = new HashMap<>();
      for (int i = 0; i < varCount; i++) {
        values.put(i, varValues[i]);
      }
      List<ComputedSpec> specs = scenario.graph().computeds();
      for (int i = 0; i < specs.size(); i++) {
        values.put(varCount + i, evaluate(specs.get(i), values::get));
      }
      oracle = values;
    }

    void execute() {
      for (Step step : scenario.steps()) {
        switch (step.type()) {
          case Step.SET:
            setVar(step.target(), step.value());
            recomputeOracle();
            checkObservers();
            checkRunsWereNeeded(observedCone(), "the write of v" + step.target());
            break;
          case Step.BATCH:
            batch(step.batch());
            recomputeOracle();
            checkObservers();
            checkRunsWereNeeded(observedCone(), "the end of a batch");
            break;
          case Step.GET:
            get(step.target());
            break;
          case Step.OBSERVE: {
            int target = step.target();
            if (!observers.containsKey(target)) {
              observers.put(target, engine.observe(computeds.get(target), value -> {
                assertTrue(!value.equals(delivered.get(target)),
                    "the observer of c" + target + " was told " + value + " again");
                delivered.put(target, value);
              }));
              delivered.put(target, oracle.get(varCount + target));
              java.util.Set<Integer> cone = new java.util.TreeSet<>();
              addCone(varCount + target, cone);
              checkRunsWereNeeded(cone, "opening an observer of c" + target);
            }
            break;
          }
          case Step.UNOBSERVE: {
            Observation observation = observers.remove(step.target());
            if (observation != null) {
              observation.close();
            }
            checkRunsWereNeeded(java.util.Set.of(), "closing an observer");
            break;
          }
          default:
            fail("unknown step");
        }
        List<Node<?>> all = new ArrayList<>(vars);
        all.addAll(computeds);
        EngineInternals.checkInvariants(engine, all);
        if (lru != null) {
          assertTrue(lru.valuesHeld() <= lru.maxValues() + engine.stats().necessaryNodes(),
              lru + " with " + engine.stats().necessaryNodes() + " necessary nodes");
        }
      }
    }

    void get(int target) {
      int value = valueOf(computeds.get(target));
      assertEquals(oracle.get(varCount + target), value, "value of c" + target);
      checkConeIsUpToDate(varCount + target);
      java.util.Set<Integer> cone = new java.util.TreeSet<>();
      addCone(varCount + target, cone);
      checkRunsWereNeeded(cone, "a get of c" + target);
    }

    /**
     * Runs a batch step: sets and gets. A var written back to its value from before the batch is
     * unchanged if nothing was computed since its first write (the engine's change revision tells
     * whether it counted it as changed; without a get in between it must not have).
     */
    void batch(List<int[]> operations) {
      Map<Integer, int[]> before = new HashMap<>(); // var -> {value, changes, changedAt}
      java.util.Set<Integer> getAfterFirstWrite = new java.util.HashSet<>();
      engine.batch(() -> {
        for (int[] op : operations) {
          if (op[0] < 0) {
            recomputeOracle();
            getAfterFirstWrite.addAll(before.keySet());
            get(op[1] % computeds.size());
          } else {
            before.computeIfAbsent(op[0], v -> new int[] {varValues[v], changes[v],
                (int) engine.graph(vars.get(v)).nodes().get(0).changedAt()});
            setVar(op[0], op[1]);
            checkRunsWereNeeded(java.util.Set.of(), "a write inside a batch");
          }
        }
      });
      for (Map.Entry<Integer, int[]> e : before.entrySet()) {
        int v = e.getKey();
        int[] was = e.getValue();
        if (varValues[v] != was[0]) {
          continue;
        }
        long changedAt = engine.graph(vars.get(v)).nodes().get(0).changedAt();
        if (changedAt == was[2]) {
          // Runs at the end of the batch (observed nodes) read it as unchanged.
          int counted = changes[v];
          for (LinkedHashMap<Integer, int[]> reads : lastReads) {
            if (reads != null && reads.containsKey(v) && reads.get(v)[1] == counted) {
              reads.get(v)[1] = was[1];
            }
          }
          changes[v] = was[1];
        } else {
          assertTrue(getAfterFirstWrite.contains(v),
              "v" + v + " was written back within a batch with nothing read, yet changed");
        }
      }
    }

    /** What the observed computeds (transitively) read on their last runs, themselves included. */
    java.util.Set<Integer> observedCone() {
      java.util.Set<Integer> cone = new java.util.TreeSet<>();
      for (int target : observers.keySet()) {
        addCone(varCount + target, cone);
      }
      return cone;
    }

    void addCone(int nodeIndex, java.util.Set<Integer> cone) {
      if (nodeIndex < varCount || !cone.add(nodeIndex - varCount)) {
        return;
      }
      LinkedHashMap<Integer, int[]> reads = lastReads.get(nodeIndex - varCount);
      if (reads != null) {
        for (int read : reads.keySet()) {
          addCone(read, cone);
        }
      }
    }

    /** Every computed that ran since the last check is in {@code needed}. */
    void checkRunsWereNeeded(java.util.Set<Integer> needed, String what) {
      for (int ran : ranSinceCheck) {
        assertTrue(needed.contains(ran),
            "c" + ran + " ran during " + what + ", which did not need it (needed: " + needed + ")");
      }
      ranSinceCheck.clear();
    }

    /** Observed computeds are up to date without being read, and observers have their values. */
    void checkObservers() {
      for (int target : observers.keySet()) {
        checkConeIsUpToDate(varCount + target);
        assertEquals(oracle.get(varCount + target), delivered.get(target),
            "the observer of c" + target + " was not told the current value");
      }
    }

    /**
     * Every computed the target (transitively) read must have run over the current values: a
     * computed that should have re-run but did not would show stale reads here.
     */
    void checkConeIsUpToDate(int nodeIndex) {
      if (nodeIndex < varCount) {
        return;
      }
      int index = nodeIndex - varCount;
      LinkedHashMap<Integer, int[]> reads = lastReads.get(index);
      assertTrue(reads != null, "c" + index + " never ran");
      for (Map.Entry<Integer, int[]> read : reads.entrySet()) {
        assertEquals(oracle.get(read.getKey()), read.getValue()[0],
            "c" + index + " last ran over a stale value of node " + read.getKey());
        assertEquals(changes[read.getKey()], read.getValue()[1],
            "c" + index + " did not re-run after node " + read.getKey() + " changed");
        checkConeIsUpToDate(read.getKey());
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Generators

  @Provide
  Arbitrary<Scenario> scenarios() {
    return graphs(false).flatMap(graph -> steps(graph).list().ofMinSize(5).ofMaxSize(40)
        .map(steps -> new Scenario(graph, steps)));
  }

  /** Scenarios whose vars have random durabilities. */
  @Provide
  Arbitrary<Scenario> durableScenarios() {
    return graphs(true).flatMap(graph -> steps(graph).list().ofMinSize(5).ofMaxSize(40)
        .map(steps -> new Scenario(graph, steps)));
  }

  Arbitrary<GraphSpec> graphs(boolean randomDurabilities) {
    return Arbitraries.integers().between(1, 5).flatMap(vars ->
        Arbitraries.integers().between(1, 15).flatMap(count -> {
          List<Arbitrary<ComputedSpec>> specs = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            specs.add(computedSpec(vars + i));
          }
          return Combinators.combine(specs).as(list -> list).flatMap(list ->
              Combinators.combine(Arbitraries.of(true, false).list().ofSize(vars),
                  (randomDurabilities
                      ? Arbitraries.of(Durability.class)
                      : Arbitraries.just(Durability.LOW)).list().ofSize(vars))
                  .as((primitiveVars, durabilities) ->
                      new GraphSpec(vars, primitiveVars, durabilities, list)));
        }));
  }

  /** A computed that may read any of the {@code available} nodes created before it. */
  Arbitrary<ComputedSpec> computedSpec(int available) {
    Arbitrary<Integer> input = Arbitraries.integers().between(0, available - 1);
    return Combinators.combine(Arbitraries.of(Kind.class), input, input, input,
        Arbitraries.integers().between(0, 9), Arbitraries.of(true, false)).as(ComputedSpec::new);
  }

  Arbitrary<Step> steps(GraphSpec graph) {
    Arbitrary<Integer> var = Arbitraries.integers().between(0, graph.vars() - 1);
    Arbitrary<Integer> value = Arbitraries.integers().between(0, 9);
    Arbitrary<Step> set = Combinators.combine(var, value)
        .as((v, x) -> new Step(Step.SET, v, x, List.of()));
    Arbitrary<int[]> setInBatch = Combinators.combine(var, value).as((v, x) -> new int[] {v, x});
    Arbitrary<int[]> getInBatch = Arbitraries.integers().between(0, 99).map(c -> new int[] {-1, c});
    Arbitrary<Step> batch = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, setInBatch), net.jqwik.api.Tuple.of(1, getInBatch))
        .list().ofMinSize(1).ofMaxSize(5)
        .map(sets -> new Step(Step.BATCH, 0, 0, sets));
    Arbitrary<Integer> computed = Arbitraries.integers().between(0, graph.computeds().size() - 1);
    Arbitrary<Step> get = computed.map(c -> new Step(Step.GET, c, 0, List.of()));
    Arbitrary<Step> observe = computed.map(c -> new Step(Step.OBSERVE, c, 0, List.of()));
    Arbitrary<Step> unobserve = computed.map(c -> new Step(Step.UNOBSERVE, c, 0, List.of()));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, set), net.jqwik.api.Tuple.of(1, batch),
        net.jqwik.api.Tuple.of(4, get), net.jqwik.api.Tuple.of(1, observe),
        net.jqwik.api.Tuple.of(1, unobserve));
  }

}
