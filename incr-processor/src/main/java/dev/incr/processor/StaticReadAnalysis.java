package dev.incr.processor;

import com.sun.source.tree.AssertTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.incr.processor.StaticReads.Disqualifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Decides, for one argument-less query, whether every run reads the same nodes: then those nodes
 * are known at compile time and the generated node gets them as a fixed dependency list.
 *
 * <p>A query's node reads are its calls, on {@code this}, of argument-less queries and of the
 * generated getters of inputs, made by its body or by the methods of the class it calls on {@code
 * this} (followed into their bodies). Its reads of input fields are not node reads: the generated
 * code makes every input field the query reads a dependency, whatever the code around the read.
 * The reads are static when each node read is unconditional: not inside an {@code if}, {@code
 * switch}, {@code assert}, loop, lambda, method reference, class body, conditional expression,
 * right operand of {@code &&} or {@code ||}, or {@code try}, nor after a {@code return} or {@code
 * throw} inside one of those; and when the query calls nothing whose
 * reads the analysis cannot see: a query with parameters, a method of another object, a
 * constructor, a static method outside the class (the pure ones of {@code java.lang}'s {@code
 * Math}, {@code String} and the boxes excepted), a method without source, or one that calls itself.
 * The first such construct, in source order, is the reason the query stays dynamic.
 *
 * <p>The analysis may be wrong only towards code it allows that reads a node anyway (a {@code
 * toString()} that string concatenation calls): the runtime records such a read as it would for a
 * dynamic node, so results stay exact.
 */
final class StaticReadAnalysis {
  /** Classes whose methods read no node: pure functions over values. */
  private static final Set<String> PURE_CLASSES = Set.of(
      "java.lang.Math", "java.lang.StrictMath", "java.lang.String", "java.lang.StringBuilder",
      "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Float",
      "java.lang.Short", "java.lang.Byte", "java.lang.Character", "java.lang.Boolean");

  private final SourceTrees trees;

  StaticReadAnalysis(SourceTrees trees) {
    this.trees = trees;
  }

  /**
   * Analyzes argument-less {@code query} of {@code type}.
   *
   * @param reads what {@link QueryScanner} found the query reads (an incomplete scan makes it
   *     dynamic)
   */
  StaticReads analyze(
      TypeElement type,
      ExecutableElement query,
      Set<VariableElement> inputs,
      Set<ExecutableElement> queries,
      QueryReads reads) {
    if (!reads.complete()) {
      return StaticReads.dynamic(Disqualifier.INCOMPLETE, null,
          Signatures.of(reads.unseen().get(0)));
    }
    Analysis analysis = new Analysis(type, inputs, queries);
    try {
      return StaticReads.fixed(
          new ArrayList<>(analysis.readsOf(trees.implementationIn(type, query), null)));
    } catch (Rejected r) {
      return r.result;
    }
  }

  /** Ends the analysis at the first construct that makes the reads dynamic. */
  private static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient StaticReads result;

