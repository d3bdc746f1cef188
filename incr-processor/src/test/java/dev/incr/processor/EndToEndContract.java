package dev.incr.processor;

import static dev.incr.processor.CompiledClasses.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.incr.CycleException;
import dev.incr.Engine;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compiles annotated classes with the processor, loads the generated classes and checks which
 * query bodies re-run after each change (the log of {@link RunLog}). Runs once per engine: see
 * the subclasses.
 */
abstract class EndToEndContract {

  private static final CompiledClasses SHAPES = CompiledClasses.compile(
      Compilations.source("e2e.Shape",
          "package e2e;",
          "import dev.incr.annotations.Input;",
          "import dev.incr.annotations.Query;",
          "import dev.incr.processor.RunLog;",
          "public abstract class Shape {",
          "  @Input double width = 10;",
          "  @Input double height = 5;",
          "  @Input String unit = \"cm\";",
          "  @Query double area() { RunLog.ran(\"area\"); return width * height; }",
          "  @Query String unitLabel() { RunLog.ran(\"unitLabel\"); return \"[\" + unit + \"]\"; }",
          "  @Query boolean big() { RunLog.ran(\"big\"); return area() > 100; }",
          "  @Query String describe(String prefix) {",
          "    RunLog.ran(\"describe(\" + prefix + \")\");",
          "    return prefix + (big() ? \" big\" : \" small\");",
          "  }",
          "  @Query double scaled(double width) {",
          "    RunLog.ran(\"scaled\");",
          "    return width * height;", // the parameter shadows the field
          "  }",
          "  @Query double perimeter() { RunLog.ran(\"perimeter\"); return twice(sum()); }",
          "  double sum() { return this.width + height(); }",
          "  double twice(double x) { return 2 * x; }",
          "  abstract double height();",
          "  @Query double ratio() {",
          "    RunLog.ran(\"ratio\");",
          "    java.util.function.DoubleSupplier s = () -> width / height;",
          "    return s.getAsDouble();",
          "  }",
          "}"),
      Compilations.source("e2e.Scene",
          "package e2e;",
          "import dev.incr.annotations.Input;",
          "import dev.incr.annotations.Query;",
          "import dev.incr.processor.RunLog;",
          "public abstract class Scene {",
          "  @Input Shape a;",
          "  @Input Shape b;",
          "  @Query double total() { RunLog.ran(\"total\"); return a.area() + b.area(); }",
          "}"),
      Compilations.source("e2e.Fib",
          "package e2e;",
          "import dev.incr.annotations.Input;",
          "import dev.incr.annotations.Query;",
          "import dev.incr.processor.RunLog;",
          "import java.math.BigInteger;",
          "public abstract class Fib {",
          "  @Input BigInteger seed = BigInteger.ONE;",
          "  @Query BigInteger fib(int n) {",
          "    RunLog.ran(\"fib\" + n);",
          "    return n < 2 ? seed.multiply(BigInteger.valueOf(n)) : fib(n - 1).add(fib(n - 2));",
          "  }",
          "  @Query String pair(String a, int b) { RunLog.ran(\"pair\"); return a + b; }",
          "  @Query(maxEntries = 2) BigInteger scaled(int k) {",
          "    RunLog.ran(\"scaled\" + k);",
          "    return seed.multiply(BigInteger.valueOf(k));",
          "  }",
          "  @Query int count(String... words) { RunLog.ran(\"count\"); return words.length; }",
          "}"),
      Compilations.source("e2e.Nan",
          "package e2e;",
          "import dev.incr.annotations.Input;",
          "import dev.incr.annotations.Query;",
          "import dev.incr.processor.RunLog;",
          "public abstract class Nan {",
          "  @Input double x = -1;",
          "  @Query double root() { RunLog.ran(\"root\"); return Math.sqrt(x); }",
          "  @Query String shown() { RunLog.ran(\"shown\"); return \"v=\" + root(); }",
          "}"),
      Compilations.source("e2e.Meter",
          "package e2e;",
          "import dev.incr.annotations.Input;",
          "import dev.incr.annotations.Query;",
          "import dev.incr.processor.RunLog;",
          "/** Inputs and queries of the three unboxed kinds, and a boxed input beside them. */",
          "public abstract class Meter {",
          "  @Input int count = 3;",
          "  @Input long total = 12;",
          "  @Input double level = 4;",
          "  @Input String unit = \"u\";",
          "  @Query int parityBit() { RunLog.ran(\"parityBit\"); return count % 2; }",
          "  @Query String parity() {",
          "    RunLog.ran(\"parity\");",
          "    return parityBit() == 0 ? \"even\" : \"odd\";",
          "  }",
          "  @Query long perItem() { RunLog.ran(\"perItem\"); return total / count; }",
          "  @Query double root() { RunLog.ran(\"root\"); return Math.sqrt(level); }",
          "  @Query String rootShown() { RunLog.ran(\"rootShown\"); return \"r=\" + root(); }",
          "  @Query double signedZero() {",
          "    RunLog.ran(\"signedZero\");",
          "    return level < 0 ? -0.0 : 0.0;",
          "  }",
          "  @Query String zeroShown() {",
          "    RunLog.ran(\"zeroShown\");",
          "    return 1 / signedZero() > 0 ? \"+0\" : \"-0\";",
          "  }",
          "  @Query double levelCopy() { RunLog.ran(\"levelCopy\"); return level; }",
          "}"),
      Compilations.source("e2e.Eager",
          "package e2e;",
          "import dev.incr.annotations.Input;",
          "import dev.incr.annotations.Query;",
          "import dev.incr.processor.RunLog;",
          "/** Its constructor calls a setter, a getter and a query before the nodes exist. */",
          "public abstract class Eager {",
          "  @Input int w = 3;",
          "  private final int[] atStart;",
          "  Eager() {",
          "    setW(4);",
          "    atStart = new int[] {w(), doubled(), times(3)};",
          "  }",
          "  @Query int doubled() { RunLog.ran(\"doubled\"); return w * 2; }",
          "  @Query int times(int k) { RunLog.ran(\"times\"); return w * k; }",
          "  abstract int w();",
          "  abstract void setW(int w);",
          "  int atStart(int i) { return atStart[i]; }",
          "}"),
      Compilations.source("e2e.Grid",
          "package e2e;",
          "import dev.incr.annotations.Input;",
          "import dev.incr.annotations.Query;",
          "import dev.incr.processor.RunLog;",
          "/** A query that reads its inputs through an inner class. */",
          "public abstract class Grid {",
          "  @Input int rows = 2;",
          "  @Input int columns = 3;",
          "  @Input String title = \"t\";",
          "  class Cells { int count() { return rows * columns; } }",
          "  @Query int cells() { RunLog.ran(\"cells\"); return new Cells().count(); }",
          "}"));

