package dev.incr.processor;

import com.palantir.javapoet.TypeName;

/**
 * One {@code @Input} field, as the writer needs it.
 *
 * @param name the field's name, also the getter's name
 * @param type the field's type
 * @param setterName the setter's name, {@code set} + the capitalized field name
 * @param nodeField the name of the generated field holding the input's {@code Var} (of the {@link
 *     #kind()} its type asks for)
 * @param label the label of the input's {@code Var}, such as {@code Rect.width}
 * @param getterOverrides whether the getter implements an abstract declaration
 * @param setterOverrides whether the setter implements an abstract declaration
 * @param deprecated whether the field is deprecated (so are its accessors, then)
 * @param identity whether the setter compares values by reference ({@code Equality.IDENTITY})
 * @param durability the name of the input's {@code Durability} when it is not {@code LOW} (the
 *     default, which the generated code leaves out), else null
 */
record InputModel(
    String name,
    TypeName type,
    String setterName,
    String nodeField,
    String label,
    boolean getterOverrides,
    boolean setterOverrides,
    boolean deprecated,
    boolean identity,
    String durability) {

  /** The kind of node holding the input: unboxed for {@code int}, {@code long}, {@code double}. */
  NodeKind kind() {
    return NodeKind.of(type);
  }
}
