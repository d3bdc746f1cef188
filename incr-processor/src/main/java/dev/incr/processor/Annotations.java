package dev.incr.processor;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Reads the annotations the processor cares about, by qualified name (so that neither the
 * annotations nor the runtime need to be on the processor's own class path).
 */
final class Annotations {
  private Annotations() {}

  /** {@code element}'s annotation named {@code qualifiedName}, or null. */
  static AnnotationMirror find(Element element, String qualifiedName) {
    for (AnnotationMirror a : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) a.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return a;
      }
    }
    return null;
  }

  /** Whether {@code element} carries the annotation named {@code qualifiedName}. */
  static boolean has(Element element, String qualifiedName) {
    return find(element, qualifiedName) != null;
  }

  /** Whether {@code element} is an {@code @Input} field. */
  static boolean isInput(Element element) {
    return has(element, ClassNames.INPUT);
  }

  /** Whether {@code element} is a {@code @Query} method. */
  static boolean isQuery(Element element) {
    return has(element, ClassNames.QUERY);
  }

  /** Whether {@code type} declares {@code @Input} fields or {@code @Query} methods itself. */
  static boolean declaresInputsOrQueries(Element type) {
    for (Element member : type.getEnclosedElements()) {
      if (isInput(member) || isQuery(member)) {
        return true;
      }
    }
    return false;
  }

  /** The value of element {@code name} of {@code element}'s annotation {@code annotation}, or null. */
  static Object value(Element element, String annotation, String name) {
    AnnotationMirror mirror = find(element, annotation);
    if (mirror == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue().getValue();
      }
    }
    return null;
  }

  /** The {@code maxEntries} of {@code method}'s {@code @Query}: {@code MAX_VALUE} if unset. */
  static int maxEntries(ExecutableElement method) {
    Object value = value(method, ClassNames.QUERY, "maxEntries");
    return value == null ? Integer.MAX_VALUE : (Integer) value;
  }

  /** The {@code lru} of {@code method}'s {@code @Query}: {@code MAX_VALUE} if unset. */
  static int lru(ExecutableElement method) {
    Object value = value(method, ClassNames.QUERY, "lru");
    return value == null ? Integer.MAX_VALUE : (Integer) value;
  }

  /**
   * Whether input field {@code field} compares its values by identity: {@code @Input(equality =
   * Input.Equality.IDENTITY)}.
   */
  static boolean identityEquality(VariableElement field) {
    Object value = value(field, ClassNames.INPUT, "equality");
    return value instanceof VariableElement
        && ((VariableElement) value).getSimpleName().contentEquals("IDENTITY");
  }

  /**
   * The {@code durability} of input field {@code field}'s {@code @Input} when it is set to a level
   * other than {@code LOW}: {@code "MEDIUM"} or {@code "HIGH"}; else null.
   */
  static String durability(VariableElement field) {
    Object value = value(field, ClassNames.INPUT, "durability");
    if (value instanceof VariableElement) {
      String level = ((VariableElement) value).getSimpleName().toString();
      return level.equals("LOW") ? null : level;
    }
    return null;
  }

  /** Whether {@code element} carries {@code @SuppressWarnings("incr-untracked")}. */
  static boolean suppressesUntracked(Element element) {
    if (element == null) {
      return false;
    }
    Object values = value(element, "java.lang.SuppressWarnings", "value");
    if (values instanceof List) {
      for (Object item : (List<?>) values) {
        if (item instanceof AnnotationValue
            && ClassNames.SUPPRESS_UNTRACKED.equals(((AnnotationValue) item).getValue())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code element} is a class this processor generated: it carries the marker {@code
   * dev.incr.support.GeneratedByIncr} (also where {@code javax.annotation.processing.Generated} is
   * not visible, so not written).
   */
  static boolean isGenerated(Element element) {
    return has(element, ClassNames.GENERATED_BY_INCR.canonicalName());
  }
}