  private static final CompiledClasses OWNERS = CompiledClasses.compile(
      Compilations.good("Account"),
      Compilations.source("e2e.Trip",
          "package e2e;",
          "import dev.incr.Computed;",
          "import dev.incr.Engine;",
          "import dev.incr.IncrCollection;",
          "import dev.incr.annotations.Input;",
          "import dev.incr.annotations.Query;",
          "import dev.incr.processor.RunLog;",
          "/** Owns a collection and reads its aggregate in a query. */",
          "public abstract class Trip {",
          "  final IncrCollection<Double> legs;",
          "  final Computed<Double> distance;",
          "  @Input double pricePerKm = 2;",
          "  protected Trip(Engine engine) {",
          "    legs = engine.collection();",
          "    distance = legs.sum(d -> d);",
          "  }",
          "  void addLeg(double km) { legs.insert(km); }",
          "  boolean removeLeg(double km) { return legs.delete(km); }",
          "  @Query double cost() { RunLog.ran(\"cost\"); return distance.get() * pricePerKm; }",
          "  @Query long legCount() { RunLog.ran(\"legCount\"); return legs.count().get(); }",
          "}"),
      Compilations.source("e2e.Base",
          "package e2e;",
          "import dev.incr.annotations.Input;",
          "import dev.incr.annotations.Query;",
          "import dev.incr.processor.RunLog;",
          "public abstract class Base {",
          "  @Input int a = 1;",
          "  @Query int twiceA() { RunLog.ran(\"twiceA\"); return 2 * a; }",
          "}"),
      Compilations.source("e2e.Derived",
          "package e2e;",
          "import dev.incr.annotations.Input;",
          "import dev.incr.annotations.Query;",
          "import dev.incr.processor.RunLog;",
          "public abstract class Derived extends Base {",
          "  @Input int b = 10;",
          "  @Query int sum() { RunLog.ran(\"sum\"); return a + b; }",
          "  @Override @Query int twiceA() { RunLog.ran(\"twiceA'\"); return a + a; }",
          "}"),
      Compilations.source("e2e.Priced",
          "package e2e;",
          "import dev.incr.annotations.Input;",
          "import dev.incr.annotations.Query;",
          "import dev.incr.processor.RunLog;",
          "public abstract class Priced {",
          "  @Input int price = 10;",
          "  @Input int tax = 2;",
          "  @Input int discount = 1;",
          "  int total() { return price; }",
          "  @Query int shown() { RunLog.ran(\"shown\"); return total(); }",
          "  @Query int listed() { RunLog.ran(\"listed\"); return price; }",
          "}"),
      Compilations.source("e2e.Taxed",
          "package e2e;",
          "import dev.incr.annotations.Input;",
          "import dev.incr.processor.RunLog;",
          "/** Overrides the helper its inherited query calls, and a query without @Query. */",
          "public abstract class Taxed extends Priced {",
          "  @Input String note = \"\";",
          "  @Override int total() { return super.total() + tax; }",
          "  @Override int listed() { RunLog.ran(\"listed'\"); return discount; }",
          "}"));

