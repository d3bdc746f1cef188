package dev.incr.processor;

import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * An abstract method {@code Engine name()} of the annotated class, which the generated class
 * implements by returning its engine.
 *
 * @param name the method's name
 * @param visibility the method's access modifiers (empty for package-private)
 */
record EngineAccessor(String name, Set<Modifier> visibility) {
  EngineAccessor {
    visibility = Set.copyOf(visibility);
  }
}
