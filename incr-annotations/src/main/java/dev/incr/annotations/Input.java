package dev.incr.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field as an input of an incremental class: a value that {@link Query} methods read and
 * that changes only through the generated setter.
 *
 * <pre>{@code
 * public abstract class Rect {
 *   @Input double width = 10;
 *   @Input double height = 5;
 *
 *   @Query double area() { return width * height; }
 * }
 *
 * IncrRect rect = new IncrRect(Engine.singleThreaded());
 * rect.area();        // 50.0
 * rect.setWidth(12);  // generated setter: area() re-runs on its next read
 * rect.width();       // generated getter: a tracked read
 * }</pre>
 *
 * <p>For each input the processor generates, in {@code Incr<Name>}, a getter named like the field
 * ({@code width()}) whose read is tracked, and a setter ({@code setWidth(double)}) that updates the
 * field and the engine's node for it. Declare either as an abstract method in the class ({@code
 * abstract void setWidth(double width);}) to call it from the class's own code.
 *
 * <p>Rules, checked at compile time:
 *
 * <ul>
 *   <li>the field is not {@code private} (the generated subclass reads and writes it), not {@code
 *       final} (the setter assigns it) and not {@code static} (inputs belong to an object);
 *   <li>the field is assigned only in constructors and initializers (not in a lambda made there,
 *       which runs later); anywhere else call the setter, since a plain assignment is invisible to
 *       the engine;
 *   <li>the contents of an array, collection or map the field holds are not changed in place
 *       ({@code items.add(x)}, {@code counts[i]++}) outside constructors and initializers: a
 *       warning, since queries would keep results computed from the old contents; pass a new value
 *       to the setter instead;
 *   <li>the enclosing class is abstract, not final, not private and, if nested, static (not local
 *       or anonymous);
 *   <li>{@code equality = IDENTITY} is not used on a primitive field;
 *   <li>the class has no member that clashes with the generated getter or setter.
 * </ul>
 *
 * <p>Code outside the class reads an input through its getter: a read of the field itself is not
 * tracked when it runs inside a computation, and gets a warning (in another object's query, and in
 * any class that is not incremental).
 *
 * <p>The setter changes nothing when the new value equals the old one ({@link Equality#EQUALS}, the
 * default). That is a trap for a mutable value changed in place: the input holds the changed object
 * itself, so even a copy of it ({@code setLines(new ArrayList<>(lines))}) is "equal", and queries
 * keep their old results. For such a value choose {@code @Input(equality =
 * Input.Equality.IDENTITY)}: then any other object is a change, so passing a new list (or a copy)
 * always takes. Passing the same object again is still no change; immutable values avoid the
 * question altogether.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Input {

  /**
   * How the setter decides whether a new value is a change. A primitive input compares by value
   * whatever this says, so {@link Equality#IDENTITY} on one is a compile-time error.
   */
  Equality equality() default Equality.EQUALS;

  /**
   * How rarely the input changes: a query that read only inputs of a level (or higher) is
   * verified in constant time while only lower-level inputs change, instead of walking everything
   * it read. {@link Durability#LOW}, the default, is every input's behaviour without it.
   *
   * <pre>{@code
   * @Input(durability = Input.Durability.HIGH) TaxTable taxes;   // loaded once a year
   * @Input List<Item> cart = List.of();                          // changes all the time
   * }</pre>
   */
  Durability durability() default Durability.LOW;

  /**
   * When a value passed to the setter counts as a change (this module has no dependencies, so it
   * mirrors the runtime's {@code dev.incr.Equality}).
   */
  enum Equality {
    /** A change unless {@code Objects.equals(old, new)}: the default. */
    EQUALS,
    /** A change unless {@code old == new}: for mutable values, passed anew (or copied) to set. */
    IDENTITY
  }

  /**
   * How rarely an input changes (this module has no dependencies, so it mirrors the runtime's
   * {@code dev.incr.Durability}, which the generated code passes to the engine).
   */
  enum Durability {
    /** May change at any time: the default. */
    LOW,
    /** Changes now and then. */
    MEDIUM,
    /** Almost never changes: configuration, reference data. */
    HIGH
  }
}
