package dev.incr.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The members of an annotated class that the processor works with, read once from its elements:
 * its inputs and queries (its own and inherited), and how the abstract methods it declares line up
 * with the accessors the generated class will have.
 *
 * @param inputs the {@code @Input} fields, superclasses first, each class in declaration order
 * @param queries the {@code @Query} methods, likewise; one overridden by a query of a subclass is
 *     listed once
 * @param implementedGetters the inputs whose getter implements an abstract declaration
 * @param implementedSetters the inputs whose setter implements an abstract declaration
 * @param engineAccessor an abstract {@code Engine name()} method, if the class declares one
 * @param clashes members named like a generated accessor that it cannot implement
 * @param unimplemented abstract methods that are neither an accessor, the engine accessor nor a
 *     query (abstract queries are the member checks' business)
 */
record ClassMembers(
    List<VariableElement> inputs,
    List<ExecutableElement> queries,
    Set<VariableElement> implementedGetters,
    Set<VariableElement> implementedSetters,
    Optional<ExecutableElement> engineAccessor,
    List<AccessorClash> clashes,
    List<ExecutableElement> unimplemented) {

  ClassMembers {
    inputs = List.copyOf(inputs);
    queries = List.copyOf(queries);
    implementedGetters = Set.copyOf(implementedGetters);
    implementedSetters = Set.copyOf(implementedSetters);
    clashes = List.copyOf(clashes);
    unimplemented = List.copyOf(unimplemented);
  }

  /**
   * A member of the class named like an accessor to generate, that the accessor can neither
   * implement (it is not abstract, or has another type) nor leave alone.
   *
   * @param input the input whose accessor it is
   * @param member the clashing method
   * @param getter true for the getter, false for the setter
   */
  record AccessorClash(VariableElement input, ExecutableElement member, boolean getter) {}

  /** Reads the members of {@code type}. */
  static ClassMembers of(TypeElement type, Types types, Elements elements) {
    List<VariableElement> inputs = new ArrayList<>();
    List<ExecutableElement> queries = new ArrayList<>();
    List<TypeElement> chain = new ArrayList<>();
    for (TypeElement t = type; t != null; t = superclass(types, t)) {
      chain.add(0, t);
    }
    for (TypeElement t : chain) {
      for (VariableElement field : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        if (Annotations.isInput(field)) {
          inputs.add(field);
        }
      }
      for (ExecutableElement method : ElementFilter.methodsIn(t.getEnclosedElements())) {
        if (Annotations.isQuery(method)) {
          queries.removeIf(q -> elements.overrides(method, q, type));
          queries.add(method);
        }
      }
    }

    DeclaredType declared = (DeclaredType) type.asType();
    List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(type));
    List<ExecutableElement> abstractMethods = new ArrayList<>();
    for (ExecutableElement m : methods) {
      if (m.getModifiers().contains(Modifier.ABSTRACT)
          && !implementedIn(m, methods, type, elements)) {
        abstractMethods.add(m);
      }
    }
    Set<VariableElement> getters = new HashSet<>();
    Set<VariableElement> setters = new HashSet<>();
    Set<ExecutableElement> matched = new HashSet<>();
    List<AccessorClash> clashes = new ArrayList<>();
    for (VariableElement input : inputs) {
      TypeMirror inputType = types.asMemberOf(declared, input);
      String getter = input.getSimpleName().toString();
      String setter = Signatures.setterName(getter);
      for (ExecutableElement m : methods) {
        String name = m.getSimpleName().toString();
        boolean isGetter = name.equals(getter) && m.getParameters().isEmpty();
        boolean isSetter = name.equals(setter) && m.getParameters().size() == 1;
        if (!isGetter && !isSetter) {
          continue;
        }
        matched.add(m); // a clash is reported as such, not again as an unimplemented method
        ExecutableType mType = (ExecutableType) types.asMemberOf(declared, m);
        boolean isAbstract = abstractMethods.contains(m);
        if (isGetter && isAbstract && types.isSameType(mType.getReturnType(), inputType)) {
          getters.add(input);
        } else if (isSetter
            && isAbstract
            && mType.getReturnType().getKind() == TypeKind.VOID
            && types.isSameType(mType.getParameterTypes().get(0), inputType)) {
          setters.add(input);
        } else {
          clashes.add(new AccessorClash(input, m, isGetter));
        }
      }
    }
    Optional<ExecutableElement> engineAccessor = Optional.empty();
    List<ExecutableElement> unimplemented = new ArrayList<>();
    TypeElement engine = elements.getTypeElement(ClassNames.ENGINE_NAME);
    for (ExecutableElement m : abstractMethods) {
      if (matched.contains(m) || Annotations.isQuery(m)) {
        continue;
      }
      if (engine != null
          && engineAccessor.isEmpty()
          && m.getParameters().isEmpty()
          && types.isSameType(m.getReturnType(), engine.asType())) {
        engineAccessor = Optional.of(m);
      } else {
        unimplemented.add(m);
      }
    }
    return new ClassMembers(
        inputs, queries, getters, setters, engineAccessor, clashes, unimplemented);
  }

  private static boolean implementedIn(
      ExecutableElement abstractMethod,
      List<ExecutableElement> methods,
      TypeElement type,
      Elements elements) {
    for (ExecutableElement m : methods) {
      if (m != abstractMethod
          && !m.getModifiers().contains(Modifier.ABSTRACT)
          && elements.overrides(m, abstractMethod, type)) {
        return true;
      }
    }
    return false;
  }

  private static TypeElement superclass(Types types, TypeElement type) {
    TypeMirror s = type.getSuperclass();
    return s.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(s) : null;
  }
}