  private Engine engine;

  /** Returns a new engine of the kind under test. */
  abstract Engine newEngine();

  @BeforeEach
  void setUp() {
    engine = newEngine();
    RunLog.take();
  }

  private Object shape() {
    return SHAPES.create("e2e.IncrShape", engine);
  }

  @Test
  void onlyQueriesReadingTheChangedInputReRun() {
    Object shape = shape();
    assertEquals(50.0, call(shape, "area"));
    assertEquals("[cm]", call(shape, "unitLabel"));
    assertEquals(List.of("area", "unitLabel"), RunLog.take());

    call(shape, "setUnit", "mm");
    assertEquals(50.0, call(shape, "area"));
    assertEquals("[mm]", call(shape, "unitLabel"));
    assertEquals(List.of("unitLabel"), RunLog.take());

    call(shape, "setWidth", 12.0);
    assertEquals(60.0, call(shape, "area"));
    assertEquals("[mm]", call(shape, "unitLabel"));
    assertEquals(List.of("area"), RunLog.take());
    assertEquals(12.0, call(shape, "width"));
  }

  @Test
  void gettersSettersAndQueriesCalledByTheConstructorActOnThePlainObject() {
    Object eager = SHAPES.create("e2e.IncrEager", engine);
    assertEquals(4, call(eager, "atStart", 0));
    assertEquals(8, call(eager, "atStart", 1));
    assertEquals(12, call(eager, "atStart", 2));
    assertEquals(List.of("doubled", "times"), RunLog.take()); // untracked, in the constructor
    assertEquals(8, call(eager, "doubled"));
    assertEquals(8, call(eager, "doubled"));
    assertEquals(12, call(eager, "times", 3));
    assertEquals(List.of("doubled", "times"), RunLog.take());
    call(eager, "setW", 5);
    assertEquals(10, call(eager, "doubled"));
    assertEquals(15, call(eager, "times", 3));
    assertEquals(5, call(eager, "w"));
    assertEquals(List.of("doubled", "times"), RunLog.take());
  }

