package dev.incr.processor;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The compiler's source trees ({@code com.sun.source}) and the questions about them that the
 * scanners share: where a class or method is declared, whether code is under {@code
 * @SuppressWarnings("incr-untracked")}, which override a call runs, which classes are incremental.
 *
 * <p>Where the compiler offers no trees (not javac, or {@code -Aincr.sourceTrees=false}), {@link
 * #available()} is false and every path is null.
 */
final class SourceTrees {
  private final Trees trees;
  private final Types types;
  private final Elements elements;
  /**
   * The declaration paths of the methods of each class looked up this round. {@link
   * Trees#getPath(Element)} searches the whole compilation unit on every call, which made large
   * classes quadratic; one pass over a class's members indexes them all.
   */
  private final Map<Element, Map<ExecutableElement, TreePath>> methodPaths = new HashMap<>();

  private SourceTrees(Trees trees, Types types, Elements elements) {
    this.trees = trees;
    this.types = types;
    this.elements = elements;
  }

  /**
   * The trees of this compilation.
   *
   * @param useTrees false to behave as if the compiler offered none (processor option {@code
   *     incr.sourceTrees=false})
   */
  static SourceTrees of(ProcessingEnvironment env, boolean useTrees) {
    Trees trees = null;
    if (useTrees) {
      try {
        trees = Trees.instance(env);
      } catch (IllegalArgumentException | LinkageError e) {
        // Not javac (or no jdk.compiler module): fall back to "every input".
        trees = null;
      }
    }
    return new SourceTrees(trees, env.getTypeUtils(), env.getElementUtils());
  }

  /** Whether the compiler offers source trees at all. */
  boolean available() {
    return trees != null;
  }

  /** The compiler's trees; only when {@link #available()}. */
  Trees trees() {
    return trees;
  }

  Types types() {
    return types;
  }

  Elements elements() {
    return elements;
  }

  /** The declaration of {@code element}, or null if its source is not available. */
  TreePath pathOf(Element element) {
    return trees == null ? null : trees.getPath(element);
  }

  /** The element that the tree at {@code path} declares or refers to, or null. */
  Element element(TreePath path) {
    return trees.getElement(path);
  }

  /** The declaration of {@code method}, or null if its source is not available. */
  TreePath methodPath(ExecutableElement method) {
    if (trees == null) {
      return null;
    }
    Map<ExecutableElement, TreePath> paths = methodPaths.computeIfAbsent(
        method.getEnclosingElement(), owner -> {
          Map<ExecutableElement, TreePath> index = new HashMap<>();
          TreePath classPath = trees.getPath(owner);
          if (classPath != null && classPath.getLeaf() instanceof ClassTree) {
            for (Tree member : ((ClassTree) classPath.getLeaf()).getMembers()) {
              if (member instanceof MethodTree) {
                TreePath path = new TreePath(classPath, member);
                Element element = trees.getElement(path);
                if (element instanceof ExecutableElement) {
                  index.put((ExecutableElement) element, path);
                }
              }
            }
          }
          return index;
        });
    return paths.get(method);
  }

  /** Forgets the method index of the previous round, whose trees the compiler has let go. */
  void newRound() {
    methodPaths.clear();
  }

  /** Whether the code at {@code path} is under {@code @SuppressWarnings("incr-untracked")}. */
  boolean suppressedAt(TreePath path) {
    for (TreePath q = path; q != null; q = q.getParentPath()) {
      Tree leaf = q.getLeaf();
      if ((leaf instanceof MethodTree || leaf instanceof VariableTree || leaf instanceof ClassTree)
          && Annotations.suppressesUntracked(trees.getElement(q))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The method that a virtual call of {@code method} on an object of the class {@code type} runs:
   * the override closest to {@code type}, which may read other inputs than the method the call
   * names (a helper or query of a superclass overridden in a subclass).
   */
  ExecutableElement implementationIn(TypeElement type, ExecutableElement method) {
    Set<Modifier> modifiers = method.getModifiers();
    if (method.getKind() != ElementKind.METHOD
        || modifiers.contains(Modifier.STATIC)
        || modifiers.contains(Modifier.PRIVATE)) {
      return method;
    }
    Element declaring = method.getEnclosingElement();
    for (TypeElement t = type; t != null && !t.equals(declaring); t = superclassOf(t)) {
      for (Element member : t.getEnclosedElements()) {
        if (member.getKind() == ElementKind.METHOD
            && member.getSimpleName().contentEquals(method.getSimpleName())
            && elements.overrides((ExecutableElement) member, method, type)) {
          return (ExecutableElement) member;
        }
      }
    }
    return method;
  }

  /** The superclass of {@code type}, or null for {@code Object} and interfaces. */
  TypeElement superclassOf(TypeElement type) {
    Element e = types.asElement(type.getSuperclass());
    return e instanceof TypeElement ? (TypeElement) e : null;
  }

  /**
   * Whether {@code owner} is a class with {@code @Input} fields (its own or inherited), other than
   * a generated one (whose methods read the nodes).
   */
  boolean isIncremental(Element owner) {
    if (Annotations.isGenerated(owner)) {
      return false;
    }
    for (Element t = owner; t instanceof TypeElement; t = superclassOf((TypeElement) t)) {
      for (VariableElement f : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        if (Annotations.isInput(f)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code receiver} is {@code this}, {@code super} or {@code Outer.this}. */
  static boolean isThis(ExpressionTree receiver) {
    String name;
    if (receiver instanceof IdentifierTree) {
      name = ((IdentifierTree) receiver).getName().toString();
    } else if (receiver instanceof MemberSelectTree) {
      name = ((MemberSelectTree) receiver).getIdentifier().toString();
    } else {
      return false;
    }
    return name.equals("this") || name.equals("super");
  }

  /** Whether {@code receiver} is {@code super} or {@code Interface.super}: no dispatch. */
  static boolean isSuper(ExpressionTree receiver) {
    return (receiver instanceof IdentifierTree
            && ((IdentifierTree) receiver).getName().contentEquals("super"))
        || (receiver instanceof MemberSelectTree
            && ((MemberSelectTree) receiver).getIdentifier().contentEquals("super"));
  }
}
