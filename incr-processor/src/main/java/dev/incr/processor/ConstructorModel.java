package dev.incr.processor;

import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.List;

/**
 * One constructor of the annotated class, which the generated class mirrors.
 *
 * @param parameters the constructor's own parameters
 * @param engineParameter the name of the parameter of type {@code Engine} that the generated
 *     constructor uses as the engine; either one of {@code parameters} (the engine is passed
 *     through) or a fresh name (the generated constructor takes it first)
 * @param engineIsOwnParameter whether {@code engineParameter} is one of {@code parameters}
 * @param varargs whether the last parameter is variable-arity
 * @param isPublic whether the generated constructor is public (the original is public or
 *     protected) rather than package-private
 * @param typeVariables the constructor's own type parameters
 * @param exceptions the constructor's declared exceptions
 * @param deprecated whether the constructor is deprecated (so is the mirror, then)
 */
record ConstructorModel(
    List<ParameterSpec> parameters,
    String engineParameter,
    boolean engineIsOwnParameter,
    boolean varargs,
    boolean isPublic,
    List<TypeVariableName> typeVariables,
    List<TypeName> exceptions,
    boolean deprecated) {

  ConstructorModel {
    parameters = List.copyOf(parameters);
    typeVariables = List.copyOf(typeVariables);
    exceptions = List.copyOf(exceptions);
  }
}
