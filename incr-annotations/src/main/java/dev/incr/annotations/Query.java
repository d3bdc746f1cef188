package dev.incr.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a query of an incremental class: a memoized value derived from the class's
 * {@link Input} fields, from other queries and from any other incremental node, recomputed only
 * when something it read has changed.
 *
 * <pre>{@code
 * public abstract class Rect {
 *   @Input double width = 10;
 *   @Input double height = 5;
 *
 *   @Query double area() { return width * height; }
 *   @Query String describe(String unit) { return area() + " " + unit; }  // memoized per argument
 * }
 * }</pre>
 *
 * <p>A query may read its own class's input fields directly: the processor finds at compile time
 * which input fields each query reads (in its body, in lambdas and local classes inside it, in the
 * methods and constructors of the class's inner classes it uses, and through the non-query methods
 * of the class it calls, transitively, as overridden in the class being generated for, including
 * default methods of its interfaces) and registers them as the query's dependencies. Calls to other queries and to generated getters, on this object or any
 * other incremental object, are tracked at run time. If a re-run returns a value equal to the
 * previous one ({@link java.util.Objects#equals}; {@code NaN} equals {@code NaN}), queries that
 * read it are not re-run (early cutoff).
 *
 * <p>A query with parameters is memoized per argument list, by the arguments' {@code equals} and
 * {@code hashCode}; recursion through different arguments (as in {@code fib(n - 1)}) is fine. The
 * memo keeps one entry per distinct argument list for the life of the object, unless {@link
 * #maxEntries()} bounds it. A query without parameters keeps its value for the life of the object,
 * unless {@link #lru()} bounds how many objects hold it.
 *
 * <p>Rules, checked at compile time:
 *
 * <ul>
 *   <li>the method has a body, returns a value, and is not {@code private}, {@code final} or {@code
 *       static} (the generated subclass overrides it), declares no type parameters and no checked
 *       exceptions;
 *   <li>argument-less queries do not call each other in a cycle;
 *   <li>a query, and the code it calls, does not call a generated setter (the engine refuses
 *       writes inside a computation); a call inside a lambda or anonymous class, which may run
 *       later, is left to the engine's run-time check;
 *   <li>a query that reads state the engine cannot see gets a warning, on the line of the read,
 *       naming the field: a
 *       non-final field that is not an input, a non-final static field, an input of another object
 *       read from its field (directly or through a non-query method called on that object) rather
 *       than its getter; so does a lambda, method reference or anonymous class made in an
 *       initializer or constructor that reads inputs when it runs later. Annotate the query or the
 *       method holding the read with {@code @SuppressWarnings("incr-untracked")} when the read is
 *       deliberate.
 * </ul>
 *
 * <p>A query overridden in a subclass without the annotation is still a query, computed by the
 * override. Called from the class's own constructor, before the generated subclass has made its
 * nodes, a query runs as the plain method, untracked.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Query {

  /**
   * For a query with parameters, the most argument lists whose results are kept (at least 1).
   * Beyond it, creating an entry evicts one not used recently (an approximation of
   * least-recently-used); a later call with the evicted arguments computes again. Nothing read
   * becomes stale: eviction only forgets. The default keeps every argument list for the life of
   * the object; bound it for queries called with many distinct arguments over a long run.
   *
   * @return the most argument lists kept
   */
  int maxEntries() default Integer.MAX_VALUE;

  /**
   * For a query without parameters, the most objects of the class, per engine, that hold this
   * query's value at a time (at least 1). Beyond it, the value of an object not read recently is
   * dropped (an approximation of least-recently-used); the query keeps what it read, so reading it
   * again first checks that, and runs the method again: if nothing it read had changed, the value
   * counts as unchanged and queries that read it do not re-run. Use it for large values (a
   * rendered page, a parsed document) of classes with many objects, of which only some are read
   * at a time. Values of queries that are observed, or read by an observed node, are kept. The
   * default keeps every value for the life of its object.
   *
   * <p>Only for queries without parameters (a query with parameters is bounded by {@link
   * #maxEntries()}, which drops whole entries), and not for those returning {@code int}, {@code
   * long} or {@code double}, whose values are held unboxed in their nodes and free nothing.
   *
   * @return the most values held, per engine, among the objects of the class
   */
  int lru() default Integer.MAX_VALUE;
}
