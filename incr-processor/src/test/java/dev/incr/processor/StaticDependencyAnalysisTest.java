package dev.incr.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which argument-less queries get a fixed dependency list, and why the others record theirs as
 * they run: each construct that can skip or repeat a node read, or hide one, keeps a query
 * dynamic, and the note {@code -Aincr.explainDependencies=true} prints names it, on its line.
 */
class StaticDependencyAnalysisTest {

  private static Compilation compilation;
  private static String generated;

  @BeforeAll
  static void compile() throws IOException {
    compilation = Compilations.compile(List.of("-Aincr.explainDependencies=true"),
        Compilations.source("deps.Other",
            "package deps;",
            "import dev.incr.annotations.Input;",
            "import dev.incr.annotations.Query;",
            "public abstract class Other {",
            "  @Input int x;",
            "  @Query public int value() { return x; }",
            "}"),
        Compilations.source("deps.Util",
            "package deps;",
            "final class Util {",
            "  static int twice(int v) { return 2 * v; }",
            "}"),
        Compilations.source("deps.Deps",
            "package deps;",
            "import dev.incr.annotations.Input;",
            "import dev.incr.annotations.Query;",
            "import java.util.function.IntSupplier;",
            "public abstract class Deps {",
            "  @Input int a;",
            "  @Input int b;",
            "  @Input String name = \"n\";",
            "  final Other other;",
            "  final Deps peer;",
            "  protected Deps(Other other, Deps peer) { this.other = other; this.peer = peer; }",
            "  abstract int b();",
            "  @Query int base() { return a + 1; }",
            "  @Query int more() { return base() * 2; }",
            // static: queries and getters called unconditionally, through a helper too
            "  @Query int sum() { return base() + b() + helper(); }",
            "  int helper() { return more() + a; }",
            // static: field reads in a branch are dependencies anyway; pure java.lang calls
            "  @Query int fieldsInBranch() { if (a > 0) { return b; } return Math.max(a, 3); }",
            "  @Query int strings() { return name.length() + Integer.parseInt(\"1\") + base(); }",
            "  @Query int repeated() { return base() + base(); }",
            "  @Query int none() { return 42; }",
            // dynamic, one construct each
            "  @Query int branch() {",
            "    if (a > 0) {",
            "      return base();",
            "    }",
            "    return 0;",
            "  }",
            "  @Query int switched() {",
            "    switch (a) {",
            "      case 1: return base();",
            "      default: return 0;",
            "    }",
            "  }",
            "  @Query int loop() {",
            "    int s = 0;",
            "    for (int i = 0; i < a; i++) {",
            "      s += base();",
            "    }",
            "    return s;",
            "  }",
            "  @Query int whileLoop() {",
            "    int s = 0;",
            "    while (s < a) {",
            "      s += more();",
            "    }",
            "    return s;",
            "  }",
            "  @Query int lambda() {",
            "    IntSupplier s = () -> base();",
            "    return s.getAsInt();",
            "  }",
            "  @Query int methodReference() {",
            "    IntSupplier s = this::base;",
            "    return s.getAsInt();",
            "  }",
            "  @Query int ternary() {",
            "    return a > 0 ? base() : 0;",
            "  }",
            "  @Query boolean and() {",
            "    return a > 0 && base() > 1;",
            "  }",
            "  @Query boolean or() {",
            "    return a > 0 || more() > 1;",
            "  }",
            "  @Query int tried() {",
            "    try {",
            "      return base();",
            "    } catch (RuntimeException e) {",
            "      return 0;",
            "    }",
            "  }",
            "  @Query int withParameter(int k) { return a + k; }",
            "  @Query int parameterQuery() {",
            "    return withParameter(3);",
            "  }",
            "  @Query int otherObject() {",
            "    return other.value();",
            "  }",
            "  @Query int peerQuery() {",
            "    return peer.base();",
            "  }",
            "  @Query int foreignStatic() {",
            "    return Util.twice(a);",
            "  }",
            "  @Query int viaBranchingHelper() { return branching(); }",
            "  int branching() {",
            "    if (a > 0) {",
            "      return more();",
            "    }",
            "    return 0;",
            "  }",
            "  @Query int helperUnderBranch() { return a > 0 ? helper() : 0; }",
            "  @Query int recursive() { return count(a); }",
            "  int count(int n) { return n <= 0 ? 0 : count(n - 1); }",
            "  @Query int earlyReturn() {",
            "    if (a < 0) {",
            "      return 0;",
            "    }",
            "    return base();",
            "  }",
            "  @Query int returnInLambda() {",
            "    IntSupplier s = () -> { return 1; };",
            "    return base();",
            "  }",
            "}"));
    assertThat(compilation).succeeded();
    generated = compilation.generatedSourceFile("deps.IncrDeps").orElseThrow()
        .getCharContent(false).toString();
  }

  /** The dependency notes on the lines of {@code deps/Deps.java} mentioning {@code query}. */
  private static List<String> notes(String query) {
    List<String> found = new ArrayList<>();
    for (Diagnostic<?> d : compilation.notes()) {
      String message = d.getMessage(Locale.ROOT);
      if (message.startsWith("incr: " + query + " ")) {
        found.add(d.getLineNumber() + ": " + message);
      }
    }
    return found;
  }

