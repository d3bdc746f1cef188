package dev.incr.processor;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.incr.processor.QueryReads.UntrackedRead;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The scan of code an incremental class makes outside its queries (in field initializers,
 * initializer blocks and constructors) that reads inputs when it runs later: lambdas, method
 * references and anonymous classes. A query that calls such code does not depend on what it reads.
 * What the code reads is found by the {@link QueryScanner}, as if a query ran it.
 */
final class DeferredCodeScanner {
  /**
   * Code created outside any query that reads {@code @Input} fields when it runs later: a lambda,
   * method reference or anonymous class in a field initializer, initializer block or constructor.
   * A query that calls it does not depend on those fields.
   *
   * @param inputs the input fields it reads, in declaration order
   * @param at the lambda, method reference or anonymous class
   * @param createdIn the field or constructor whose code makes it, or the class for an initializer
   *     block
   */
  record DeferredRead(
      Set<VariableElement> inputs, TreePath at, Element createdIn) {}

  private final SourceTrees trees;
  private final QueryScanner queryScanner;

  DeferredCodeScanner(SourceTrees trees, QueryScanner queryScanner) {
    this.trees = trees;
    this.queryScanner = queryScanner;
  }

  /**
   * Finds, in the field initializers, initializer blocks and constructors of {@code type}, the
   * lambdas, method references and anonymous classes that read {@code @Input} fields when they
   * run (directly or through methods of the class they call on {@code this}). They run later,
   * possibly inside a query that calls them, which would then not depend on what they read.
   * Those under {@code @SuppressWarnings("incr-untracked")} are left out.
   */
  List<DeferredRead> scan(
      TypeElement type, Set<VariableElement> inputs, Set<ExecutableElement> queries) {
    List<DeferredRead> found = new ArrayList<>();
    TreePath classPath = trees.pathOf(type);
    if (classPath == null || !(classPath.getLeaf() instanceof ClassTree)) {
      return found;
    }
    for (Tree member : ((ClassTree) classPath.getLeaf()).getMembers()) {
      TreePath memberPath = new TreePath(classPath, member);
      Element createdIn;
      if (member instanceof VariableTree) {
        createdIn = trees.element(memberPath);
        if (createdIn == null || createdIn.getModifiers().contains(Modifier.STATIC)) {
          continue;
        }
      } else if (member instanceof BlockTree) {
        if (((BlockTree) member).isStatic()) {
          continue;
        }
        createdIn = type;
      } else if (member instanceof MethodTree
          && ((MethodTree) member).getName().contentEquals("<init>")) {
        createdIn = trees.element(memberPath);
      } else {
        continue;
      }
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Void p) {
          check(node, getCurrentPath(), new TreePath(getCurrentPath(), node.getBody()));
          return null;
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree node, Void p) {
          check(node, getCurrentPath(), getCurrentPath());
          return super.visitMemberReference(node, p);
        }

        @Override
        public Void visitNewClass(NewClassTree node, Void p) {
          if (node.getClassBody() == null) {
            return super.visitNewClass(node, p);
          }
          scan(node.getArguments(), p);
          check(node, getCurrentPath(),
              new TreePath(getCurrentPath(), node.getClassBody()));
          return null;
        }

        private void check(Tree created, TreePath path, TreePath body) {
          if (trees.suppressedAt(path)) {
            return;
          }
          QueryReads reads = queryScanner.scanCode(type, body, inputs, queries);
          Set<VariableElement> read = new LinkedHashSet<>(reads.inputsRead());
          for (UntrackedRead u : reads.untracked()) {
            if (u.foreignInput()) {
              read.add(u.field()); // another object's input: no better when the code runs later
            }
          }
          if (!read.isEmpty()) {
            found.add(new DeferredRead(read, path, createdIn));
          }
        }
      }.scan(memberPath, null);
    }
    return found;
  }
}