  @Test
  void aQueryReadingInputsThroughAnInnerClassReRunsWhenTheyChange() {
    Object grid = SHAPES.create("e2e.IncrGrid", engine);
    assertEquals(6, call(grid, "cells"));
    call(grid, "setColumns", 4);
    assertEquals(8, call(grid, "cells"));
    call(grid, "setTitle", "other");
    assertEquals(8, call(grid, "cells"));
    assertEquals(List.of("cells", "cells"), RunLog.take());
  }

  @Test
  void anInheritedQueryDependsOnWhatTheOverrideOfItsHelperReads() {
    Object taxed = OWNERS.create("e2e.IncrTaxed", engine);
    assertEquals(12, call(taxed, "shown"));
    call(taxed, "setTax", 3);
    assertEquals(13, call(taxed, "shown"));
    call(taxed, "setPrice", 20);
    assertEquals(23, call(taxed, "shown"));
    call(taxed, "setDiscount", 5);
    assertEquals(23, call(taxed, "shown"));
    assertEquals(List.of("shown", "shown", "shown"), RunLog.take());

    Object priced = OWNERS.create("e2e.IncrPriced", engine);
    assertEquals(10, call(priced, "shown"));
    call(priced, "setTax", 3);
    assertEquals(10, call(priced, "shown"));
    assertEquals(List.of("shown"), RunLog.take());
  }

  @Test
  void aQueryOverriddenWithoutTheAnnotationDependsOnWhatTheOverrideReads() {
    Object taxed = OWNERS.create("e2e.IncrTaxed", engine);
    assertEquals(1, call(taxed, "listed"));
    call(taxed, "setPrice", 11);
    assertEquals(1, call(taxed, "listed"));
    call(taxed, "setDiscount", 4);
    assertEquals(4, call(taxed, "listed"));
    assertEquals(List.of("listed'", "listed'"), RunLog.take());
  }

  @Test
  void aBoundedMemoComputesEvictedArgumentsAgainAndTracksInputs() {
    Object fib = SHAPES.create("e2e.IncrFib", engine);
    assertEquals(BigInteger.valueOf(1), call(fib, "scaled", 1));
    assertEquals(BigInteger.valueOf(2), call(fib, "scaled", 2));
    assertEquals(BigInteger.valueOf(2), call(fib, "scaled", 2));
    assertEquals(List.of("scaled1", "scaled2"), RunLog.take());
    assertEquals(BigInteger.valueOf(3), call(fib, "scaled", 3)); // evicts 1 (2 was used since)
    assertEquals(BigInteger.valueOf(2), call(fib, "scaled", 2));
    assertEquals(BigInteger.valueOf(1), call(fib, "scaled", 1));
    assertEquals(List.of("scaled3", "scaled1"), RunLog.take());
    call(fib, "setSeed", BigInteger.TEN);
    assertEquals(BigInteger.valueOf(10), call(fib, "scaled", 1));
    assertEquals(List.of("scaled1"), RunLog.take());
  }

  @Test
  void settingAnEqualValueReRunsNothing() {
    Object shape = shape();
    call(shape, "area");
    RunLog.take();
    call(shape, "setWidth", 10.0);
    assertEquals(50.0, call(shape, "area"));
    assertEquals(List.of(), RunLog.take());
  }

  @Test
  void earlyCutoffStopsAtAQueryWhoseValueDidNotChange() {
    Object shape = shape();
    assertEquals("x small", call(shape, "describe", "x"));
    assertEquals(List.of("describe(x)", "big", "area"), RunLog.take());

    call(shape, "setWidth", 11.0); // area 55: re-runs; big stays false: describe is cut off
    assertEquals("x small", call(shape, "describe", "x"));
    assertEquals(List.of("area", "big"), RunLog.take());

    call(shape, "setWidth", 30.0); // area 150: big flips, describe re-runs
    assertEquals("x big", call(shape, "describe", "x"));
    assertEquals(List.of("area", "big", "describe(x)"), RunLog.take());
  }

