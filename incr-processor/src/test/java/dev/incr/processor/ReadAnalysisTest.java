package dev.incr.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which input fields the compile-time scan finds for each query, read off the generated
 * computations: the {@code this.xInput.getAsInt();} lines before the computation's {@code return
 * super.query(...)}.
 */
class ReadAnalysisTest {

  private static String generated;

  @BeforeAll
  static void compile() throws IOException {
    Compilation compilation = Compilations.compile(Compilations.source("reads.Doubler",
        "package reads;",
        "public interface Doubler {",
        "  int base();",
        "  default int doubled() { return base() * 2; }",
        "  default int tripled() { return base() * 3; }",
        "}"), Compilations.source("reads.Reads",
        "package reads;",
        "import dev.incr.annotations.Input;",
        "import dev.incr.annotations.Query;",
        "import java.util.function.IntSupplier;",
        "public abstract class Reads implements Doubler {",
        "  @Input int a;",
        "  @Input int b;",
        "  @Input int c;",
        "  @Input int d;",
        "  @Query int direct() { return a + this.b; }",
        "  @Query int none() { return 42; }",
        "  @Query int parameterShadows(int a) { return a + c; }",
        "  @Query int localShadows() { int b = 3; return b + d; }",
        "  @Query int lambda() { IntSupplier s = () -> c; return s.getAsInt(); }",
        "  @Query int anonymous() {",
        "    return new IntSupplier() {",
        "      @Override public int getAsInt() { return Reads.this.d; }",
        "    }.getAsInt();",
        "  }",
        "  @Query int local() {",
        "    class Local { int get() { return a; } }",
        "    return new Local().get();",
        "  }",
        "  @Query int overloadInt() { return pick(1); }",
        "  @Query int overloadString() { return pick(\"x\"); }",
        "  int pick(int x) { return a; }",
        "  int pick(String x) { return b; }",
        "  @Query int transitive() { return first(); }",
        "  int first() { return second(); }",
        "  int second() { return c + first2(); }",
        "  int first2() { return 0; }",
        "  @Query int recursiveHelper() { return loop(3); }",
        "  int loop(int n) { return n == 0 ? d : loop(n - 1); }",
        "  @Query int viaQuery() { return direct(); }", // tracked at run time, not here
        "  @Query int viaGetter() { return a(); }", // tracked at run time, not here
        "  abstract int a();",
        "  @Query int staticHelper() { return twice(b); }",
        "  static int twice(int x) { return 2 * x; }",
        "  @Query int methodReference() { IntSupplier s = this::readC; return s.getAsInt(); }",
        "  int readC() { return c; }",
        "  @Query int assignsLocalOnly() { int x; x = d; return x; }",
        "  class Inner { int get() { return b; } int viaOuter() { return readC(); } }",
        "  class Snapshot { final int v; Snapshot() { v = d; } }",
        "  @Query int innerClassMethod() { return new Inner().get(); }",
        "  @Override public int base() { return a; }",
        "  @Query int interfaceDefaultCallingBack() { return doubled(); }",
        "  @Override public int tripled() { return b; }",
        "  @Query int interfaceSuperCall() { return Doubler.super.tripled(); }",
        "  @Query int innerClassCallsOuterHelper() { return new Inner().viaOuter(); }",
        "  @Query int innerClassConstructor() { return new Snapshot().v; }",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    generated = compilation.generatedSourceFile("reads.IncrReads").orElseThrow()
        .getCharContent(false).toString();
  }

  /**
   * The inputs whose node the computation of {@code query} reads before the original, or, for a
   * query with static dependencies, the inputs its list counts as read from fields.
   */
  private static List<String> reads(String query) {
    String[] lines = generated.split("\n");
    Pattern staticList =
        Pattern.compile("new StaticDependencies\\.OfInt\\((\\d+)((?:, this\\.\\w+)*)\\) \\{$");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("return IncrReads.super." + query + "();")) {
        Matcher m = staticList.matcher(lines[i - 3]);
        if (!m.find()) {
          throw new AssertionError("no static list before line " + i + " in\n" + generated);
        }
        List<String> inputs = new ArrayList<>();
        int fieldReads = Integer.parseInt(m.group(1));
        String[] fields = m.group(2).isEmpty() ? new String[0] : m.group(2).substring(2).split(", ");
        for (int j = 0; j < fieldReads; j++) {
          inputs.add(fields[j].replaceAll("^this\\.(\\w+)Input$", "$1"));
        }
        return inputs;
      }
      // Skip the fallback that runs the original before the nodes exist (under "== null").
      if (lines[i].contains("return super." + query + "(") && !lines[i - 1].contains("== null")) {
        List<String> inputs = new ArrayList<>();
        Pattern read = Pattern.compile("^\\s*this\\.(\\w+)Input\\.getAsInt\\(\\);$");
        for (int j = i - 1; j >= 0; j--) {
          Matcher m = read.matcher(lines[j]);
          if (!m.matches()) {
            break;
          }
          inputs.add(0, m.group(1));
        }
        return inputs;
      }
    }
    throw new AssertionError("no computation for " + query + " in\n" + generated);
  }

  @Test
  void directAndThisQualifiedReads() {
    assertEquals(List.of("a", "b"), reads("direct"));
    assertEquals(List.of(), reads("none"));
  }

  @Test
  void parametersAndLocalsShadowFields() {
    assertEquals(List.of("c"), reads("parameterShadows"));
    assertEquals(List.of("d"), reads("localShadows"));
  }

  @Test
  void lambdasAnonymousAndLocalClasses() {
    assertEquals(List.of("c"), reads("lambda"));
    assertEquals(List.of("d"), reads("anonymous"));
    assertEquals(List.of("a"), reads("local"));
  }

  @Test
  void overloadsResolveToTheMethodCalled() {
    assertEquals(List.of("a"), reads("overloadInt"));
    assertEquals(List.of("b"), reads("overloadString"));
  }

  @Test
  void helperMethodsTransitivelyAndRecursively() {
    assertEquals(List.of("c"), reads("transitive"));
    assertEquals(List.of("d"), reads("recursiveHelper"));
    assertEquals(List.of("b"), reads("staticHelper"));
    assertEquals(List.of("c"), reads("methodReference"));
  }

  @Test
  void queriesAndGettersAreLeftToRunTimeTracking() {
    assertEquals(List.of(), reads("viaQuery"));
    assertEquals(List.of(), reads("viaGetter"));
  }

  @Test
  void methodsAndConstructorsOfInnerClassesReadTheOuterObjectsInputs() {
    assertEquals(List.of("b"), reads("innerClassMethod"));
    assertEquals(List.of("c"), reads("innerClassCallsOuterHelper"));
    assertEquals(List.of("d"), reads("innerClassConstructor"));
  }

  @Test
  void aDefaultMethodOfAnInterfaceCallsBackTheClassesImplementation() {
    assertEquals(List.of("a"), reads("interfaceDefaultCallingBack"));
    assertEquals(List.of("a"), reads("interfaceSuperCall")); // the default, not the override
  }

  @Test
  void assigningALocalFromAnInputIsARead() {
    assertEquals(List.of("d"), reads("assignsLocalOnly"));
  }
}
