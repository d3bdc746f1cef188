package dev.incr.processor;

import java.util.Locale;

/**
 * Every diagnostic the processor reports, in one place. Each says what is wrong and what to do
 * instead; the arguments are filled in with {@link #format(Object...)}.
 */
enum Messages {
  // ---- the class -------------------------------------------------------------------------------
  CLASS_FINAL(
      "Class %s has @Input/@Query members, so it must not be final: the processor generates a"
          + " subclass of it. Remove 'final'."),
  CLASS_NOT_ABSTRACT(
      "Class %s has @Input/@Query members, so it must be abstract: instances are created from the"
          + " generated class %s. Add 'abstract'."),
  CLASS_PRIVATE(
      "Class %s has @Input/@Query members, so it must not be private: the generated class %s"
          + " extends it from the same package. Make it package-private or wider."),
  CLASS_INNER(
      "Class %s has @Input/@Query members, so it must be a top-level or static nested class: the"
          + " generated top-level class %s cannot extend an inner class. Add 'static'."),
  CLASS_LOCAL(
      "%s declares @Input/@Query members, but the processor generates a top-level subclass, which"
          + " cannot extend a class declared inside a method or expression. Move it out, to a"
          + " top-level or static nested abstract class."),
  CLASS_NOT_A_CLASS(
      "@Input and @Query may only be used in an abstract class, but %s is %s. Move the members to"
          + " an abstract class."),
  CLASS_NO_CONSTRUCTOR(
      "Class %s has no non-private constructor for the generated class %s to call. Add a"
          + " package-private, protected or public constructor."),
  ABSTRACT_METHOD_NOT_GENERATED(
      "Abstract method %s of class %s is neither the getter nor the setter of an @Input field nor"
          + " 'Engine engine()', so the generated class cannot implement it. Implement it, or make"
          + " its signature match an input's getter ('T name()') or setter ('void setName(T v)')."),
  INTERNAL_ERROR(
      "Could not generate %s: the incr processor failed (%s). This is a bug in incr; please report"
          + " it with this class. The other classes are generated as usual."),
  WRITE_FAILED("Could not write the generated class %s: %s."),
  MISSING_TYPES(
      "Could not generate %s: class %s refers to types that do not exist (%s). Fix or generate"
          + " those types first."),

  // ---- @Input fields ---------------------------------------------------------------------------
  INPUT_PRIVATE(
      "@Input field %s must not be private: the generated subclass reads and assigns it. Make it"
          + " package-private or protected."),
  INPUT_FINAL(
      "@Input field %s must not be final: the generated setter assigns it. Remove 'final', or"
          + " remove @Input if it is a constant."),
  INPUT_STATIC(
      "@Input field %s must not be static: an input belongs to one object. Remove 'static', or"
          + " remove @Input."),
  INPUT_IDENTITY_PRIMITIVE(
      "@Input field %s is a %s, which has no identity: a primitive input always compares by value."
          + " Remove 'equality = Input.Equality.IDENTITY'."),
  INPUT_ASSIGNED(
      "@Input field %s is assigned outside a constructor or initializer, which the engine cannot"
          + " see. Call the generated setter %s instead (declare 'abstract void %s;' to call it"
          + " from this class)."),
  INPUT_CONTENTS_CHANGED(
      "The contents of @Input field %s are changed in place here (%s), which the engine cannot"
          + " see: queries that read %s keep results computed from the old contents. Build a new"
          + " value and pass it to the generated setter %s, or annotate the method with"
          + " @SuppressWarnings(\"incr-untracked\") if the change is deliberate."),
  ACCESSOR_CLASH(
      "The generated %s %s of @Input field %s clashes with %s, declared in %s. Rename the field or"
          + " that member (or, to implement it, declare it abstract with exactly the signature"
          + " %s)."),