  @Test
  void parameterizedQueriesAreMemoizedPerArgument() {
    Object shape = shape();
    call(shape, "describe", "x");
    call(shape, "describe", "y");
    call(shape, "describe", "x");
    assertEquals(List.of("describe(x)", "big", "area", "describe(y)"), RunLog.take());
  }

  @Test
  void aParameterShadowingAnInputIsNotADependencyOnIt() {
    Object shape = shape();
    assertEquals(10.0, call(shape, "scaled", 2.0));
    call(shape, "setWidth", 7.0);
    assertEquals(10.0, call(shape, "scaled", 2.0));
    assertEquals(List.of("scaled"), RunLog.take());
    call(shape, "setHeight", 1.0);
    assertEquals(2.0, call(shape, "scaled", 2.0));
    assertEquals(List.of("scaled"), RunLog.take());
  }

  @Test
  void readsThroughHelperMethodsAndLambdasAreDependencies() {
    Object shape = shape();
    assertEquals(30.0, call(shape, "perimeter"));
    assertEquals(2.0, call(shape, "ratio"));
    RunLog.take();
    call(shape, "setWidth", 20.0);
    assertEquals(50.0, call(shape, "perimeter"));
    assertEquals(4.0, call(shape, "ratio"));
    assertEquals(List.of("perimeter", "ratio"), RunLog.take());
    call(shape, "setUnit", "in");
    call(shape, "perimeter");
    call(shape, "ratio");
    assertEquals(List.of(), RunLog.take());
  }

  @Test
  void queriesReadAcrossObjects() {
    Object a = shape();
    Object b = shape();
    Object scene = SHAPES.create("e2e.IncrScene", engine);
    call(scene, "setA", a);
    call(scene, "setB", b);
    assertEquals(100.0, call(scene, "total"));
    assertEquals(List.of("total", "area", "area"), RunLog.take());

    call(b, "setHeight", 1.0);
    assertEquals(60.0, call(scene, "total"));
    assertEquals(List.of("area", "total"), RunLog.take());

    call(a, "setUnit", "km"); // nothing the scene reads
    assertEquals(60.0, call(scene, "total"));
    assertEquals(List.of(), RunLog.take());
  }

  @Test
  void recursiveQueryRunsOncePerArgument() {
    Object fib = SHAPES.create("e2e.IncrFib", engine);
    assertEquals(BigInteger.valueOf(832040), call(fib, "fib", 30));
    List<String> runs = RunLog.take();
    assertEquals(31, runs.size());
    assertEquals(31, runs.stream().distinct().count());

    assertEquals(BigInteger.valueOf(832040), call(fib, "fib", 30));
    assertEquals(List.of(), RunLog.take());

    call(fib, "setSeed", BigInteger.TWO); // every level reads seed through fib(1) and fib(0)
    assertEquals(BigInteger.valueOf(2 * 832040), call(fib, "fib", 30));
    assertEquals(31, RunLog.take().size());
  }

  @Test
  void deepRecursionThroughAParameterizedQueryWorks() {
    Object fib = SHAPES.create("e2e.IncrFib", engine);
    BigInteger expected = BigInteger.ZERO;
    BigInteger next = BigInteger.ONE;
    for (int i = 0; i < 5000; i++) {
      BigInteger t = expected.add(next);
      expected = next;
      next = t;
    }
    assertEquals(expected, call(fib, "fib", 5000));
    // The engine may start a body again after unwinding a too-deep Java stack, but every argument
    // is computed, and once computed it is never computed again.
    assertEquals(5001, RunLog.take().stream().distinct().count());
    assertEquals(expected, call(fib, "fib", 5000));
    assertEquals(List.of(), RunLog.take());
  }

