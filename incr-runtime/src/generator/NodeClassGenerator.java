import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the engine's primitive node classes ({@code IntComputedNode}, {@code LongVarNode}, ...)
 * from one template per kind of node, so that the run of a computed and the set of a var are
 * written once and still compile, in each class, into code where the node's own class is known.
 * A template shared at run time instead (one method in the base class calling per-class hooks)
 * makes the JIT compile that method once for every kind of node, with megamorphic calls inside,
 * as soon as an application uses more than two kinds.
 *
 * <p>Run by the build before compiling the runtime ({@code java NodeClassGenerator.java
 * <templates> <output>}); the output is plain Java in {@code target/generated-sources/nodes}.
 */
public final class NodeClassGenerator {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");

  /** The primitive kinds, with what each template says of them. */
  private static final List<Map<String, String>> KINDS = List.of(
      Map.of("Name", "Int", "type", "int", "Boxed", "Integer",
          "differ", "a != b", "equalityDoc", "{@code ==}",
          "varArticle", "an", "typeArticle", "an"),
      Map.of("Name", "Long", "type", "long", "Boxed", "Long",
          "differ", "a != b", "equalityDoc", "{@code ==}",
          "varArticle", "a", "typeArticle", "a"),
      Map.of("Name", "Double", "type", "double", "Boxed", "Double",
          "differ", "Double.doubleToLongBits(a) != Double.doubleToLongBits(b)",
          "equalityDoc", "{@link Double#equals}",
          "varArticle", "a", "typeArticle", "a"));

  /** Each template and the name of the class it gives for a kind. */
  private static final Map<String, String> TEMPLATES = Map.of(
      "PrimitiveComputedNode.java.template", "${Name}ComputedNode",
      "PrimitiveVarNode.java.template", "${Name}VarNode");

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: NodeClassGenerator <templates> <output>");
    }
    Path templates = Path.of(args[0]);
    Path output = Path.of(args[1]).resolve("dev/incr/internal");
    Files.createDirectories(output);
    for (Map.Entry<String, String> template : TEMPLATES.entrySet()) {
      String text = Files.readString(templates.resolve(template.getKey()), StandardCharsets.UTF_8);
      for (Map<String, String> kind : KINDS) {
        String className = fill(template.getValue(), kind, template.getKey());
        String source = fill(text, kind, template.getKey());
        Path file = output.resolve(className + ".java");
        if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(source)) {
          Files.writeString(file, source, StandardCharsets.UTF_8);
        }
      }
    }
  }

  /** The text with every placeholder replaced; an unknown placeholder is an error. */
  private static String fill(String text, Map<String, String> kind, String template) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = kind.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            template + ": unknown placeholder ${" + m.group(1) + "} (known: " + kind.keySet() + ")");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
