package dev.incr.support;

import dev.incr.Engine;
import dev.incr.Node;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The function of a query whose dependencies the processor found at compile time: it names them,
 * so the node starts with them as its dependency list instead of recording them as it runs. For
 * generated code; not for direct use.
 *
 * <p>Generated code passes a subclass ({@link OfInt}, {@link OfLong}, {@link OfDouble} or {@link
 * Of}) to the ordinary factory ({@link Engine#computedInt}, ...). The dependencies are listed in
 * two parts:
 *
 * <ul>
 *   <li>the first {@code fieldReads}: inputs the query reads from their fields. The function does
 *       not read their nodes; every run counts as having read them, first, in this order.
 *   <li>the rest: the nodes every run reads (argument-less queries, input getters), in the order it
 *       reads them. Each read is checked against the list by position, as for any computed; a run
 *       that reads a node the list does not name (the processor's analysis was wrong about some
 *       code) is recorded as a dynamic node's would be, so the node stays exact.
 * </ul>
 *
 * <p>A node's dependency list is the one its last run read, so reusing this list run after run
 * allocates nothing, and verification walks it by index like any other.
 */
public abstract class StaticDependencies {
  private final int fieldReads;
  private final Node<?>[] dependencies;

  private StaticDependencies(int fieldReads, Node<?>[] dependencies) {
    Objects.requireNonNull(dependencies, "dependencies");
    if (fieldReads < 0 || fieldReads > dependencies.length) {
      throw new IllegalArgumentException("fieldReads " + fieldReads + " is not between 0 and the"
          + " number of dependencies, " + dependencies.length);
    }
    for (int i = 0; i < dependencies.length; i++) {
      Objects.requireNonNull(dependencies[i], "dependency " + i);
    }
    this.fieldReads = fieldReads;
    // Kept as given, not copied: generated code passes a fresh varargs array, and a copy would
    // cost every static node a second array for as long as it lives.
    this.dependencies = dependencies;
  }

  /** How many of the first {@link #dependency dependencies} the function reads from fields. */
  public final int fieldReads() {
    return fieldReads;
  }

  /** How many dependencies are listed. */
  public final int dependencyCount() {
    return dependencies.length;
  }

  /** Dependency {@code i}, in list order. */
  public final Node<?> dependency(int i) {
    return dependencies[i];
  }

  /** The function of an {@code IntComputed} with static dependencies. */
  public abstract static class OfInt extends StaticDependencies implements IntSupplier {
    /**
     * @param fieldReads how many of {@code dependencies}, first, are inputs read from their fields
     * @param dependencies the nodes every run reads, in order
     */
    protected OfInt(int fieldReads, Node<?>... dependencies) {
      super(fieldReads, dependencies);
    }
  }

  /** The function of a {@code LongComputed} with static dependencies. */
  public abstract static class OfLong extends StaticDependencies implements LongSupplier {
    /**
     * @param fieldReads how many of {@code dependencies}, first, are inputs read from their fields
     * @param dependencies the nodes every run reads, in order
     */
    protected OfLong(int fieldReads, Node<?>... dependencies) {
      super(fieldReads, dependencies);
    }
  }

  /** The function of a {@code DoubleComputed} with static dependencies. */
  public abstract static class OfDouble extends StaticDependencies implements DoubleSupplier {
    /**
     * @param fieldReads how many of {@code dependencies}, first, are inputs read from their fields
     * @param dependencies the nodes every run reads, in order
     */
    protected OfDouble(int fieldReads, Node<?>... dependencies) {
      super(fieldReads, dependencies);
    }
  }

  /**
   * The function of a {@code Computed<T>} with static dependencies.
   *
   * @param <T> the value's type
   */
  public abstract static class Of<T> extends StaticDependencies implements Supplier<T> {
    /**
     * @param fieldReads how many of {@code dependencies}, first, are inputs read from their fields
     * @param dependencies the nodes every run reads, in order
     */
    protected Of(int fieldReads, Node<?>... dependencies) {
      super(fieldReads, dependencies);
    }
  }
}