  // ---- @Query methods --------------------------------------------------------------------------
  QUERY_PRIVATE(
      "@Query method %s must not be private: the generated subclass overrides it. Make it"
          + " package-private, protected or public."),
  QUERY_FINAL(
      "@Query method %s must not be final: the generated subclass overrides it. Remove 'final'."),
  QUERY_STATIC(
      "@Query method %s must not be static: a query belongs to an object, whose inputs it reads."
          + " Remove 'static', or remove @Query."),
  QUERY_VOID(
      "@Query method %s must return a value: a query is memoized by its result. Return the value"
          + " it computes, or remove @Query."),
  QUERY_ABSTRACT(
      "@Query method %s must have a body: the generated subclass memoizes what it computes."
          + " Implement it, or remove @Query."),
  QUERY_TYPE_PARAMETERS(
      "@Query method %s must not declare type parameters: its memoized result needs one type."
          + " Use the class's type parameters, or remove @Query."),
  QUERY_CHECKED_EXCEPTION(
      "@Query method %s must not throw checked exception %s: the engine's computations cannot"
          + " throw them. Catch it and throw an unchecked exception instead."),
  QUERY_MAX_ENTRIES_TOO_SMALL(
      "@Query method %s keeps at most %s argument lists (maxEntries): a memo must keep at least"
          + " one. Pass 1 or more, or leave maxEntries out for no limit."),
  QUERY_MAX_ENTRIES_WITHOUT_PARAMETERS(
      "@Query method %s sets maxEntries but has no parameters: it has one value, not a memo of"
          + " argument lists. Remove maxEntries."),
  QUERY_LRU_TOO_SMALL(
      "@Query method %s holds at most %s values (lru): a budget must hold at least one. Pass 1 or"
          + " more, or leave lru out to keep every object's value."),
  QUERY_LRU_WITH_PARAMETERS(
      "@Query method %s sets lru but has parameters: its values are entries of a memo, which"
          + " maxEntries bounds. Use maxEntries instead of lru."),
  QUERY_LRU_UNBOXED(
      "@Query method %s sets lru but returns %s, which its node holds unboxed: evicting it would"
          + " free no memory. Remove lru."),
  QUERY_CYCLE(
      "Argument-less @Query methods call each other in a cycle: %s. Reading any of them would throw"
          + " CycleException. Break the cycle, for example by reading an @Input field instead."),
  SETTER_IN_QUERY(
      "This call to %s, the generated setter of @Input field %s, runs inside @Query method %s: a"
          + " query must not change inputs (the engine would throw IllegalStateException when it"
          + " runs). Set %s outside queries, for example before reading the query."),
  UNTRACKED_READ(
      "@Query method %s reads %s, which the engine cannot track (%s). Make it an @Input field,"
          + " make it final, or annotate the method with @SuppressWarnings(\"incr-untracked\") if"
          + " the read is deliberate."),
  FOREIGN_INPUT_READ(
      "@Query method %s reads @Input field %s of another object directly, which the engine cannot"
          + " track. Call its getter %s() instead (declare it abstract in %s to call it), or"
          + " annotate the method with @SuppressWarnings(\"incr-untracked\") if the read is"
          + " deliberate."),
  FOREIGN_INPUT_READ_VIA(
      "@Query method %s calls %s on another object, and %s reads @Input field %s of that object"
          + " directly, which the engine cannot track. Make %s a @Query, or have it read the field"
          + " through its getter %s() (declare it abstract in %s), or annotate %s with"
          + " @SuppressWarnings(\"incr-untracked\") if the read is deliberate."),
  INPUT_READ_OUTSIDE(
      "@Input field %s is read directly here, outside an incremental class: when this runs inside"
          + " a computation (a query, or a function given to the engine), the engine cannot track"
          + " the read. Call its getter %s() instead (declare it abstract in %s to call it), or"
          + " annotate the method with @SuppressWarnings(\"incr-untracked\") if the read is"
          + " deliberate."),
  DEFERRED_INPUT_READ(
      "This %s reads @Input field(s) %s when it runs, but it is created in %s, outside any @Query:"
          + " a query that calls it does not depend on %s and is not recomputed when it changes."
          + " Create it inside the query, read the field through its getter (declare it abstract,"
          + " e.g. %s), or annotate %s with @SuppressWarnings(\"incr-untracked\") if the read is"
          + " deliberate."),
  NO_SOURCE_TREES(
      "incr: source trees are not available for %s, so each of its queries depends on every"
          + " @Input field of the object (sound, but it may re-run queries that did not need to)."),
  SOURCE_NOT_SEEN(
      "incr: the source of %s, which @Query method %s calls, is not available, so %s depends on"
          + " every @Input field of the object (sound, but it may re-run when it did not need"
          + " to)."),
  STATIC_DEPENDENCIES(
      "incr: %s has compile-time dependencies: every run reads the same nodes (the input fields it"
          + " reads, and %s), so its node checks them by index and records nothing."),
  DYNAMIC_DEPENDENCIES(
      "incr: %s records its dependencies as it runs: %s %s."),
  ;

  private final String format;

  Messages(String format) {
    this.format = format;
  }

  /** Returns the message with its {@code %s} placeholders filled in. */
  String format(Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
