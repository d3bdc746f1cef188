package dev.incr.processor;

import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * One {@code @Query} method, as the writer needs it.
 *
 * @param name the method's name
 * @param returnType the method's return type
 * @param parameters the method's parameters; empty for an argument-less query
 * @param varargs whether the last parameter is variable-arity
 * @param visibility the method's access modifiers (empty for package-private)
 * @param inputsRead the inputs the query reads directly, as {@link QueryScanner} found them, in
 *     declaration order
 * @param nodeField the name of the generated field holding the query's node or memo table
 * @param label the label of the query's node, such as {@code Rect.area()}, or, for a query with
 *     parameters, the prefix {@code Rect.describe} to which the memo table adds the arguments
 * @param deprecated whether the method is deprecated (so is its override, then)
 * @param maxEntries for a query with parameters, the most argument lists its memo keeps ({@link
 *     Integer#MAX_VALUE}: no limit)
 * @param lru for a query without parameters, the most objects of the class holding its value at
 *     a time, per engine ({@link Integer#MAX_VALUE}: no limit)
 * @param lruKey the name of the query's value budget, unique per query: the class's canonical
 *     name, the method and {@code ()}
 * @param staticDependencies for an argument-less query whose node reads are known at compile time
 *     ({@link StaticReadAnalysis}), its fixed dependency list; else empty (the node records what
 *     each run reads)
 */
record QueryModel(
    String name,
    TypeName returnType,
    List<ParameterSpec> parameters,
    boolean varargs,
    Set<Modifier> visibility,
    List<InputModel> inputsRead,
    String nodeField,
    String label,
    boolean deprecated,
    int maxEntries,
    int lru,
    String lruKey,
    Optional<StaticDependencyList> staticDependencies) {

  QueryModel {
    parameters = List.copyOf(parameters);
    visibility = Set.copyOf(visibility);
    inputsRead = List.copyOf(inputsRead);
  }

  /**
   * The fixed dependency list of a query's node.
   *
   * @param fieldReads how many of the first {@code nodeFields} are inputs the query reads from
   *     their fields (the generated computation does not read their nodes; they are dependencies
   *     all the same)
   * @param nodeFields the generated fields holding the nodes, inputs read from their fields first
   *     (in declaration order), then the nodes the query reads, in the order it reads them
   */
  record StaticDependencyList(int fieldReads, List<String> nodeFields) {
    StaticDependencyList {
      nodeFields = List.copyOf(nodeFields);
    }
  }

  /**
   * The kind of node holding an argument-less query's value: unboxed for {@code int}, {@code long},
   * {@code double}. (A query with parameters keeps a boxed memo table whatever it returns.)
   */
  NodeKind kind() {
    return NodeKind.of(returnType);
  }
}
