package dev.incr.processor;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.incr.processor.InputAccesses.Assignment;
import dev.incr.processor.InputAccesses.LocalIncrementalClass;
import dev.incr.processor.InputAccesses.OutsideRead;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * The scan of every class compiled, annotated or not, for what concerns incremental classes
 * elsewhere: assignments to their inputs, changes to their inputs' contents, reads of their input
 * fields from classes that are not incremental, and incremental classes declared where no subclass
 * can be generated (inside a method or expression).
 */
final class CompilationScanner {
  /** Methods that change a {@code java.util} collection or map in place. */
  private static final Set<String> MUTATORS = Set.of(
      "add", "addAll", "addFirst", "addLast", "clear", "compute", "computeIfAbsent",
      "computeIfPresent", "merge", "offer", "offerFirst", "offerLast", "poll", "pollFirst",
      "pollLast", "pop", "push", "put", "putAll", "putIfAbsent", "remove", "removeAll",
      "removeFirst", "removeIf", "removeLast", "replace", "replaceAll", "retainAll", "set", "sort");

  private final SourceTrees trees;

  CompilationScanner(SourceTrees trees) {
    this.trees = trees;
  }

  /**
   * Finds, in the top-level class {@code root} and everything nested in it, in one pass, the local
   * and anonymous classes with inputs or queries, and the accesses to {@code @Input} fields that
   * the engine cannot see:
   *
   * <ul>
   *   <li>assignments (including compound ones, {@code ++} and {@code --}) not allowed: an input
   *       may be assigned only on {@code this} in a constructor, initializer block or field
   *       initializer of its class or a subclass, before the generated class creates its node (and
   *       not in a lambda made there, which runs later);
   *   <li>changes to the contents of the array, collection or map an input holds ({@code
   *       items.add(x)}, {@code counts[i]++}), where an assignment would not be allowed;
   *   <li>reads made outside incremental classes ({@code price.cents} in a helper class): code that
   *       may run inside a computation, where such a read is not tracked (reads inside incremental
   *       classes are the queries' analysis's business).
   * </ul>
   *
   * Changes in place and reads under {@code @SuppressWarnings("incr-untracked")} are left out.
   */
  InputAccesses scan(TypeElement root) {
    List<Assignment> writes = new ArrayList<>();
    List<OutsideRead> reads = new ArrayList<>();
    List<LocalIncrementalClass> localClasses = new ArrayList<>();
    TreePath rootPath = trees.pathOf(root);
    if (rootPath == null) {
      return new InputAccesses(writes, reads, localClasses);
    }
    new TreePathScanner<Void, Void>() {
      /** The class whose constructor or initializer is being scanned, else null. */
      private TypeElement initializing;
      /** Whether the code scanned is in an incremental class (or a class nested in one). */
      private boolean inIncremental;

      @Override
      public Void visitClass(ClassTree node, Void p) {
        TypeElement saved = initializing;
        boolean savedIncremental = inIncremental;
        Element type = trees.element(getCurrentPath());
        inIncremental |= type != null && trees.isIncremental(type);
        if (type instanceof TypeElement
            && (((TypeElement) type).getNestingKind() == NestingKind.LOCAL
                || ((TypeElement) type).getNestingKind() == NestingKind.ANONYMOUS)
            && Annotations.declaresInputsOrQueries(type)) {
          localClasses.add(new LocalIncrementalClass((TypeElement) type, getCurrentPath()));
        }
        scan(node.getModifiers(), p);
        scan(node.getTypeParameters(), p);
        scan(node.getExtendsClause(), p);
        scan(node.getImplementsClause(), p);
        for (Tree member : node.getMembers()) {
          boolean init = member instanceof BlockTree
              || member instanceof VariableTree
              || (member instanceof MethodTree
                  && ((MethodTree) member).getName().contentEquals("<init>"));
          initializing = init && type instanceof TypeElement ? (TypeElement) type : null;
          scan(member, p);
        }
        initializing = saved;
        inIncremental = savedIncremental;
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void p) {
        // A lambda made in a constructor runs later, when the object is in use.
        TypeElement saved = initializing;
        initializing = null;
        try {
          return super.visitLambdaExpression(node, p);
        } finally {
          initializing = saved;
        }
      }

      @Override
      public Void visitAssignment(AssignmentTree node, Void p) {
        write(node.getVariable());
        return scan(node.getExpression(), p);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree node, Void p) {
        write(node.getVariable());
        return scan(node.getExpression(), p);
      }

      @Override
      public Void visitUnary(UnaryTree node, Void p) {
        switch (node.getKind()) {
          case PREFIX_INCREMENT:
          case PREFIX_DECREMENT:
          case POSTFIX_INCREMENT:
          case POSTFIX_DECREMENT:
            write(node.getExpression());
            return null;
          default:
            return super.visitUnary(node, p);
        }
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
        ExpressionTree select = node.getMethodSelect();
        if (select instanceof MemberSelectTree
            && MUTATORS.contains(((MemberSelectTree) select).getIdentifier().toString())) {
          ExpressionTree receiver = ((MemberSelectTree) select).getExpression();
          Element field = trees.element(
              new TreePath(new TreePath(getCurrentPath(), select), receiver));
          if (field != null && field.getKind() == ElementKind.FIELD && isCollectionOrMap(field)) {
            written(receiver, ((MemberSelectTree) select).getIdentifier() + "(...)");
            scan(node.getTypeArguments(), p);
            return scan(node.getArguments(), p);
          }
        }
        return super.visitMethodInvocation(node, p);
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void p) {
        Element element = trees.element(getCurrentPath());
        if (!inIncremental
            && element != null
            && element.getKind() == ElementKind.FIELD
            && Annotations.isInput(element)
            && !trees.suppressedAt(getCurrentPath())) {
          reads.add(new OutsideRead((VariableElement) element, getCurrentPath()));
        }
        return super.visitMemberSelect(node, p);
      }

      private boolean isCollectionOrMap(Element field) {
        TypeMirror type = trees.types().erasure(field.asType());
        for (String container : List.of("java.util.Collection", "java.util.Map")) {
          TypeElement c = trees.elements().getTypeElement(container);
          if (c != null && trees.types().isSubtype(type, trees.types().erasure(c.asType()))) {
            return true;
          }
        }
        return false;
      }

      /** A write to {@code target}: a field, or an element of the array a field holds. */
      private void write(ExpressionTree target) {
        String inPlace = null;
        while (target instanceof ArrayAccessTree) {
          scan(((ArrayAccessTree) target).getIndex(), null);
          target = ((ArrayAccessTree) target).getExpression();
          inPlace = "an element assignment";
        }
        written(target, inPlace);
      }

      /**
       * Reports a write to {@code target}'s field (or, if {@code inPlace} names how, to its
       * contents) where it is not allowed, then scans what the field is reached through (the field
       * itself is written, not read).
       */
      private void written(ExpressionTree target, String inPlace) {
        if (target instanceof MemberSelectTree) {
          scan(((MemberSelectTree) target).getExpression(), null);
        } else if (!(target instanceof IdentifierTree)) {
          scan(target, null);
        }
        Element element = trees.element(new TreePath(getCurrentPath(), target));
        if (element == null
            || element.getKind() != ElementKind.FIELD
            || !Annotations.isInput(element)
            || (inPlace != null && trees.suppressedAt(getCurrentPath()))) {
          return;
        }
        boolean onThis = target instanceof IdentifierTree
            || (target instanceof MemberSelectTree
                && SourceTrees.isThis(((MemberSelectTree) target).getExpression()));
        boolean allowed = onThis
            && initializing != null
            && trees.types().isSubtype(
                trees.types().erasure(initializing.asType()),
                trees.types().erasure(element.getEnclosingElement().asType()));
        if (!allowed) {
          writes.add(new Assignment(
              (VariableElement) element, getCurrentPath(), inPlace));
        }
      }
    }.scan(rootPath, null);
    return new InputAccesses(writes, reads, localClasses);
  }
}
