package dev.incr.processor;

import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reports what is wrong with the modifiers and signatures of inputs and queries. */
final class MemberValidator {
  private final ErrorReporter reporter;
  private final Types types;
  private final Elements elements;

  MemberValidator(ErrorReporter reporter, Types types, Elements elements) {
    this.reporter = reporter;
    this.types = types;
    this.elements = elements;
  }

  /** Reports what is wrong with input field {@code field}. */
  void validateInput(VariableElement field) {
    Set<Modifier> modifiers = field.getModifiers();
    String name = field.getSimpleName().toString();
    if (modifiers.contains(Modifier.PRIVATE)) {
      reporter.error(field, Messages.INPUT_PRIVATE, name);
    }
    if (modifiers.contains(Modifier.FINAL)) {
      reporter.error(field, Messages.INPUT_FINAL, name);
    }
    if (modifiers.contains(Modifier.STATIC)) {
      reporter.error(field, Messages.INPUT_STATIC, name);
    }
    if (field.asType().getKind().isPrimitive() && Annotations.identityEquality(field)) {
      reporter.error(field, Messages.INPUT_IDENTITY_PRIMITIVE, name, field.asType());
    }
  }

  /** Whether an argument-less query returning {@code type} has an unboxed node ({@link NodeKind}). */
  private static boolean isUnboxedNode(TypeMirror type) {
    TypeKind kind = type.getKind();
    return kind == TypeKind.INT || kind == TypeKind.LONG || kind == TypeKind.DOUBLE;
  }

  /** Reports what is wrong with query method {@code method}. */
  void validateQuery(ExecutableElement method) {
    Set<Modifier> modifiers = method.getModifiers();
    String name = Signatures.of(method);
    if (modifiers.contains(Modifier.PRIVATE)) {
      reporter.error(method, Messages.QUERY_PRIVATE, name);
    }
    if (modifiers.contains(Modifier.FINAL)) {
      reporter.error(method, Messages.QUERY_FINAL, name);
    }
    if (modifiers.contains(Modifier.STATIC)) {
      reporter.error(method, Messages.QUERY_STATIC, name);
    }
    if (method.getReturnType().getKind() == TypeKind.VOID) {
      reporter.error(method, Messages.QUERY_VOID, name);
    }
    if (modifiers.contains(Modifier.ABSTRACT)) {
      reporter.error(method, Messages.QUERY_ABSTRACT, name);
    }
    if (!method.getTypeParameters().isEmpty()) {
      reporter.error(method, Messages.QUERY_TYPE_PARAMETERS, name);
    }
    int maxEntries = Annotations.maxEntries(method);
    if (maxEntries < 1) {
      reporter.error(method, Messages.QUERY_MAX_ENTRIES_TOO_SMALL, name, maxEntries);
    } else if (maxEntries != Integer.MAX_VALUE && method.getParameters().isEmpty()) {
      reporter.error(method, Messages.QUERY_MAX_ENTRIES_WITHOUT_PARAMETERS, name);
    }
    int lru = Annotations.lru(method);
    if (lru < 1) {
      reporter.error(method, Messages.QUERY_LRU_TOO_SMALL, name, lru);
    } else if (lru != Integer.MAX_VALUE && !method.getParameters().isEmpty()) {
      reporter.error(method, Messages.QUERY_LRU_WITH_PARAMETERS, name);
    } else if (lru != Integer.MAX_VALUE && isUnboxedNode(method.getReturnType())) {
      reporter.error(method, Messages.QUERY_LRU_UNBOXED, name, method.getReturnType());
    }
    TypeMirror runtimeException = elements.getTypeElement("java.lang.RuntimeException").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (!types.isSubtype(thrown, runtimeException) && !types.isSubtype(thrown, error)) {
        reporter.error(method, Messages.QUERY_CHECKED_EXCEPTION, name, thrown);
      }
    }
  }
}