  @Test
  void severalArgumentsAndVariableArgumentsAreKeysByValue() {
    Object fib = SHAPES.create("e2e.IncrFib", engine);
    assertEquals("a1", call(fib, "pair", "a", 1));
    assertEquals("a1", call(fib, "pair", "a", 1));
    assertEquals("a2", call(fib, "pair", "a", 2));
    assertEquals(2, call(fib, "count", (Object) new String[] {"x", "y"}));
    assertEquals(2, call(fib, "count", (Object) new String[] {"x", "y"}));
    assertEquals(List.of("pair", "pair", "count"), RunLog.take());
  }

  @Test
  void nanResultDoesNotDefeatCutoff() {
    Object nan = SHAPES.create("e2e.IncrNan", engine);
    assertEquals("v=NaN", call(nan, "shown"));
    RunLog.take();
    call(nan, "setX", -2.0); // still NaN
    assertEquals("v=NaN", call(nan, "shown"));
    assertEquals(List.of("root"), RunLog.take());
  }

  private Object meter() {
    return SHAPES.create("e2e.IncrMeter", engine);
  }

  @Test
  void primitiveQueriesReRunOnlyWhenAnInputTheyReadChanges() {
    Object meter = meter();
    assertEquals(1, call(meter, "parityBit"));
    assertEquals(4L, call(meter, "perItem"));
    assertEquals(2.0, call(meter, "root"));
    assertEquals(List.of("parityBit", "perItem", "root"), RunLog.take());

    call(meter, "setUnit", "v"); // a boxed input none of them reads
    call(meter, "setCount", 3); // an equal value
    assertEquals(1, call(meter, "parityBit"));
    assertEquals(4L, call(meter, "perItem"));
    assertEquals(2.0, call(meter, "root"));
    assertEquals(List.of(), RunLog.take());

    call(meter, "setTotal", 20L);
    assertEquals(1, call(meter, "parityBit"));
    assertEquals(6L, call(meter, "perItem"));
    assertEquals(2.0, call(meter, "root"));
    assertEquals(List.of("perItem"), RunLog.take());

    call(meter, "setLevel", 9.0);
    assertEquals(1, call(meter, "parityBit"));
    assertEquals(6L, call(meter, "perItem"));
    assertEquals(3.0, call(meter, "root"));
    assertEquals(List.of("root"), RunLog.take());

    call(meter, "setCount", 4);
    assertEquals(0, call(meter, "parityBit"));
    assertEquals(5L, call(meter, "perItem"));
    assertEquals(3.0, call(meter, "root"));
    assertEquals(List.of("parityBit", "perItem"), RunLog.take());

    assertEquals(4, call(meter, "count"));
    assertEquals(20L, call(meter, "total"));
    assertEquals(9.0, call(meter, "level"));
  }

  @Test
  void earlyCutoffWorksThroughAnIntQuery() {
    Object meter = meter();
    assertEquals("odd", call(meter, "parity"));
    assertEquals(List.of("parity", "parityBit"), RunLog.take());

    call(meter, "setCount", 5); // parityBit re-runs and still returns 1: parity is cut off
    assertEquals("odd", call(meter, "parity"));
    assertEquals(List.of("parityBit"), RunLog.take());

    call(meter, "setCount", 6);
    assertEquals("even", call(meter, "parity"));
    assertEquals(List.of("parityBit", "parity"), RunLog.take());
  }