  private static void assertStatic(String query, String reads) {
    List<String> n = notes(query + "()");
    assertEquals(1, n.size(), n.toString());
    assertTrue(n.get(0).endsWith("incr: " + query + "() has compile-time dependencies: every run"
            + " reads the same nodes (the input fields it reads, and " + reads + "), so its node"
            + " checks them by index and records nothing."), n.get(0));
    assertTrue(generated.contains("return IncrDeps.super." + query + "();"), query);
  }

  private static void assertDynamic(String query, int line, String reads, String why) {
    List<String> n = notes(query + "()");
    assertEquals(List.of(line + ": incr: " + query + "() records its dependencies as it runs: "
        + reads + " " + why + "."), n);
    assertTrue(!generated.contains("return IncrDeps.super." + query + "();"), query);
  }

  @Test
  void unconditionalCallsOfQueriesAndGettersAreStatic() {
    assertStatic("base", "none");
    assertStatic("more", "base()");
    // the helper's reads at the call, in order; the getter b() is the input's node
    assertStatic("sum", "base(), b(), more()");
    assertStatic("fieldsInBranch", "none");
    assertStatic("strings", "base()");
    assertStatic("repeated", "base()");
    assertStatic("none", "none");
    // a lambda's own return leaves the lambda, not the query (the lambda reads no node)
    assertStatic("returnInLambda", "base()");
  }

  @Test
  void theStaticListHasTheFieldReadsFirstThenTheNodesInReadOrder() {
    assertTrue(generated.contains("new StaticDependencies.OfInt(1, this.aInput, this.baseQuery,"
        + " this.bInput, this.moreQuery) {"), generated);
    assertTrue(generated.contains("new StaticDependencies.OfInt(2, this.aInput, this.bInput) {"),
        generated);
    assertTrue(generated.contains("new StaticDependencies.OfInt(0) {"), generated);
  }

  @Test
  void theNodesAStaticQueryReadsAreCreatedBeforeIt() {
    int base = generated.indexOf("this.baseQuery = engine");
    int more = generated.indexOf("this.moreQuery = engine");
    int sum = generated.indexOf("this.sumQuery = engine");
    assertTrue(base >= 0 && base < more && more < sum, generated);
  }

  @Test
  void branchesKeepAQueryDynamic() {
    assertDynamic("branch", 23, "base()", "is called inside an if, switch or assert");
    assertDynamic("switched", 29, "base()", "is called inside an if, switch or assert");
    assertDynamic("viaBranchingHelper", 87, "more()", "is called inside an if, switch or assert");
  }

  @Test
  void loopsKeepAQueryDynamic() {
    assertDynamic("loop", 36, "base()", "is called inside a loop");
    assertDynamic("whileLoop", 43, "more()", "is called inside a loop");
  }

  @Test
  void lambdasAndMethodReferencesKeepAQueryDynamic() {
    String why = "is called inside a lambda, method reference or class body, which may run any"
        + " number of times";
    assertDynamic("lambda", 48, "base()", why);
    assertDynamic("methodReference", 52, "base()", why);
  }

  @Test
  void conditionalAndShortCircuitOperatorsKeepAQueryDynamic() {
    assertDynamic("ternary", 56, "base()", "is called inside a conditional expression (?:)");
    assertDynamic("and", 59, "base()",
        "is called in the right operand of && or ||, which may not be evaluated");
    assertDynamic("or", 62, "more()",
        "is called in the right operand of && or ||, which may not be evaluated");
    assertDynamic("helperUnderBranch", 91, "helper()",
        "is called inside a conditional expression (?:)");
  }

  @Test
  void aReadAfterAReturnInsideABranchKeepsAQueryDynamic() {
    assertDynamic("earlyReturn", 98, "base()",
        "is called after a return or throw inside a branch or switch, which may skip it");
  }

  @Test
  void tryKeepsAQueryDynamic() {
    assertDynamic("tried", 66, "base()",
        "is called inside a try statement, where an exception may skip it");
  }

  @Test
  void queriesWithParametersOtherObjectsAndUnknownCodeKeepAQueryDynamic() {
    String other = "is code whose reads the analysis does not follow (a method of another object,"
        + " a constructor, a static method outside the class and java.lang's pure ones)";
    assertDynamic("parameterQuery", 73, "withParameter(int)",
        "is a query with parameters, whose node depends on the arguments");
    assertDynamic("otherObject", 76, "value()", other);
    assertDynamic("peerQuery", 79, "base()", other);
    assertDynamic("foreignStatic", 82, "twice(int)", other);
    assertDynamic("recursive", 93, "count(int)", "calls itself");
  }

  @Test
  void queriesWithParametersAreNotAnalyzed() {
    assertEquals(List.of(), notes("withParameter(int)"));
  }

  @Test
  void withoutTheOptionNothingIsNoted() throws IOException {
    Compilation quiet = Compilations.compile(Compilations.good("Rect"));
    assertThat(quiet).succeededWithoutWarnings();
    for (Diagnostic<?> d : quiet.notes()) {
      assertTrue(!d.getMessage(Locale.ROOT).contains("dependencies"), d.getMessage(Locale.ROOT));
    }
  }
}
