package dev.incr.processor;

import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reports what is wrong with an annotated class as a whole: its kind and modifiers, its
 * constructors, its abstract methods, and clashes between the accessors to generate and the members
 * it already has (as {@link ClassMembers} found them).
 */
final class ClassValidator {

  private final ErrorReporter reporter;
  private final Types types;
  private final Elements elements;

  ClassValidator(ErrorReporter reporter, Types types, Elements elements) {
    this.reporter = reporter;
    this.types = types;
    this.elements = elements;
  }

  /**
   * Reports what is wrong with the kind and modifiers of {@code type}; if it is not a class at all,
   * only that.
   */
  void validateClass(TypeElement type, String generatedName) {
    String name = type.getQualifiedName().toString();
    if (type.getKind() != ElementKind.CLASS) {
      reporter.error(type, Messages.CLASS_NOT_A_CLASS, name, kindName(type));
      return;
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
  }

  /**
   * Reports the members of {@code type} that the generated class cannot go with: members named
   * like an accessor it generates, and abstract methods it cannot implement.
   */
  void validateMembers(TypeElement type, ClassMembers members) {
    DeclaredType declared = (DeclaredType) type.asType();
    for (ClassMembers.AccessorClash clash : members.clashes()) {
      VariableElement input = clash.input();
      TypeMirror inputType = types.asMemberOf(declared, input);
      String getter = input.getSimpleName().toString();
      String setter = Signatures.setterName(getter);
      ExecutableElement m = clash.member();
      String expected = clash.getter()
          ? inputType + " " + getter + "()"
          : "void " + setter + "(" + inputType + " " + getter + ")";
      reporter.error(
          input,
          Messages.ACCESSOR_CLASH,
          clash.getter() ? "getter" : "setter",
          clash.getter() ? getter + "()" : setter + "(" + inputType + ")",
          getter,
          describe(m),
          ((TypeElement) m.getEnclosingElement()).getQualifiedName(),
          expected);
    }
    for (ExecutableElement m : members.unimplemented()) {
      Element where = m.getEnclosingElement().equals(type) ? m : type;
      reporter.error(
          where, Messages.ABSTRACT_METHOD_NOT_GENERATED, describe(m), type.getQualifiedName());
    }
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