  @Test
  void aDoubleQueryReturningNanAgainIsCutOff() {
    Object meter = meter();
    call(meter, "setLevel", -1.0);
    assertEquals("r=NaN", call(meter, "rootShown"));
    assertEquals(List.of("rootShown", "root"), RunLog.take());

    call(meter, "setLevel", -2.0); // root re-runs and returns NaN again
    assertEquals("r=NaN", call(meter, "rootShown"));
    assertEquals(List.of("root"), RunLog.take());

    call(meter, "setLevel", Double.NaN);
    assertEquals("r=NaN", call(meter, "rootShown"));
    assertEquals(List.of("root"), RunLog.take());
    call(meter, "setLevel", Double.NaN); // NaN equals NaN: not a change
    assertEquals("r=NaN", call(meter, "rootShown"));
    assertEquals(List.of(), RunLog.take());
  }

  @Test
  void negativeZeroIsAChangeFromZero() {
    Object meter = meter();
    assertEquals("+0", call(meter, "zeroShown"));
    assertEquals(List.of("zeroShown", "signedZero"), RunLog.take());

    call(meter, "setLevel", -4.0); // signedZero: 0.0 becomes -0.0, a change
    assertEquals("-0", call(meter, "zeroShown"));
    assertEquals(List.of("signedZero", "zeroShown"), RunLog.take());

    call(meter, "setLevel", 0.0);
    assertEquals(0.0, call(meter, "levelCopy"));
    RunLog.take();
    call(meter, "setLevel", -0.0); // an input going from 0.0 to -0.0 changes too
    assertEquals(-0.0, call(meter, "levelCopy"));
    assertEquals(-0.0, call(meter, "level"));
    assertEquals(List.of("levelCopy"), RunLog.take());
  }

  @Test
  void aQueryThatThrowsRethrowsAndRunsAgainNextTime() {
    Object scene = SHAPES.create("e2e.IncrScene", engine);
    assertThrows(NullPointerException.class, () -> call(scene, "total"));
    call(scene, "setA", shape());
    call(scene, "setB", shape());
    assertEquals(100.0, call(scene, "total"));
  }

  @Test
  void cycleThroughParameterizedQueriesIsReportedAtRunTime() {
    CompiledClasses classes = CompiledClasses.compile(Compilations.source("e2e.Loop",
        "package e2e;",
        "import dev.incr.annotations.Query;",
        "public abstract class Loop {",
        "  @Query int f(int n) { return n == 0 ? f(1) : f(0); }",
        "}"));
    Object loop = classes.create("e2e.IncrLoop", engine);
    CycleException e = assertThrows(CycleException.class, () -> call(loop, "f", 0));
    assertEquals(List.of("Loop.f(0)", "Loop.f(1)", "Loop.f(0)"), e.cycle());
  }

  @Test
  void aClassTakingTheEngineOwnsNodesAndReadsThemInQueries() {
    Object account = OWNERS.create("good.IncrAccount",
        new Class<?>[] {Engine.class, String.class}, engine, "ann");
    assertEquals(engine, call(account, "engine"));
    assertEquals("ann: -5", call(account, "summary"));
    call(account, "setBalance", 100L); // read by 'net', a Computed field, through the getter
    assertEquals("ann: 95", call(account, "summary"));
    call(account, "setOwner", "bob");
    assertEquals("bob: 95", call(account, "summary"));
  }

  @Test
  void aConstructorWithTheEngineLastPassesItThrough() {
    Object account = OWNERS.create("good.IncrAccount",
        new Class<?>[] {String.class, long.class, Engine.class}, "cy", 50L, engine);
    assertEquals("cy: 45", call(account, "summary"));
    assertEquals(50L, call(account, "balance"));
  }