    Rejected(StaticReads result) {
      super(null, null, false, false);
      this.result = result;
    }
  }

  /** The analysis of one query: its body and the methods it calls on {@code this}. */
  private final class Analysis {
    final TypeElement type;
    final Set<VariableElement> inputs;
    final Set<ExecutableElement> queries;
    /** The node reads of each method already analyzed. */
    final Map<ExecutableElement, Set<Element>> done = new HashMap<>();
    final Set<ExecutableElement> inProgress = new HashSet<>();

    Analysis(TypeElement type, Set<VariableElement> inputs, Set<ExecutableElement> queries) {
      this.type = type;
      this.inputs = inputs;
      this.queries = queries;
    }

    /** The node reads of {@code method}'s body, in order; {@code call} is where it is called. */
    Set<Element> readsOf(ExecutableElement method, TreePath call) {
      Set<Element> known = done.get(method);
      if (known != null) {
        return known;
      }
      if (!inProgress.add(method)) {
        throw new Rejected(StaticReads.dynamic(Disqualifier.RECURSION, call, Signatures.of(method)));
      }
      TreePath path = trees.methodPath(method);
      if (path == null || ((MethodTree) path.getLeaf()).getBody() == null) {
        throw new Rejected(StaticReads.dynamic(Disqualifier.INCOMPLETE, call,
            method.getEnclosingElement().getSimpleName() + "." + Signatures.of(method)));
      }
      BodyScanner scanner = new BodyScanner(this);
      scanner.scan(new TreePath(path, ((MethodTree) path.getLeaf()).getBody()), null);
      inProgress.remove(method);
      done.put(method, scanner.reads);
      return scanner.reads;
    }
  }

  /** Scans one method body, collecting its node reads and rejecting the dynamic constructs. */
  private final class BodyScanner extends TreePathScanner<Void, Void> {
    private final Analysis analysis;
    final Set<Element> reads = new LinkedHashSet<>();
    /** The constructs around the code being scanned that may skip or repeat it, innermost first. */
    private final Deque<Disqualifier> around = new ArrayDeque<>();
    /**
     * Whether a {@code return} or {@code throw} inside some construct came before the code being
     * scanned: the method may have left already, so a read here is conditional.
     */
    private boolean mayHaveLeft;

    BodyScanner(Analysis analysis) {
      this.analysis = analysis;
    }

    private void scanUnder(Disqualifier construct, Tree tree) {
      around.push(construct);
      try {
        scan(tree, null);
      } finally {
        around.pop();
      }
    }

    private void scanUnder(Disqualifier construct, Iterable<? extends Tree> trees) {
      around.push(construct);
      try {
        scan(trees, null);
      } finally {
        around.pop();
      }
    }

    @Override
    public Void visitIf(IfTree node, Void p) {
      scan(node.getCondition(), p);
      scanUnder(Disqualifier.BRANCH, node.getThenStatement());
      scanUnder(Disqualifier.BRANCH, node.getElseStatement());
      return null;
    }

    @Override
    public Void visitSwitch(SwitchTree node, Void p) {
      scan(node.getExpression(), p);
      scanUnder(Disqualifier.BRANCH, node.getCases());
      return null;
    }

    @Override
    public Void visitSwitchExpression(SwitchExpressionTree node, Void p) {
      scan(node.getExpression(), p);
      scanUnder(Disqualifier.BRANCH, node.getCases());
      return null;
    }

    @Override
    public Void visitAssert(AssertTree node, Void p) {
      scanUnder(Disqualifier.BRANCH, node.getCondition());
      scanUnder(Disqualifier.BRANCH, node.getDetail());
      return null;
    }

    @Override
    public Void visitForLoop(ForLoopTree node, Void p) {
      scan(node.getInitializer(), p);
      scanUnder(Disqualifier.LOOP, node.getCondition());
      scanUnder(Disqualifier.LOOP, node.getUpdate());
      scanUnder(Disqualifier.LOOP, node.getStatement());
      return null;
    }

    @Override
    public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void p) {
      scan(node.getExpression(), p);
      scanUnder(Disqualifier.LOOP, node.getStatement());
      return null;
    }

    @Override
    public Void visitWhileLoop(WhileLoopTree node, Void p) {
      scanUnder(Disqualifier.LOOP, node.getCondition());
      scanUnder(Disqualifier.LOOP, node.getStatement());
      return null;
    }

    @Override
    public Void visitDoWhileLoop(DoWhileLoopTree node, Void p) {
      scanUnder(Disqualifier.LOOP, node.getStatement());
      scanUnder(Disqualifier.LOOP, node.getCondition());
      return null;
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, Void p) {
      scanUnder(Disqualifier.LAMBDA, node.getBody());
      return null;
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree node, Void p) {
      scan(node.getQualifierExpression(), p);
      // The method it names runs whenever the reference is called: a read there is deferred.
      Element element = trees.element(getCurrentPath());
      if (element instanceof ExecutableElement) {
        around.push(Disqualifier.LAMBDA);
        try {
          call((ExecutableElement) element, node.getQualifierExpression());
        } finally {
          around.pop();
        }
      }
      return null;
    }

    @Override
    public Void visitClass(ClassTree node, Void p) {
      scanUnder(Disqualifier.LAMBDA, node.getMembers());
      return null;
    }

    @Override
    public Void visitConditionalExpression(ConditionalExpressionTree node, Void p) {
      scan(node.getCondition(), p);
      scanUnder(Disqualifier.CONDITIONAL, node.getTrueExpression());
      scanUnder(Disqualifier.CONDITIONAL, node.getFalseExpression());
      return null;
    }

    @Override
    public Void visitBinary(BinaryTree node, Void p) {
      if (node.getKind() == Tree.Kind.CONDITIONAL_AND
          || node.getKind() == Tree.Kind.CONDITIONAL_OR) {
        scan(node.getLeftOperand(), p);
        scanUnder(Disqualifier.SHORT_CIRCUIT, node.getRightOperand());
        return null;
      }
      return super.visitBinary(node, p);
    }

    @Override
    public Void visitReturn(ReturnTree node, Void p) {
      scan(node.getExpression(), p);
      left();
      return null;
    }

    @Override
    public Void visitThrow(ThrowTree node, Void p) {
      scan(node.getExpression(), p);
      left();
      return null;
    }

    /** A return or throw: inside a construct (but not a lambda's own), later code is conditional. */
    private void left() {
      if (!around.isEmpty() && !around.contains(Disqualifier.LAMBDA)) {
        mayHaveLeft = true;
      }
    }

    @Override
    public Void visitTry(TryTree node, Void p) {
      scanUnder(Disqualifier.TRY, node.getResources());
      scanUnder(Disqualifier.TRY, node.getBlock());
      scanUnder(Disqualifier.TRY, node.getCatches());
      scanUnder(Disqualifier.TRY, node.getFinallyBlock());
      return null;
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void p) {
      Element element = trees.element(getCurrentPath());
      Element owner = element == null ? null : element.getEnclosingElement();
      if (node.getClassBody() != null || !pure(owner)) {
        reject(Disqualifier.OTHER_CALL, "new " + node.getIdentifier());
      }
      return super.visitNewClass(node, p);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
      // Evaluation order: the receiver, the arguments, then the call itself.
      ExpressionTree select = node.getMethodSelect();
      ExpressionTree receiver =
          select instanceof MemberSelectTree ? ((MemberSelectTree) select).getExpression() : null;
      scan(receiver, p);
      scan(node.getArguments(), p);
      Element element = trees.element(getCurrentPath());
      if (!(element instanceof ExecutableElement)) {
        reject(Disqualifier.OTHER_CALL, select.toString());
      }
      call((ExecutableElement) element, receiver);
      return null;
    }

    /**
     * A call of {@code named} ({@code receiver} null for an unqualified call), or the method a
     * method reference names.
     */
    private void call(ExecutableElement named, ExpressionTree receiver) {
      String shown = Signatures.of(named);
      Element owner = named.getEnclosingElement();
      boolean isStatic = named.getModifiers().contains(Modifier.STATIC);
      boolean onThis = !isStatic && (receiver == null || SourceTrees.isThis(receiver));
      boolean onSuper = receiver != null && SourceTrees.isSuper(receiver);
      ExecutableElement query = queryNamed(named);
      if (query != null) {
        if (!onThis || onSuper) {
          reject(Disqualifier.OTHER_CALL, shown);
        }
        if (!query.getParameters().isEmpty()) {
          reject(Disqualifier.PARAMETER_QUERY, shown);
        }
        read(query, shown);
        return;
      }
      if (Annotations.isQuery(named)) {
        reject(Disqualifier.OTHER_CALL, shown);
      }
      if (pure(owner)) {
        return;
      }
      if (isStatic) {
        if (inHierarchy(owner)) {
          helper(named, shown);
          return;
        }
        reject(Disqualifier.OTHER_CALL, shown);
      }
      if (!onThis) {
        reject(Disqualifier.OTHER_CALL, shown);
      }
      VariableElement input = inputGotBy(named);
      if (input != null) {
        read(input, shown);
        return;
      }
      ExecutableElement callee =
          onSuper ? named : trees.implementationIn(analysis.type, named);
      Element calleeOwner = callee.getEnclosingElement();
      if (calleeOwner instanceof TypeElement
          && ((TypeElement) calleeOwner).getQualifiedName().contentEquals("java.lang.Object")) {
        return; // Object's own hashCode, getClass, ...: no node read
      }
      if (callee.getModifiers().contains(Modifier.ABSTRACT)) {
        // Implemented by the generated class: the engine accessor (a setter is an error in a
        // query already). Anything else has no implementation to follow.
        if (callee.getParameters().isEmpty()
            && callee.getReturnType().toString().equals(ClassNames.ENGINE_NAME)) {
          return;
        }
        reject(Disqualifier.OTHER_CALL, shown);
      }
      if (!inHierarchy(calleeOwner)) {
        reject(Disqualifier.OTHER_CALL, shown);
      }
      helper(callee, shown);
    }

    /** A call of a method of the class on {@code this}: its reads happen here. */
    private void helper(ExecutableElement method, String shown) {
      Set<Element> inner = analysis.readsOf(method, getCurrentPath());
      if (!inner.isEmpty() && !around.isEmpty()) {
        reject(around.peek(), shown);
      }
      if (!inner.isEmpty() && mayHaveLeft) {
        reject(Disqualifier.EARLY_EXIT, shown);
      }
      reads.addAll(inner);
    }

    /** A node read: unconditional unless some construct around it says otherwise. */
    private void read(Element node, String shown) {
      if (!around.isEmpty()) {
        reject(around.peek(), shown);
      }
      if (mayHaveLeft) {
        reject(Disqualifier.EARLY_EXIT, shown);
      }
      reads.add(node);
    }

    private void reject(Disqualifier reason, String detail) {
      throw new Rejected(StaticReads.dynamic(reason, getCurrentPath(), detail));
    }

    /** The input whose generated getter {@code method} is ({@code T name()}, abstract), or null. */
    private VariableElement inputGotBy(ExecutableElement method) {
      if (!method.getParameters().isEmpty() || !method.getModifiers().contains(Modifier.ABSTRACT)) {
        return null;
      }
      for (VariableElement input : analysis.inputs) {
        if (input.getSimpleName().contentEquals(method.getSimpleName())) {
          return input;
        }
      }
      return null;
    }

    /** The query of the class a call naming {@code named} reaches, or null (as the scan does). */
    private ExecutableElement queryNamed(ExecutableElement named) {
      for (ExecutableElement q : analysis.queries) {
        if (q.equals(named)
            || (q.getSimpleName().contentEquals(named.getSimpleName())
                && (trees.elements().overrides(q, named, analysis.type)
                    || trees.elements().overrides(named, q, analysis.type)))) {
          return q;
        }
      }
      return null;
    }

    private boolean inHierarchy(Element owner) {
      if (!(owner instanceof TypeElement)
          || (owner.getKind() != ElementKind.CLASS && owner.getKind() != ElementKind.INTERFACE)) {
        return false;
      }
      return trees.types().isSubtype(trees.types().erasure(analysis.type.asType()),
          trees.types().erasure(owner.asType()));
    }
  }

  private static boolean pure(Element owner) {
    return owner instanceof TypeElement
        && PURE_CLASSES.contains(((TypeElement) owner).getQualifiedName().toString());
  }
}
