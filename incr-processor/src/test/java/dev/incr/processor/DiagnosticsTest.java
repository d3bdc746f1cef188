package dev.incr.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.incr.processor.Compilations.compile;
import static dev.incr.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every diagnostic of the processor, one test each, asserted on its file, line and message. The
 * bad classes are named {@code Erroneous*}.
 */
class DiagnosticsTest {

  private static final String IMPORTS =
      "import dev.incr.annotations.Input; import dev.incr.annotations.Query;";

  /** Compiles {@code source}, expects exactly one error: {@code message} on the given line. */
  private static void assertOneError(JavaFileObject source, String message, String line) {
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
  }

  /** Compiles {@code source}, expects success with exactly one warning. */
  private static Compilation assertOneWarning(JavaFileObject source, String message, String line) {
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining(message).inFile(source).onLineContaining(line);
    return compilation;
  }

  // ---- the class -------------------------------------------------------------------------------

  @Test
  void finalClass() {
    JavaFileObject src = source("bad.ErroneousFinal",
        "package bad; " + IMPORTS,
        "public final class ErroneousFinal {",
        "  @Input int x;",
        "}");
    assertOneError(src, Messages.CLASS_FINAL.format("bad.ErroneousFinal"), "class ErroneousFinal");
  }

  @Test
  void finalClassMessageSaysWhatToDo() {
    JavaFileObject src = source("bad.ErroneousFinal",
        "package bad; " + IMPORTS,
        "public final class ErroneousFinal {",
        "  @Input int x;",
        "}");
    assertOneError(src, "Class bad.ErroneousFinal has @Input/@Query members, so it must not be"
        + " final: the processor generates a subclass of it. Remove 'final'.",
        "class ErroneousFinal");
  }

  @Test
  void classNotAbstract() {
    JavaFileObject src = source("bad.ErroneousConcrete",
        "package bad; " + IMPORTS,
        "public class ErroneousConcrete {",
        "  @Query int q() { return 1; }",
        "}");
    assertOneError(src,
        Messages.CLASS_NOT_ABSTRACT.format("bad.ErroneousConcrete", "IncrErroneousConcrete"),
        "class ErroneousConcrete");
  }

  @Test
  void privateClass() {
    JavaFileObject src = source("bad.ErroneousOuter",
        "package bad; " + IMPORTS,
        "public class ErroneousOuter {",
        "  private abstract static class Hidden {",
        "    @Input int x;",
        "  }",
        "}");
    assertOneError(src,
        Messages.CLASS_PRIVATE.format("bad.ErroneousOuter.Hidden", "IncrErroneousOuter_Hidden"),
        "class Hidden");
  }

  @Test
  void nonStaticInnerClass() {
    JavaFileObject src = source("bad.ErroneousOuter",
        "package bad; " + IMPORTS,
        "public class ErroneousOuter {",
        "  abstract class Inner {",
        "    @Input int x;",
        "  }",
        "}");
    assertOneError(src,
        Messages.CLASS_INNER.format("bad.ErroneousOuter.Inner", "IncrErroneousOuter_Inner"),
        "abstract class Inner");
  }

  @Test
  void interfaceInsteadOfClass() {
    JavaFileObject src = source("bad.ErroneousInterface",
        "package bad; " + IMPORTS,
        "public interface ErroneousInterface {",
        "  @Query default int q() { return 1; }",
        "}");
    assertOneError(src,
        Messages.CLASS_NOT_A_CLASS.format("bad.ErroneousInterface", "an interface"),
        "interface ErroneousInterface");
  }

