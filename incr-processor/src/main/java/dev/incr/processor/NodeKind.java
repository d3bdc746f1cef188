package dev.incr.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;

/**
 * Which runtime node holds an input or an argument-less query's value: the unboxed {@code IntVar}
 * / {@code IntComputed} (and their {@code long} and {@code double} kin) for those three primitive
 * types, a boxed {@code Var<T>} / {@code Computed<T>} for every other type.
 *
 * <p>The unboxed nodes make a re-run about a third cheaper (no box to allocate and store). {@code
 * boolean}, {@code byte}, {@code short}, {@code char} and {@code float} stay boxed: their boxes are
 * cached or rare in the graphs this library serves, and the runtime has no node for them.
 */
enum NodeKind {
  INT(TypeName.INT, ClassNames.INT_VAR, ClassNames.INT_COMPUTED,
      "intVar", "computedInt", "getAsInt", "OfInt"),
  LONG(TypeName.LONG, ClassNames.LONG_VAR, ClassNames.LONG_COMPUTED,
      "longVar", "computedLong", "getAsLong", "OfLong"),
  DOUBLE(TypeName.DOUBLE, ClassNames.DOUBLE_VAR, ClassNames.DOUBLE_COMPUTED,
      "doubleVar", "computedDouble", "getAsDouble", "OfDouble"),
  BOXED(null, ClassNames.VAR, ClassNames.COMPUTED, "var", "computed", "get", "Of");

  private final TypeName primitive;
  private final ClassName var;
  private final ClassName computed;
  private final String varFactory;
  private final String computedFactory;
  private final String getter;
  private final String staticFunction;

  NodeKind(
      TypeName primitive,
      ClassName var,
      ClassName computed,
      String varFactory,
      String computedFactory,
      String getter,
      String staticFunction) {
    this.primitive = primitive;
    this.var = var;
    this.computed = computed;
    this.varFactory = varFactory;
    this.computedFactory = computedFactory;
    this.getter = getter;
    this.staticFunction = staticFunction;
  }

  /** Returns the kind of node that holds values of {@code type}. */
  static NodeKind of(TypeName type) {
    TypeName bare = type.withoutAnnotations();
    for (NodeKind kind : values()) {
      if (bare.equals(kind.primitive)) {
        return kind;
      }
    }
    return BOXED;
  }

  /** The type of the field holding an input of {@code type}: {@code IntVar}, or {@code Var<T>}. */
  TypeName varType(TypeName type) {
    return this == BOXED ? ParameterizedTypeName.get(var, type.box()) : var;
  }

  /**
   * The type of the field holding an argument-less query returning {@code type}: {@code
   * IntComputed}, or {@code Computed<T>}.
   */
  TypeName computedType(TypeName type) {
    return this == BOXED ? ParameterizedTypeName.get(computed, type.box()) : computed;
  }

  /** The {@code Engine} method that creates the input's node: {@code intVar}, or {@code var}. */
  String varFactory() {
    return varFactory;
  }

  /**
   * The {@code Engine} method that creates the query's node: {@code computedInt}, ..., or {@code
   * computed}.
   */
  String computedFactory() {
    return computedFactory;
  }

  /**
   * The node's read method, unboxed where it can be: {@code getAsInt}, ..., or {@code get}; also
   * the method of the function that computes a query's value.
   */
  String getter() {
    return getter;
  }

  /**
   * The function with a fixed dependency list of an argument-less query returning {@code type}:
   * {@code StaticDependencies.OfInt}, ..., or {@code StaticDependencies.Of<T>}.
   */
  TypeName staticFunctionType(TypeName type) {
    ClassName base = ClassNames.STATIC_DEPENDENCIES.nestedClass(staticFunction);
    return this == BOXED ? ParameterizedTypeName.get(base, type.box()) : base;
  }
}
