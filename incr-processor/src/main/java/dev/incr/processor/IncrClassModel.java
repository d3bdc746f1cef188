package dev.incr.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * Everything {@link IncrClassWriter} needs to generate the incremental subclass of one annotated
 * class. Built by {@link IncrClassParser} after validation; immutable.
 *
 * @param element the annotated class, the generated file's originating element
 * @param generatedName the generated class, {@code Incr} + the simple names joined by {@code _}
 * @param superclass the annotated class, with the generated class's type variables as arguments
 * @param typeVariables the annotated class's type parameters, repeated on the generated class
 * @param isPublic whether the annotated class is public (the generated class then is too)
 * @param engineField the name of the generated field holding the engine
 * @param engineAccessor an abstract {@code Engine name()} method to implement, if the class has one
 * @param constructors the constructors to mirror, in declaration order
 * @param inputs the inputs, in declaration order (superclasses first)
 * @param queries the queries, in declaration order (superclasses first)
 * @param creationOrder the queries in the order the constructor creates their nodes: a query with
 *     a fixed dependency list after the queries it reads
 * @param generatedAnnotation whether to write {@code javax.annotation.processing.Generated}: only
 *     where the class's module can see it (in a named module, one that reads {@code
 *     java.compiler})
 * @param versionField the name of the generated static field that checks the runtime's version
 * @param shadowingNames the simple names of the member types and fields of the class (its own and
 *     inherited), of the type variables of the class and of its constructors, and of the
 *     constructors' parameters: in the generated class they shadow any other type of the same simple
 *     name, which must therefore be written in full
 */
record IncrClassModel(
    TypeElement element,
    ClassName generatedName,
    TypeName superclass,
    List<TypeVariableName> typeVariables,
    boolean isPublic,
    String engineField,
    Optional<EngineAccessor> engineAccessor,
    List<ConstructorModel> constructors,
    List<InputModel> inputs,
    List<QueryModel> queries,
    List<QueryModel> creationOrder,
    boolean generatedAnnotation,
    String versionField,
    Set<String> shadowingNames) {

  IncrClassModel {
    typeVariables = List.copyOf(typeVariables);
    constructors = List.copyOf(constructors);
    inputs = List.copyOf(inputs);
    queries = List.copyOf(queries);
    creationOrder = List.copyOf(creationOrder);
    shadowingNames = Set.copyOf(shadowingNames);
  }
}