  @Test
  void noAccessibleConstructor() {
    JavaFileObject src = source("bad.ErroneousConstructor",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousConstructor {",
        "  private ErroneousConstructor() {}",
        "  @Input int x;",
        "}");
    assertOneError(src,
        Messages.CLASS_NO_CONSTRUCTOR.format("bad.ErroneousConstructor",
            "IncrErroneousConstructor"),
        "public abstract class ErroneousConstructor");
  }

  @Test
  void abstractMethodTheGeneratedClassCannotImplement() {
    JavaFileObject src = source("bad.ErroneousAbstract",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousAbstract {",
        "  @Input int x;",
        "  abstract String y();",
        "}");
    assertOneError(src,
        Messages.ABSTRACT_METHOD_NOT_GENERATED.format("java.lang.String y()",
            "bad.ErroneousAbstract"),
        "abstract String y()");
  }

  @Test
  void abstractGetterOfTheWrongTypeClashes() {
    JavaFileObject src = source("bad.ErroneousGetterType",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousGetterType {",
        "  @Input int x;",
        "  abstract long x();",
        "}");
    assertOneError(src,
        Messages.ACCESSOR_CLASH.format("getter", "x()", "x", "long x()",
            "bad.ErroneousGetterType", "int x()"),
        "@Input int x;");
  }

  // ---- @Input fields ---------------------------------------------------------------------------

  @Test
  void privateInput() {
    JavaFileObject src = source("bad.ErroneousPrivateInput",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousPrivateInput {",
        "  @Input private int x;",
        "}");
    assertOneError(src, Messages.INPUT_PRIVATE.format("x"), "@Input private int x;");
  }

  @Test
  void finalInput() {
    JavaFileObject src = source("bad.ErroneousFinalInput",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousFinalInput {",
        "  @Input final int x = 1;",
        "}");
    assertOneError(src, Messages.INPUT_FINAL.format("x"), "@Input final int x");
  }

  @Test
  void staticInput() {
    JavaFileObject src = source("bad.ErroneousStaticInput",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousStaticInput {",
        "  @Input static int x;",
        "}");
    assertOneError(src, Messages.INPUT_STATIC.format("x"), "@Input static int x;");
  }

  @Test
  void identityOnAPrimitiveInput() {
    JavaFileObject src = source("bad.ErroneousIdentity",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousIdentity {",
        "  @Input(equality = Input.Equality.IDENTITY) int count;",
        "  @Input(equality = Input.Equality.IDENTITY) Integer boxed;", // fine: a reference
        "}");
    assertOneError(src, Messages.INPUT_IDENTITY_PRIMITIVE.format("count", "int"), "int count;");
  }

  @Test
  void inputAssignedOutsideConstructors() {
    JavaFileObject src = source("bad.ErroneousAssignment",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousAssignment {",
        "  @Input int x;",
        "  ErroneousAssignment() { x = 1; this.x++; }", // fine: a constructor
        "  { x = 2; }", // fine: an initializer
        "  void reset() {",
        "    int y = 0;",
        "    this.x = y;",
        "  }",
        "}");
    assertOneError(src, Messages.INPUT_ASSIGNED.format("x", "setX(...)", "setX(int x)"),
        "this.x = y;");
  }

  @Test
  void inputIncrementedInALambdaOfAMethod() {
    JavaFileObject src = source("bad.ErroneousIncrement",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousIncrement {",
        "  @Input int x;",
        "  Runnable bump() {",
        "    return () -> x += 2;",
        "  }",
        "}");
    assertOneError(src, Messages.INPUT_ASSIGNED.format("x", "setX(...)", "setX(int x)"),
        "x += 2");
  }

  @Test
  void inputAssignedInALambdaMadeInAConstructor() {
    JavaFileObject src = source("bad.ErroneousDeferredReset",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousDeferredReset {",
        "  @Input int x;",
        "  final Runnable reset;",
        "  ErroneousDeferredReset() {",
        "    x = 1;", // fine: runs during construction
        "    reset = () -> x = 0;",
        "  }",
        "}");
    assertOneError(src, Messages.INPUT_ASSIGNED.format("x", "setX(...)", "setX(int x)"),
        "reset = () -> x = 0;");
  }

  @Test
  void collectionHeldByAnInputChangedInPlace() {
    JavaFileObject src = source("bad.ErroneousInPlace",
        "package bad; " + IMPORTS,
        "import java.util.*;",
        "public abstract class ErroneousInPlace {",
        "  @Input List<String> items = new ArrayList<>();",
        "  ErroneousInPlace() { items.add(\"first\"); }", // fine: before the node is made
        "  void add(String s) {",
        "    List<String> copy = new ArrayList<>(items);", // fine: a copy
        "    copy.add(s);",
        "    this.items.add(s);",
        "  }",
        "  @SuppressWarnings(\"incr-untracked\") void clear() { items.clear(); }",
        "  @Query int size() { return items.size(); }",
        "}");
    assertOneWarning(src,
        Messages.INPUT_CONTENTS_CHANGED.format("items", "add(...)", "items", "setItems(...)"),
        "this.items.add(s);");
  }

  @Test
  void arrayAndMapHeldByAnInputChangedInPlaceFromAnotherClass() {
    JavaFileObject grid = source("bad.Grid",
        "package bad; " + IMPORTS,
        "public abstract class Grid {",
        "  @Input int[][] cells = new int[2][2];",
        "  @Input java.util.Map<String, Integer> names = new java.util.HashMap<>();",
        "}");
    JavaFileObject user = source("bad.ErroneousGridUser",
        "package bad;",
        "class ErroneousGridUser {",
        "  void go(Grid g) {",
        "    g.cells[0][1] += 2;",
        "    g.names.put(\"a\", 1);",
        "  }",
        "}");
    Compilation compilation = compile(grid, user);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(2);
    assertThat(compilation).hadWarningContaining(Messages.INPUT_CONTENTS_CHANGED.format(
            "cells", "an element assignment", "cells", "setCells(...)"))
        .inFile(user).onLineContaining("g.cells[0][1] += 2;");
    assertThat(compilation).hadWarningContaining(Messages.INPUT_CONTENTS_CHANGED.format(
            "names", "put(...)", "names", "setNames(...)"))
        .inFile(user).onLineContaining("g.names.put");
  }

  @Test
  void inputAssignedFromAnotherClass() {
    JavaFileObject shape = source("bad.Shape",
        "package bad; " + IMPORTS,
        "public abstract class Shape {",
        "  @Input int x;",
        "}");
    JavaFileObject user = source("bad.ErroneousUser",
        "package bad;",
        "class ErroneousUser {",
        "  ErroneousUser(Shape shape) {",
        "    shape.x = 3;",
        "  }",
        "}");
    Compilation compilation = compile(shape, user);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Messages.INPUT_ASSIGNED.format("x", "setX(...)", "setX(int x)"))
        .inFile(user).onLineContaining("shape.x = 3;");
  }

  @Test
  void inputAssignedOnAnotherObjectInAConstructor() {
    JavaFileObject src = source("bad.ErroneousOther",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousOther {",
        "  @Input int x;",
        "  ErroneousOther(ErroneousOther other) {",
        "    other.x = 1;",
        "  }",
        "}");
    assertOneError(src, Messages.INPUT_ASSIGNED.format("x", "setX(...)", "setX(int x)"),
        "other.x = 1;");
  }

  @Test
  void inputAssignedInASubclassConstructorIsFine() {
    JavaFileObject base = source("good.Base",
        "package good; " + IMPORTS,
        "public abstract class Base {",
        "  @Input int x;",
        "}");
    JavaFileObject derived = source("good.Derived",
        "package good;",
        "public abstract class Derived extends Base {",
        "  Derived() { x = 2; this.x += 1; }",
        "}");
    assertThat(compile(base, derived)).succeededWithoutWarnings();
  }

  @Test
  void accessorClashesWithAnExistingMethod() {
    JavaFileObject src = source("bad.ErroneousClash",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousClash {",
        "  @Input int size;",
        "  void setSize(int size, boolean force) {}", // other arity: no clash
        "  public void setSize(long size) {}",
        "}");
    assertOneError(src,
        Messages.ACCESSOR_CLASH.format("setter", "setSize(int)", "size", "void setSize(long)",
            "bad.ErroneousClash", "void setSize(int size)"),
        "@Input int size;");
  }

  @Test
  void accessorClashesWithAQuery() {
    JavaFileObject src = source("bad.ErroneousQueryClash",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousQueryClash {",
        "  @Input int count;",
        "  @Query int count() { return count; }",
        "}");
    assertOneError(src,
        Messages.ACCESSOR_CLASH.format("getter", "count()", "count", "int count()",
            "bad.ErroneousQueryClash", "int count()"),
        "@Input int count;");
  }

  // ---- @Query methods --------------------------------------------------------------------------

  @Test
  void privateQuery() {
    JavaFileObject src = source("bad.ErroneousPrivateQuery",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousPrivateQuery {",
        "  @Query private int q() { return 1; }",
        "}");
    assertOneError(src, Messages.QUERY_PRIVATE.format("q()"), "private int q()");
  }

  @Test
  void finalQuery() {
    JavaFileObject src = source("bad.ErroneousFinalQuery",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousFinalQuery {",
        "  @Query final int q() { return 1; }",
        "}");
    assertOneError(src, Messages.QUERY_FINAL.format("q()"), "final int q()");
  }

  @Test
  void staticQuery() {
    JavaFileObject src = source("bad.ErroneousStaticQuery",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousStaticQuery {",
        "  @Query static int q() { return 1; }",
        "}");
    assertOneError(src, Messages.QUERY_STATIC.format("q()"), "static int q()");
  }

  @Test
  void voidQuery() {
    JavaFileObject src = source("bad.ErroneousVoidQuery",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousVoidQuery {",
        "  @Query void q() {}",
        "}");
    assertOneError(src, Messages.QUERY_VOID.format("q()"), "void q()");
  }

  @Test
  void abstractQuery() {
    JavaFileObject src = source("bad.ErroneousAbstractQuery",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousAbstractQuery {",
        "  @Query abstract int q();",
        "}");
    assertOneError(src, Messages.QUERY_ABSTRACT.format("q()"), "abstract int q()");
  }

  @Test
  void genericQuery() {
    JavaFileObject src = source("bad.ErroneousGenericQuery",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousGenericQuery {",
        "  @Query <T> T q(T t) { return t; }",
        "}");
    assertOneError(src, Messages.QUERY_TYPE_PARAMETERS.format("q(T)"), "<T> T q(T t)");
  }

  @Test
  void queryThrowingACheckedException() {
    JavaFileObject src = source("bad.ErroneousThrows",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousThrows {",
        "  @Query int q() throws java.io.IOException { return 1; }",
        "}");
    assertOneError(src, Messages.QUERY_CHECKED_EXCEPTION.format("q()", "java.io.IOException"),
        "int q() throws");
  }

  @Test
  void checkedExceptionNamesTheOverloadThatThrowsIt() {
    JavaFileObject src = source("bad.ErroneousOverloads",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousOverloads {",
        "  @Input int x;",
        "  @Query int read() { return x; }",
        "  @Query int read(int i) throws java.io.IOException { return x + i; }",
        "  @Query String read(java.util.List<String> s, int... rest) { return s.get(x); }",
        "}");
    assertOneError(src,
        Messages.QUERY_CHECKED_EXCEPTION.format("read(int)", "java.io.IOException"),
        "int read(int i)");
  }

  @Test
  void everyMessageAboutAMethodNamesItsParameterTypes() {
    JavaFileObject src = source("bad.ErroneousOverloadedFinal",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousOverloadedFinal {",
        "  @Query int read() { return 1; }",
        "  @Query final String read(java.util.List<String> s, int... rest) { return s.get(0); }",
        "}");
    assertOneError(src, Messages.QUERY_FINAL.format("read(List<String>, int...)"),
        "final String read(");
  }

  @Test
  void maxEntriesBelowOne() {
    JavaFileObject src = source("bad.ErroneousMaxEntries",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousMaxEntries {",
        "  @Query(maxEntries = 0) int q(int n) { return n; }",
        "}");
    assertOneError(src, Messages.QUERY_MAX_ENTRIES_TOO_SMALL.format("q(int)", 0), "int q(");
  }

  @Test
  void maxEntriesOnAQueryWithoutParameters() {
    JavaFileObject src = source("bad.ErroneousMaxEntriesNoParameters",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousMaxEntriesNoParameters {",
        "  @Input int x;",
        "  @Query(maxEntries = 10) int q() { return x; }",
        "}");
    assertOneError(src, Messages.QUERY_MAX_ENTRIES_WITHOUT_PARAMETERS.format("q()"), "int q()");
  }

  @Test
  void lruBelowOne() {
    JavaFileObject src = source("bad.ErroneousLru",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousLru {",
        "  @Input String x;",
        "  @Query(lru = -3) String q() { return x; }",
        "}");
    assertOneError(src, Messages.QUERY_LRU_TOO_SMALL.format("q()", -3), "String q()");
  }

  @Test
  void lruOnAQueryWithParameters() {
    JavaFileObject src = source("bad.ErroneousLruWithParameters",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousLruWithParameters {",
        "  @Query(lru = 10) String q(int n) { return \"\" + n; }",
        "}");
    assertOneError(src, Messages.QUERY_LRU_WITH_PARAMETERS.format("q(int)"), "String q(");
  }

  @Test
  void lruOnAQueryReturningAnUnboxedNumber() {
    JavaFileObject src = source("bad.ErroneousLruUnboxed",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousLruUnboxed {",
        "  @Input long x;",
        "  @Query(lru = 10) long q() { return x; }",
        "}");
    assertOneError(src, Messages.QUERY_LRU_UNBOXED.format("q()", "long"), "long q()");
  }

  @Test
  void cycleOfArgumentlessQueries() {
    JavaFileObject src = source("bad.ErroneousCycle",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousCycle {",
        "  @Query int a() { return b() + 1; }",
        "  @Query int b() { return helper(); }",
        "  int helper() { return this.c(); }",
        "  @Query int c() { return a(); }",
        "  @Query int d(int n) { return n == 0 ? 0 : d(n - 1); }", // recursion with arguments: fine
        "}");
    assertOneError(src, Messages.QUERY_CYCLE.format("a() -> b() -> c() -> a()"), "int a()");
  }

  @Test
  void cycleClosedByAnOverrideWithoutTheAnnotation() {
    JavaFileObject base = source("bad.CycleBase",
        "package bad; " + IMPORTS,
        "public abstract class CycleBase {",
        "  @Input int x;",
        "  @Query int a() { return b() + 1; }",
        "  @Query int b() { return x; }",
        "}");
    JavaFileObject derived = source("bad.ErroneousCycleOverride",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousCycleOverride extends CycleBase {",
        "  @Input int y;",
        "  @Override int b() { return a() + y; }", // still a query, and it calls a()
        "}");
    Compilation compilation = compile(base, derived);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(Messages.QUERY_CYCLE.format("a() -> b() -> a()"))
        .inFile(base).onLineContaining("int a()");
  }

  @Test
  void aCallToAnOverrideWithoutTheAnnotationIsACallToTheQuery() {
    JavaFileObject base = source("bad.CycleBase2",
        "package bad; " + IMPORTS,
        "public abstract class CycleBase2 {",
        "  @Input int x;",
        "  @Query int b() { return x; }",
        "}");
    JavaFileObject derived = source("bad.ErroneousCycleOverride2",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousCycleOverride2 extends CycleBase2 {",
        "  @Input int y;",
        "  @Query int c() { return b(); }", // names the override below: still the query b()
        "  @Override int b() { return c() + y; }",
        "}");
    Compilation compilation = compile(base, derived);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(Messages.QUERY_CYCLE.format("b() -> c() -> b()"))
        .inFile(base).onLineContaining("int b()");
  }

  @Test
  void twoSeparateCyclesAreEachReportedOnce() {
    JavaFileObject src = source("bad.ErroneousCycles",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousCycles {",
        "  @Query int a() { return b(); }",
        "  @Query int b() { return a() + c(); }",
        "  @Query int c() { return 1; }",
        "  @Query int x() { return y() + x2(); }",
        "  @Query int y() { return x(); }",
        "  @Query int x2() { return y(); }",
        "}");
    Compilation compilation = compile(src);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(Messages.QUERY_CYCLE.format("a() -> b() -> a()"))
        .inFile(src).onLineContaining("int a()");
    assertThat(compilation).hadErrorContaining(Messages.QUERY_CYCLE.format("x() -> y() -> x()"))
        .inFile(src).onLineContaining("int x()");
  }

  @Test
  void queryCallingItself() {
    JavaFileObject src = source("bad.ErroneousSelf",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousSelf {",
        "  @Query int a() { return 1 + a(); }",
        "}");
    assertOneError(src, Messages.QUERY_CYCLE.format("a() -> a()"), "int a()");
  }

  @Test
  void untrackedMutableField() {
    JavaFileObject src = source("bad.ErroneousUntracked",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousUntracked {",
        "  int counter;",
        "  final int constant = 3;",
        "  @Query int q() { return counter + constant; }",
        "}");
    assertOneWarning(src,
        Messages.UNTRACKED_READ.format("q()", "field ErroneousUntracked.counter",
            "a field that is neither final nor @Input"),
        "int q()");
  }

  @Test
  void untrackedMutableStaticThroughAHelper() {
    JavaFileObject src = source("bad.ErroneousStatic",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousStatic {",
        "  static int global;",
        "  @Query int q() { return helper(); }",
        "  int helper() { return global; }",
        "}");
    // On the line of the read, in the helper the query calls.
    assertOneWarning(src,
        Messages.UNTRACKED_READ.format("q()", "field ErroneousStatic.global",
            "a static field that is not final"),
        "int helper()");
  }

  @Test
  void untrackedReadIsReportedOnTheLineOfTheRead() {
    JavaFileObject src = source("bad.ErroneousUntrackedLine",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousUntrackedLine {",
        "  int counter;",
        "  @Input int x;",
        "  @Query",
        "  int q() {",
        "    int a = x * 2;",
        "    return a + counter;",
        "  }",
        "}");
    assertOneWarning(src,
        Messages.UNTRACKED_READ.format("q()", "field ErroneousUntrackedLine.counter",
            "a field that is neither final nor @Input"),
        "return a + counter;");
  }

  @Test
  void callingTheGeneratedSetterInAQueryIsAnError() {
    JavaFileObject src = source("bad.ErroneousSetterInQuery",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousSetterInQuery {",
        "  @Input int count;",
        "  abstract void setCount(int count);",
        "  @Query",
        "  int next() {",
        "    setCount(count + 1);",
        "    return count;",
        "  }",
        "}");
    assertOneError(src,
        Messages.SETTER_IN_QUERY.format("setCount(int)", "ErroneousSetterInQuery.count",
            "next()", "count"),
        "setCount(count + 1);");
  }

  @Test
  void callingAGeneratedSetterFromCodeAQueryCallsIsAnError() {
    JavaFileObject counter = source("bad.Counter",
        "package bad; " + IMPORTS,
        "public abstract class Counter {",
        "  @Input int count;",
        "}");
    JavaFileObject src = source("bad.ErroneousSetterInHelper",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousSetterInHelper {",
        "  @Input IncrCounter counter;",
        "  @Input int step = 1;",
        "  abstract void setStep(int step);",
        "  @Query int total(int times) { return bump(times) + step; }",
        "  int bump(int times) {",
        "    counter.setCount(times);",
        "    return times;",
        "  }",
        "  @Query Runnable later() { return () -> setStep(2); }", // runs later: fine
        "}");
    Compilation compilation = compile(counter, src);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Messages.SETTER_IN_QUERY.format("setCount(int)", "Counter.count",
            "total(int)", "count"))
        .inFile(src).onLineContaining("counter.setCount(times);");
  }

  @Test
  void inputsInALocalClassAreAnError() {
    JavaFileObject src = source("bad.ErroneousLocal",
        "package bad; " + IMPORTS,
        "public class ErroneousLocal {",
        "  static Object make() {",
        "    abstract class Local {",
        "      @Input int x;",
        "    }",
        "    return null;",
        "  }",
        "}");
    assertOneError(src, Messages.CLASS_LOCAL.format("Local class Local"),
        "abstract class Local");
  }

  @Test
  void queriesInAnAnonymousClassAreAnError() {
    JavaFileObject src = source("bad.ErroneousAnonymous",
        "package bad; " + IMPORTS,
        "public class ErroneousAnonymous {",
        "  static Object make() {",
        "    return new Object() {",
        "      @Query int q() { return 1; }",
        "    };",
        "  }",
        "}");
    assertOneError(src, Messages.CLASS_LOCAL.format("An anonymous class"),
        "return new Object() {");
  }

  @Test
  void untrackedReadIsSuppressible() {
    JavaFileObject src = source("bad.Suppressed",
        "package bad; " + IMPORTS,
        "public abstract class Suppressed {",
        "  int counter;",
        "  static int global;",
        "  @SuppressWarnings(\"incr-untracked\") @Query int q() { return counter; }",
        "  @Query int r() { return helper(); }",
        "  @SuppressWarnings(\"incr-untracked\") int helper() { return global; }",
        "}");
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void inputOfAnotherObjectReadDirectly() {
    JavaFileObject src = source("bad.ErroneousForeign",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousForeign {",
        "  @Input int x;",
        "  @Input ErroneousForeign other;",
        "  @Query int q() { return other.x; }",
        "}");
    assertOneWarning(src,
        Messages.FOREIGN_INPUT_READ.format("q()", "ErroneousForeign.x", "x", "ErroneousForeign"),
        "int q()");
  }

  @Test
  void inputOfAnotherIncrementalClassReadDirectly() {
    JavaFileObject price = source("bad.Price",
        "package bad; " + IMPORTS,
        "public abstract class Price {",
        "  @Input int cents = 100;",
        "  abstract int cents();",
        "}");
    JavaFileObject cart = source("bad.ErroneousCart",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousCart {",
        "  @Input Price price;",
        "  @Input int qty = 2;",
        "  @Query int total() { return price.cents * qty; }",
        "  @Query int viaGetter() { return price.cents() * qty; }", // fine: tracked
        "}");
    Compilation compilation = compile(price, cart);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            Messages.FOREIGN_INPUT_READ.format("total()", "Price.cents", "cents", "Price"))
        .inFile(cart).onLineContaining("int total()");
  }

  @Test
  void inputOfAnotherIncrementalClassReadThroughItsHelper() {
    JavaFileObject price = source("bad.TaxedPrice",
        "package bad; " + IMPORTS,
        "public abstract class TaxedPrice {",
        "  @Input int cents = 100;",
        "  int plusTax() { return cents + 1; }",
        "  @Query int doubled() { return cents * 2; }",
        "}");
    JavaFileObject cart = source("bad.ErroneousTaxedCart",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousTaxedCart {",
        "  @Input TaxedPrice price;",
        "  @Input IncrTaxedPrice generated;",
        "  @Query int total() { return price.plusTax() + price.doubled(); }",
        "  @Query int viaGenerated() { return generated.doubled() + generated.cents(); }",
        "}");
    Compilation compilation = compile(price, cart);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(Messages.FOREIGN_INPUT_READ_VIA.format("total()", "plusTax()",
            "plusTax()", "TaxedPrice.cents", "plusTax()", "cents", "TaxedPrice", "total()"))
        .inFile(cart).onLineContaining("int total()");
  }

  @Test
  void inputReadOutsideIncrementalClasses() {
    JavaFileObject price = source("bad.ListPrice",
        "package bad; " + IMPORTS,
        "public abstract class ListPrice {",
        "  @Input int cents = 100;",
        "}");
    JavaFileObject helper = source("bad.ErroneousPriceHelper",
        "package bad;",
        "class ErroneousPriceHelper {",
        "  static int twice(ListPrice p) {",
        "    return p.cents * 2;",
        "  }",
        "  @SuppressWarnings(\"incr-untracked\") static int quiet(ListPrice p) { return p.cents; }",
        "  static void reset(ListPrice p) { p.cents = 0; }", // an error of its own, not a read
        "}");
    Compilation compilation = compile(price, helper);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            Messages.INPUT_READ_OUTSIDE.format("ListPrice.cents", "cents", "ListPrice"))
        .inFile(helper).onLineContaining("return p.cents * 2;");
  }

  @Test
  void inputOfAnotherObjectReadThroughAHelper() {
    JavaFileObject src = source("bad.ErroneousForeignHelper",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousForeignHelper {",
        "  @Input int x;",
        "  int raw() { return plusOne(); }",
        "  int plusOne() { return x + 1; }",
        "  @Query int q(ErroneousForeignHelper other) { return x + other.raw(); }",
        "}");
    assertOneWarning(src,
        Messages.FOREIGN_INPUT_READ_VIA.format("q(ErroneousForeignHelper)", "raw()", "raw()",
            "ErroneousForeignHelper.x", "raw()", "x", "ErroneousForeignHelper",
            "q(ErroneousForeignHelper)"),
        "int q(");
  }

  @Test
  void aHelperOnAnotherObjectThatReadsThroughTheGetterIsTracked() {
    JavaFileObject src = source("good.ForeignViaGetter",
        "package good; " + IMPORTS,
        "public abstract class ForeignViaGetter {",
        "  @Input int x;",
        "  abstract int x();",
        "  int raw() { return x(); }",
        "  @Query int q(ForeignViaGetter other) { return x + other.raw(); }",
        "  @SuppressWarnings(\"incr-untracked\")",
        "  @Query int r(ForeignViaGetter other) { return other.plain(); }",
        "  int plain() { return x; }",
        "}");
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void lambdaInAFieldInitializerThatReadsAnInput() {
    JavaFileObject src = source("bad.ErroneousDeferredLambda",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousDeferredLambda {",
        "  @Input int x;",
        "  @Input int y;",
        "  final java.util.function.IntSupplier sum =",
        "      () -> y + x;",
        "  @Query int q() { return sum.getAsInt(); }",
        "}");
    assertOneWarning(src,
        Messages.DEFERRED_INPUT_READ.format("lambda", "x, y", "the initializer of field sum",
            "x, y", "abstract int x();", "the field"),
        "() -> y + x");
  }

  @Test
  void lambdaInAFieldInitializerThatReadsAnotherObjectsInput() {
    JavaFileObject src = source("bad.ErroneousDeferredForeign",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousDeferredForeign {",
        "  @Input int x;",
        "  @Input ErroneousDeferredForeign other;",
        "  final java.util.function.IntSupplier theirs = () -> other.x;",
        "}");
    assertOneWarning(src,
        Messages.DEFERRED_INPUT_READ.format("lambda", "other, x",
            "the initializer of field theirs", "other, x",
            "abstract bad.ErroneousDeferredForeign other();", "the field"),
        "() -> other.x");
  }

  @Test
  void methodReferenceInAConstructorThatReadsAnInputThroughAHelper() {
    JavaFileObject src = source("bad.ErroneousDeferredReference",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousDeferredReference {",
        "  @Input String name = \"n\";",
        "  final java.util.function.Supplier<String> label;",
        "  ErroneousDeferredReference() {",
        "    label = this::shout;",
        "  }",
        "  String shout() { return name.toUpperCase(); }",
        "  @Query String q() { return label.get(); }",
        "}");
    assertOneWarning(src,
        Messages.DEFERRED_INPUT_READ.format("method reference", "name",
            "the constructor of ErroneousDeferredReference", "name",
            "abstract java.lang.String name();", "the constructor"),
        "label = this::shout");
  }

  @Test
  void anonymousClassInAnInitializerBlockThatReadsAnInput() {
    JavaFileObject src = source("bad.ErroneousDeferredAnonymous",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousDeferredAnonymous {",
        "  @Input int x;",
        "  java.util.function.IntSupplier reader;",
        "  {",
        "    reader = new java.util.function.IntSupplier() {",
        "      @Override public int getAsInt() { return x; }",
        "    };",
        "  }",
        "  @SuppressWarnings(\"incr-untracked\") @Query int q() { return reader.getAsInt(); }",
        "}");
    assertOneWarning(src,
        Messages.DEFERRED_INPUT_READ.format("anonymous class", "x",
            "an initializer block of ErroneousDeferredAnonymous", "x", "abstract int x();",
            "the class"),
        "reader = new java.util.function.IntSupplier()");
  }

  @Test
  void deferredCodeThatReadsOnlyGettersAndQueriesOrIsSuppressedIsFine() {
    JavaFileObject src = source("good.DeferredFine",
        "package good; " + IMPORTS,
        "public abstract class DeferredFine {",
        "  @Input int x;",
        "  final int initial = x;", // read once, at construction: not deferred
        "  abstract int x();",
        "  final java.util.function.IntSupplier viaGetter = () -> x() + twice();",
        "  @SuppressWarnings(\"incr-untracked\")",
        "  final java.util.function.IntSupplier deliberate = () -> x;",
        "  static final java.util.function.IntUnaryOperator STATIC = v -> v + 1;",
        "  @Query int twice() { return 2 * x; }",
        "  @Query int q() { return viaGetter.getAsInt() + deliberate.getAsInt(); }",
        "}");
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void withoutSourceTreesEveryQueryReadsEveryInputWithANote() {
    JavaFileObject src = source("good.NoTrees",
        "package good; " + IMPORTS,
        "public abstract class NoTrees {",
        "  @Input int x;",
        "  @Input int y;",
        "  @Query int q() { return x; }",
        "}");
    Compilation compilation = compile(List.of("-Aincr.sourceTrees=false"), src);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining(Messages.NO_SOURCE_TREES.format("good.NoTrees"))
        .inFile(src).onLineContaining("class NoTrees");
    assertThat(compilation).generatedSourceFile("good.IncrNoTrees")
        .contentsAsUtf8String().contains("this.xInput.getAsInt();\n      this.yInput.getAsInt();");
  }

  @Test
  void aHelperCompiledEarlierMakesTheQueryDependOnEveryInputWithANote(@TempDir Path dir) {
    JavaFileObject base = source("lib.Base",
        "package lib;",
        "public abstract class Base {",
        "  protected int helper() { return 1; }",
        "}");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertTrue(javac.getTask(null, null, null, List.of("-d", dir.toString()), null, List.of(base))
        .call());
    JavaFileObject src = source("good.UsesLib",
        "package good; " + IMPORTS,
        "public abstract class UsesLib extends lib.Base {",
        "  @Input int x;",
        "  @Input int y;",
        "  @Query int q() { return helper() + x; }",
        "}");
    List<File> classpath = new ArrayList<>();
    classpath.add(dir.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    Compilation compilation = javac()
        .withProcessors(Compilations.processors())
        .withClasspath(classpath)
        .compile(src);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadNoteContaining(Messages.SOURCE_NOT_SEEN.format("Base.helper()", "q()", "q()"))
        .inFile(src).onLineContaining("int q()");
    assertThat(compilation).generatedSourceFile("good.IncrUsesLib")
        .contentsAsUtf8String().contains("this.xInput.getAsInt();\n      this.yInput.getAsInt();");
  }

  /**
   * A helper class compiled alone, against an incremental class compiled earlier: no annotation in
   * the compilation, and the processor still checks it.
   */
  @Test
  void aHelperCompiledAloneIsCheckedToo(@TempDir Path dir) {
    JavaFileObject price = source("lib.Price",
        "package lib; " + IMPORTS,
        "public abstract class Price {",
        "  @Input public int cents = 100;",
        "}");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertTrue(javac.getTask(null, null, null, List.of("-d", dir.toString(), "-proc:none"), null,
        List.of(price)).call());
    JavaFileObject helper = source("app.ErroneousReset",
        "package app;",
        "class ErroneousReset {",
        "  static void reset(lib.Price p) {",
        "    p.cents = 0;",
        "  }",
        "}");
    List<File> classpath = new ArrayList<>();
    classpath.add(dir.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    Compilation compilation = javac()
        .withProcessors(Compilations.processors())
        .withClasspath(classpath)
        .compile(helper);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Messages.INPUT_ASSIGNED.format("cents", "setCents(...)",
            "setCents(int cents)"))
        .inFile(helper).onLineContaining("p.cents = 0;");
  }

  @Test
  void missingTypeIsReportedWhenProcessingEnds() {
    JavaFileObject src = source("bad.ErroneousMissing",
        "package bad; " + IMPORTS,
        "public abstract class ErroneousMissing {",
        "  @Input NoSuchType x;",
        "}");
    Compilation compilation = compile(src);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(Messages.MISSING_TYPES.format(
            "bad.IncrErroneousMissing", "bad.ErroneousMissing", "NoSuchType"))
        .inFile(src).onLineContaining("class ErroneousMissing");
  }

  @Test
  void oneBadClassDoesNotStopTheOthers(@TempDir Path dir) throws IOException {
    JavaFileObject bad = source("bad.ErroneousFinal",
        "package bad; " + IMPORTS,
        "public final class ErroneousFinal {",
        "  @Input int x;",
        "}");
    JavaFileObject good = source("bad.Fine",
        "package bad; " + IMPORTS,
        "public abstract class Fine {",
        "  @Input int x;",
        "}");
    assertThat(compile(bad, good)).hadErrorCount(1);
    // compile-testing hides the generated files of a failed compilation: run javac directly.
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(dir.toFile()));
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(dir.toFile()));
      JavaCompiler.CompilationTask task = javac.getTask(
          null, files, diagnostics, List.of("-proc:only"), null, List.of(bad, good));
      task.setProcessors(Compilations.processors());
      assertFalse(task.call());
    }
    assertTrue(Files.exists(dir.resolve("bad/IncrFine.java")),
        "IncrFine is generated although ErroneousFinal has an error");
    assertFalse(Files.exists(dir.resolve("bad/IncrErroneousFinal.java")));
  }
}