  @Test
  void aQueryReadsTheAggregateOfACollectionTheClassOwns() {
    Object trip = OWNERS.create("e2e.IncrTrip", engine);
    assertEquals(0.0, call(trip, "cost"));
    assertEquals(0L, call(trip, "legCount"));
    RunLog.take();

    call(trip, "addLeg", 10.0);
    call(trip, "addLeg", 5.0);
    assertEquals(30.0, call(trip, "cost"));
    assertEquals(2L, call(trip, "legCount"));
    assertEquals(List.of("cost", "legCount"), RunLog.take());

    call(trip, "setPricePerKm", 3.0);
    assertEquals(45.0, call(trip, "cost"));
    assertEquals(2L, call(trip, "legCount"));
    assertEquals(List.of("cost"), RunLog.take());

    call(trip, "addLeg", 0.0); // the sum stays 15: cost is cut off, the count changes
    assertEquals(45.0, call(trip, "cost"));
    assertEquals(3L, call(trip, "legCount"));
    assertEquals(List.of("legCount"), RunLog.take());

    assertEquals(true, call(trip, "removeLeg", 10.0));
    assertEquals(15.0, call(trip, "cost"));
    assertEquals(List.of("cost"), RunLog.take());
  }

  @Test
  void inputsAndQueriesOfASuperclassAreIncrementalToo() {
    Object derived = OWNERS.create("e2e.IncrDerived", engine);
    assertEquals(11, call(derived, "sum"));
    assertEquals(2, call(derived, "twiceA"));
    assertEquals(List.of("sum", "twiceA'"), RunLog.take());
    call(derived, "setB", 20);
    assertEquals(21, call(derived, "sum"));
    assertEquals(2, call(derived, "twiceA"));
    assertEquals(List.of("sum"), RunLog.take());
    call(derived, "setA", 2);
    assertEquals(22, call(derived, "sum"));
    assertEquals(4, call(derived, "twiceA"));
    assertEquals(List.of("sum", "twiceA'"), RunLog.take());
  }

  /**
   * A direct call of a setter in a query is a compile error; one the compiler cannot see (inside a
   * lambda, which might run later, here at once) still fails at run time.
   */
  @Test
  void aSetterCalledInsideAQueryFailsAndLeavesTheInputAlone() {
    CompiledClasses classes = CompiledClasses.compile(Compilations.source("e2e.Sneaky",
        "package e2e;",
        "import dev.incr.annotations.Input;",
        "import dev.incr.annotations.Query;",
        "public abstract class Sneaky {",
        "  @Input int x = 1;",
        "  @Query int bump() {",
        "    java.util.function.IntUnaryOperator set = v -> { setX(v); return v; };",
        "    return set.applyAsInt(x + 1);",
        "  }",
        "  @Query int plain() { return x; }",
        "  abstract void setX(int x);",
        "}"));
    Object sneaky = classes.create("e2e.IncrSneaky", engine);
    assertThrows(IllegalStateException.class, () -> call(sneaky, "bump"));
    assertEquals(1, call(sneaky, "x"));
    assertEquals(1, call(sneaky, "plain"));
    call(sneaky, "setX", 5);
    assertEquals(5, call(sneaky, "plain"));
  }

  @Test
  void recordArgumentsAreMemoizedByValue() {
    CompiledClasses classes = CompiledClasses.compile(
        Compilations.source("e2e.Point", "package e2e;", "public record Point(int x, int y) {}"),
        Compilations.source("e2e.Grid",
            "package e2e;",
            "import dev.incr.annotations.Input;",
            "import dev.incr.annotations.Query;",
            "import dev.incr.processor.RunLog;",
            "public abstract class Grid {",
            "  @Input int scale = 2;",
            "  @Query int at(Point p) { RunLog.ran(\"at\" + p); return scale * (p.x() + p.y()); }",
            "}"));
    Object grid = classes.create("e2e.IncrGrid", engine);
    Object p12 = classes.create("e2e.Point", new Class<?>[] {int.class, int.class}, 1, 2);
    Object p12again = classes.create("e2e.Point", new Class<?>[] {int.class, int.class}, 1, 2);
    assertEquals(6, call(grid, "at", p12));
    assertEquals(6, call(grid, "at", p12again));
    assertEquals(List.of("atPoint[x=1, y=2]"), RunLog.take());
    call(grid, "setScale", 3);
    assertEquals(9, call(grid, "at", p12again));
    assertEquals(List.of("atPoint[x=1, y=2]"), RunLog.take());
  }
}
