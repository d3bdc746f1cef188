package dev.incr.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.incr.Engine;
import dev.incr.annotations.Input;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An incremental class in a user's named module, whose {@code module-info} requires incr's modules
 * and not {@code java.compiler}: the generated class compiles without a warning, without {@code
 * javax.annotation.processing.Generated} (which that module cannot see), and the processor still
 * knows its own output (its setters assign inputs without an error).
 */
class ModuleCompilationTest {

  private static String modulePath() throws URISyntaxException {
    return new File(Engine.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        + File.pathSeparator
        + new File(Input.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static Compilation compile(JavaFileObject moduleInfo) throws URISyntaxException {
    JavaFileObject notes = JavaFileObjects.forSourceLines("app.notes.Notes",
        "package app.notes;",
        "import dev.incr.annotations.Input;",
        "import dev.incr.annotations.Query;",
        "import java.util.List;",
        "public abstract class Notes {",
        "  @Input List<String> lines = List.of();",
        "  @Input(equality = Input.Equality.IDENTITY) Object tag;",
        "  @Query public int count() { return lines.size(); }",
        "  @Query public String line(int i) { return lines.get(i); }",
        "  protected Notes() {}",
        "}");
    return javac()
        .withProcessors(Compilations.processors())
        .withOptions("-Xlint:all", "--release", "17", "--module-path", modulePath())
        .compile(moduleInfo, notes);
  }

  @Test
  void aModuleWithoutJavaCompilerGetsNoGeneratedAnnotation()
      throws URISyntaxException, IOException {
    Compilation compilation = compile(JavaFileObjects.forSourceLines("module-info",
        "module app.notes {",
        "  requires dev.incr;",
        "  requires static dev.incr.annotations;",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    String generated = compilation.generatedSourceFile("app.notes.IncrNotes").orElseThrow()
        .getCharContent(false).toString();
    assertFalse(generated.contains("javax.annotation.processing"), generated);
    assertTrue(generated.contains("@GeneratedByIncr"), generated);
  }

  @Test
  void aModuleThatReadsJavaCompilerGetsTheGeneratedAnnotation()
      throws URISyntaxException, IOException {
    Compilation compilation = compile(JavaFileObjects.forSourceLines("module-info",
        "module app.notes {",
        "  requires dev.incr;",
        "  requires static dev.incr.annotations;",
        "  requires static java.compiler;",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    String generated = compilation.generatedSourceFile("app.notes.IncrNotes").orElseThrow()
        .getCharContent(false).toString();
    assertTrue(generated.contains("@Generated(\"dev.incr.processor.IncrementalProcessor\")"),
        generated);
  }

  @Test
  void theModulesExportTheApiAndTheSupportPackageOnly() throws URISyntaxException {
    assertEquals(Set.of("dev.incr", "dev.incr.support"), exports(Engine.class, "dev.incr"));
    assertEquals(Set.of("dev.incr.annotations"), exports(Input.class, "dev.incr.annotations"));
  }

  /** The packages that module {@code name}, where {@code member} was loaded from, exports. */
  private static Set<String> exports(Class<?> member, String name) throws URISyntaxException {
    Path location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
    ModuleDescriptor descriptor =
        ModuleFinder.of(location).find(name).orElseThrow().descriptor();
    return descriptor.exports().stream()
        .map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toSet());
  }
}
