package dev.incr.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
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
 * Checks an annotated class as a whole: its kind and modifiers, its constructors, its abstract
 * methods, and clashes between the accessors to generate and the members it already has.
 */
final class ClassValidator {

  /**
   * The abstract methods of the class that the generated class implements.
   *
   * @param getters the inputs whose getter implements an abstract declaration
   * @param setters the inputs whose setter implements an abstract declaration
   * @param engineAccessor an abstract {@code Engine name()} method, if the class declares one
   */
  record Implemented(
      Set<VariableElement> getters,
      Set<VariableElement> setters,
      Optional<ExecutableElement> engineAccessor) {}

  private final ErrorReporter reporter;
  private final Types types;
  private final Elements elements;

  ClassValidator(ErrorReporter reporter, Types types, Elements elements) {
    this.reporter = reporter;
    this.types = types;
    this.elements = elements;
  }

  /**
   * Reports what is wrong with the kind and modifiers of {@code type}.
   *
   * @return false if {@code type} is not a class at all, so no other check makes sense
   */
  boolean validateClass(TypeElement type, String generatedName) {
    String name = type.getQualifiedName().toString();
    if (type.getKind() != ElementKind.CLASS) {
      reporter.error(type, Messages.CLASS_NOT_A_CLASS, name, kindName(type));
      return false;
    }
    Set<Modifier> modifiers = type.getModifiers();
    if (modifiers.contains(Modifier.FINAL)) {
      reporter.error(type, Messages.CLASS_FINAL, name);
    } else if (!modifiers.contains(Modifier.ABSTRACT)) {
      reporter.error(type, Messages.CLASS_NOT_ABSTRACT, name, generatedName);
    }
    boolean isPrivate = false;
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      isPrivate |= e.getModifiers().contains(Modifier.PRIVATE);
    }
    if (isPrivate) {
      reporter.error(type, Messages.CLASS_PRIVATE, name, generatedName);
    }
    NestingKind nesting = type.getNestingKind();
    if (nesting == NestingKind.LOCAL
        || nesting == NestingKind.ANONYMOUS
        || (nesting == NestingKind.MEMBER
            && !modifiers.contains(Modifier.STATIC)
            && type.getEnclosingElement().getKind().isClass())) {
      reporter.error(type, Messages.CLASS_INNER, name, generatedName);
    }
    boolean hasConstructor = false;
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      hasConstructor |= !c.getModifiers().contains(Modifier.PRIVATE);
    }
    if (!hasConstructor && !isPrivate) {
      reporter.error(type, Messages.CLASS_NO_CONSTRUCTOR, name, generatedName);
    }
    return true;
  }

  /**
   * Checks the accessors to generate for {@code inputs} against the members {@code type} already
   * has, and that every abstract method of {@code type} is one the generated class implements.
   */
  Implemented validateMembers(TypeElement type, List<VariableElement> inputs) {
    DeclaredType declared = (DeclaredType) type.asType();
    List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(type));
    List<ExecutableElement> unimplemented = new ArrayList<>();
    for (ExecutableElement m : methods) {
      if (m.getModifiers().contains(Modifier.ABSTRACT) && !implementedIn(m, methods, type)) {
        unimplemented.add(m);
      }
    }
    Set<VariableElement> getters = new HashSet<>();
    Set<VariableElement> setters = new HashSet<>();
    Set<ExecutableElement> matched = new HashSet<>();
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
        ExecutableType mType = (ExecutableType) types.asMemberOf(declared, m);
        boolean abstractDeclaration = unimplemented.contains(m);
        if (isGetter && abstractDeclaration && types.isSameType(mType.getReturnType(), inputType)) {
          getters.add(input);
          matched.add(m);
        } else if (isSetter
            && abstractDeclaration
            && mType.getReturnType().getKind() == TypeKind.VOID
            && types.isSameType(mType.getParameterTypes().get(0), inputType)) {
          setters.add(input);
          matched.add(m);
        } else {
          matched.add(m); // reported here, not again as an abstract method nobody implements
          String expected = isGetter
              ? inputType + " " + getter + "()"
              : "void " + setter + "(" + inputType + " " + getter + ")";
          reporter.error(
              input,
              Messages.ACCESSOR_CLASH,
              isGetter ? "getter" : "setter",
              isGetter ? getter + "()" : setter + "(" + inputType + ")",
              getter,
              describe(m),
              ((TypeElement) m.getEnclosingElement()).getQualifiedName(),
              expected);
        }
      }
    }
    Optional<ExecutableElement> engineAccessor = Optional.empty();
    TypeElement engine = elements.getTypeElement(ClassNames.ENGINE_NAME);
    for (ExecutableElement m : unimplemented) {
      if (matched.contains(m) || ReadAnalysis.hasAnnotation(m, ClassNames.QUERY)) {
        continue;
      }
      if (engine != null
          && engineAccessor.isEmpty()
          && m.getParameters().isEmpty()
          && types.isSameType(m.getReturnType(), engine.asType())) {
        engineAccessor = Optional.of(m);
        continue;
      }
      Element where = m.getEnclosingElement().equals(type) ? m : type;
      reporter.error(
          where, Messages.ABSTRACT_METHOD_NOT_GENERATED, describe(m), type.getQualifiedName());
    }
    return new Implemented(getters, setters, engineAccessor);
  }

  private boolean implementedIn(
      ExecutableElement abstractMethod, List<ExecutableElement> methods, TypeElement type) {
    for (ExecutableElement m : methods) {
      if (m != abstractMethod
          && !m.getModifiers().contains(Modifier.ABSTRACT)
          && elements.overrides(m, abstractMethod, type)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(ExecutableElement m) {
    StringBuilder s = new StringBuilder();
    s.append(m.getReturnType()).append(' ').append(m.getSimpleName()).append('(');
    for (int i = 0; i < m.getParameters().size(); i++) {
      if (i > 0) {
        s.append(", ");
      }
      s.append(m.getParameters().get(i).asType());
    }
    return s.append(')').toString();
  }

  private static String kindName(TypeElement type) {
    switch (type.getKind()) {
      case INTERFACE:
        return "an interface";
      case ENUM:
        return "an enum";
      case ANNOTATION_TYPE:
        return "an annotation type";
      default:
        return "a " + type.getKind().toString().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
