package dev.incr.internal.gen;

import dev.incr.Computed;
import dev.incr.Engine;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The memo table of one parameterized query of one object: a {@link Computed} per distinct argument
 * list, created on first use. Not API: used by generated code only.
 *
 * <p>Thread-safe, so that generated getters may call it outside computations under any {@link
 * Engine}: the table is a {@link ConcurrentHashMap}, and creating a node runs nothing (the engine
 * runs the function on the node's first read, outside the map's locks). Entries are never removed:
 * the table grows with the number of distinct argument lists the object is asked about.
 *
 * @param <R> the query's (boxed) result type
 */
public final class QueryMemo<R> {

  /** Stands for a {@code null} argument, since {@link ConcurrentHashMap} takes no null keys. */
  private static final Object NULL_KEY = new Object();

  private final Engine engine;
  private final String name;
  private final ConcurrentHashMap<Object, Computed<R>> nodes = new ConcurrentHashMap<>();

  /**
   * Creates an empty table.
   *
   * @param engine the engine that owns the nodes
   * @param name the query's label prefix, such as {@code "Rect.describe"}; each node is labelled
   *     {@code name(arguments)}
   */
  public QueryMemo(Engine engine, String name) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.name = Objects.requireNonNull(name, "name");
  }

  /**
   * Returns the query's value for {@code key}, reading (and on first use creating) its node.
   *
   * @param key the single argument, or {@link #args(Object...)} of several
   * @param function computes the value for this key; used only if the node is created now
   */
  public R get(Object key, Supplier<R> function) {
    Object k = key == null ? NULL_KEY : key;
    Computed<R> node = nodes.get(k);
    if (node == null) {
      node = nodes.computeIfAbsent(k, unused -> engine.computed(function).label(label(key)));
    }
    return node.get();
  }

  /** Returns how many argument lists have a node. */
  public int size() {
    return nodes.size();
  }

  /**
   * Returns the key for an argument list of two or more arguments, or of one array argument. Array
   * arguments (including variable arguments) compare by content, so they must not be modified after
   * the call.
   */
  public static Object args(Object... args) {
    return new Args(args);
  }

  private static String deepToString(Object value) {
    if (value == null || !value.getClass().isArray()) {
      return String.valueOf(value);
    }
    String s = Arrays.deepToString(new Object[] {value});
    return s.substring(1, s.length() - 1);
  }

  private String label(Object key) {
    return name + "(" + key + ")";
  }

  /** An argument list compared element by element with {@code equals}, arrays by content. */
  private static final class Args {
    private final Object[] values;

    Args(Object[] values) {
      this.values = values;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Args && Arrays.deepEquals(values, ((Args) o).values);
    }

    @Override
    public int hashCode() {
      return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          s.append(", ");
        }
        s.append(deepToString(values[i]));
      }
      return s.toString();
    }
  }
}
