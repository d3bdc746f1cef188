package dev.incr;

/**
 * What an engine holds for part of its graph, and the bytes its own structures take for it: see
 * {@link Engine#footprint(Node[])}. Taken in one go; it does not change afterwards.
 *
 * <p>The nodes are those reachable from the roots through their dependencies (as recorded on their
 * last runs), together with every memo entry of the engine's parameterized queries and what those
 * read: memo tables keep their entries alive, so they are reported engine-wide.
 *
 * <p>The bytes are the engine's own: node objects (with the unboxed values of primitive nodes and
 * a boxed node's reference to its value), dependency arrays, the records of necessary nodes (their
 * readers and observers), value budgets' rings, and the memo tables' maps and entries. They are
 * computed from the classes' fields under the running JVM's settings ({@link #layout()}), not
 * estimated. Not counted: what the program owns or chose, that is the values of boxed nodes, the
 * functions of computeds (a lambda and what it captures), labels, listeners and memo arguments.
 *
 * @param boxedVars vars holding a reference to their value ({@link Engine#var})
 * @param primitiveVars {@link IntVar}s, {@link LongVar}s and {@link DoubleVar}s
 * @param boxedComputeds computeds holding a reference to their value, those in value budgets
 *     included
 * @param primitiveComputeds {@link IntComputed}s, {@link LongComputed}s and {@link
 *     DoubleComputed}s
 * @param observedNodes nodes with at least one open {@link Observation}
 * @param necessaryNodes nodes kept up to date by push: the observed ones and all they read
 * @param budgetedValuesHeld computeds of {@link ValueLru} budgets holding their value
 * @param budgetedValuesEvicted computeds of {@link ValueLru} budgets whose value was evicted
 * @param dependencyEdges dependencies recorded by the computeds' last runs
 * @param memoTables memo tables of parameterized queries, engine-wide
 * @param memoEntries entries in those tables (each one a computed, counted among the nodes)
 * @param nodeBytes the node objects, and the tags of nodes whose durability is above {@code LOW}
 * @param dependencyBytes the arrays of computeds that read more than one node (a computed that
 *     read one keeps it in its own field)
 * @param necessityBytes the records of necessary nodes: each one's readers and observations
 * @param budgetBytes the rings of the {@link ValueLru} budgets the nodes belong to
 * @param memoBytes the memo tables: their maps, entries and the engine's weak reference to each
 * @param layout the JVM settings the sizes follow (reference and header sizes, alignment)
 */
public record MemoryFootprint(
    long boxedVars, long primitiveVars, long boxedComputeds, long primitiveComputeds,
    long observedNodes, long necessaryNodes, long budgetedValuesHeld, long budgetedValuesEvicted,
    long dependencyEdges, long memoTables, long memoEntries, long nodeBytes, long dependencyBytes,
    long necessityBytes, long budgetBytes, long memoBytes, String layout) {

  /** Requires a layout description. */
  public MemoryFootprint {
    java.util.Objects.requireNonNull(layout, "layout");
  }

  /** Returns the nodes reached: vars and computeds of every kind. */
  public long nodes() {
    return vars() + computeds();
  }

  /** Returns the vars reached, boxed and primitive. */
  public long vars() {
    return boxedVars + primitiveVars;
  }

  /** Returns the computeds reached, boxed and primitive (memo entries included). */
  public long computeds() {
    return boxedComputeds + primitiveComputeds;
  }

  /** Returns all the bytes the engine's structures take for what was reached. */
  public long bytes() {
    return nodeBytes + dependencyBytes + necessityBytes + budgetBytes + memoBytes;
  }
}
