/**
 * The annotations that turn an abstract class into an incremental one: {@link
 * dev.incr.annotations.Input} on fields, {@link dev.incr.annotations.Query} on methods. The {@code
 * incr-processor} annotation processor reads them and generates, in the same package, the class
 * {@code Incr<Name>} ({@code IncrOuter_Name} for a nested class) that extends the annotated class.
 *
 * <h2>The generated class</h2>
 *
 * <p>A class is generated for each class that declares at least one {@code @Input} or {@code
 * @Query}; it covers the inputs and queries the class inherits from annotated superclasses too.
 *
 * <ul>
 *   <li>Constructors mirror the class's non-private ones with an {@code Engine} parameter first; a
 *       constructor that already takes an {@code Engine} is mirrored as it is and that engine is
 *       used.
 *   <li>Per input {@code T name}: a getter {@code T name()} (a tracked read) and a setter {@code void
 *       setName(T value)}.
 *   <li>Per query: an override that memoizes the original method through the engine, per argument
 *       list for a query with parameters.
 *   <li>Abstract methods of the class whose signature is an input's getter or setter, or {@code
 *       Engine engine()} (any name, no parameters, returning {@code Engine}), are implemented.
 * </ul>
 *
 * <h2>Owning nodes and collections</h2>
 *
 * <p>A class can own other nodes of the engine, such as {@code Var}s, {@code Computed}s or
 * incremental collections, and read them (or their aggregates) in queries; those reads are tracked
 * at run time like any other. Take the engine in the constructor and create them there, in {@code
 * final} fields:
 *
 * <pre>{@code
 * public abstract class Trip {
 *   final IncrCollection<Double> legs;
 *   final Computed<Double> distance;
 *   @Input double pricePerKm = 2;
 *
 *   protected Trip(Engine engine) {        // IncrTrip(Engine engine) passes it through
 *     legs = engine.collection();
 *     distance = legs.sum(d -> d);
 *   }
 *
 *   @Query double cost() { return distance.get() * pricePerKm; }
 *
 *   protected abstract Engine engine();    // optional: the generated class returns its engine
 * }
 * }</pre>
 *
 * <p>During the class's own constructor the generated class has not yet created its nodes: create
 * computations there (they run later), but do not call queries or generated getters.
 */
package dev.incr.annotations;
