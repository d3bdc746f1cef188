package dev.incr.processor;

import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** How the processor names methods in its messages, and the accessors it generates. */
final class Signatures {
  private Signatures() {}

  /**
   * The method as a reader picks it out among its overloads: its name and its parameter types
   * without package names, such as {@code read(int)}, {@code describe(String)} or {@code
   * count(List<String>...)}.
   */
  static String of(ExecutableElement method) {
    List<String> parameters = new ArrayList<>();
    List<? extends TypeMirror> types = method.getParameters().stream()
        .map(p -> p.asType()).toList();
    for (int i = 0; i < types.size(); i++) {
      TypeMirror type = types.get(i);
      boolean varargs = method.isVarArgs() && i == types.size() - 1
          && type.getKind() == TypeKind.ARRAY;
      parameters.add(varargs
          ? simple(((ArrayType) type).getComponentType()) + "..."
          : simple(type));
    }
    return method.getSimpleName() + "(" + String.join(", ", parameters) + ")";
  }

  /** {@code type} without the package names of the classes it names. */
  static String simple(TypeMirror type) {
    String qualified = TypeName.get(type).withoutAnnotations().toString();
    return qualified.replaceAll("\\b(?:[a-z_$][\\w$]*\\.)+(?=[A-Za-z_$])", "");
  }

  /** The name of the generated setter of input {@code name}: {@code set} + the capitalized name. */
  static String setterName(String name) {
    return "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
