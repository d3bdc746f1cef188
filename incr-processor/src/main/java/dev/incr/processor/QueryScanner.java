package dev.incr.processor;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.incr.processor.QueryReads.SetterCall;
import dev.incr.processor.QueryReads.UntrackedRead;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * The scan of what one query reads, from the compiler's source trees: which {@code @Input} fields
 * of its object it reads (its dependencies), which argument-less queries it calls (for the cycle
 * check), and what it does that the engine cannot see (untracked reads, calls to generated
 * setters).
 *
 * <p>It walks the query's body, including lambdas and local and anonymous classes inside it, and
 * follows, transitively, calls made on {@code this} to the non-query methods of the class, its
 * superclasses and its interfaces (a virtual call resolved to the override the generated object
 * runs), and calls to the methods and constructors of classes nested in them (an inner class reads
 * the inputs of the object it belongs to). Every identifier and member select is resolved by the
 * compiler, so a parameter or local that shadows a field is never mistaken for it, and overloads
 * resolve to the method actually called. A non-query method of an incremental class called on
 * another object is followed as run on that object (see {@link MethodScanner#foreignVia}): its
 * reads of input fields are untracked.
 *
 * <p>Where a method reached has no source here, the result lists it as unseen, and the query must
 * depend on every input of its object.
 */
final class QueryScanner {
  private final SourceTrees trees;

  QueryScanner(SourceTrees trees) {
    this.trees = trees;
  }

  /**
   * Scans {@code query} and the methods it calls on {@code this}.
   *
   * @param type the annotated class
   * @param inputs the class's input fields
   * @param queries the class's query methods
   */
  QueryReads scan(
      TypeElement type,
      ExecutableElement query,
      Set<VariableElement> inputs,
      Set<ExecutableElement> queries) {
    Scan scan = new Scan(type, query, inputs, queries);
    // The generated override calls super.query(), which runs the subclass's override if there is
    // one (a query stays a query when overridden without the annotation).
    scan.pending.add(trees.implementationIn(type, query));
    drain(scan);
    return scan.result();
  }

  /**
   * Scans code made by the class outside its queries (a lambda's body, say) as if a query of
   * {@code type} ran it on {@code this}: what it would read. Calls to setters are not collected.
   */
  QueryReads scanCode(
      TypeElement type,
      TreePath code,
      Set<VariableElement> inputs,
      Set<ExecutableElement> queries) {
    Scan scan = new Scan(type, null, inputs, queries);
    new MethodScanner(scan, null, null).scan(code, null);
    drain(scan);
    return scan.result();
  }

  /**
   * Scans the methods queued in {@code scan} until none is left: first everything the query runs
   * on {@code this}, then the methods of the class it calls on other objects (each scanned as run
   * on that object, see {@link MethodScanner#foreignVia}).
   */
  private void drain(Scan scan) {
    while (!scan.pending.isEmpty() || !scan.pendingForeign.isEmpty()) {
      boolean foreign = scan.pending.isEmpty();
      ExecutableElement method =
          foreign ? scan.pendingForeign.removeFirst() : scan.pending.removeFirst();
      if (!(foreign ? scan.visitedForeign : scan.visited).add(method)) {
        continue;
      }
      TreePath path = trees.methodPath(method);
      if (path == null) {
        if (!foreign) {
          scan.unseen.add(method);
        }
        // A method of another object whose source is not here: what it reads is unknown, as for
        // any library code the query calls.
        continue;
      }
      MethodTree tree = (MethodTree) path.getLeaf();
      if (tree.getBody() != null) {
        ExecutableElement via = foreign ? scan.foreignEntry.get(method) : null;
        TreePath entryCall = foreign ? scan.foreignEntryCall.get(method) : null;
        new MethodScanner(scan, via, entryCall).scan(new TreePath(path, tree.getBody()), null);
      }
    }
  }

  /** The state of one query's scan, shared by the scanners of the methods it reaches. */
  private static final class Scan {
    final TypeElement type;
    final ExecutableElement query;
    final Set<VariableElement> inputs;
    final Set<ExecutableElement> queries;
    final Deque<ExecutableElement> pending = new ArrayDeque<>();
    final Set<ExecutableElement> visited = new HashSet<>();
    /** Methods of the class reached through a call on another object: they run on that object. */
    final Deque<ExecutableElement> pendingForeign = new ArrayDeque<>();
    final Set<ExecutableElement> visitedForeign = new HashSet<>();
    /** For each method in {@link #pendingForeign}, the first one called on the other object. */
    final Map<ExecutableElement, ExecutableElement> foreignEntry = new HashMap<>();
    /** For each method in {@link #pendingForeign}, the call in the query's own code leading to it. */
    final Map<ExecutableElement, TreePath> foreignEntryCall = new HashMap<>();
    final Set<VariableElement> inputsRead = new HashSet<>();
    final Set<ExecutableElement> queriesCalled = new LinkedHashSet<>();
    final Map<VariableElement, UntrackedRead> untracked = new LinkedHashMap<>();
    final List<ExecutableElement> unseen = new ArrayList<>();
    final List<SetterCall> setterCalls = new ArrayList<>();

    Scan(
        TypeElement type,
        ExecutableElement query,
        Set<VariableElement> inputs,
        Set<ExecutableElement> queries) {
      this.type = type;
      this.query = query;
      this.inputs = inputs;
      this.queries = queries;
    }

    QueryReads result() {
      Set<VariableElement> ordered = new LinkedHashSet<>();
      for (VariableElement input : inputs) {
        if (inputsRead.contains(input)) {
          ordered.add(input);
        }
      }
      return new QueryReads(ordered, queriesCalled, new ArrayList<>(untracked.values()), unseen,
          setterCalls);
    }
  }

  /** Scans one method body for the reads and calls that {@link Scan} collects. */
  private final class MethodScanner extends TreePathScanner<Void, Void> {
    private final Scan scan;
    /**
     * Null while scanning code that runs on the query's own object; else the method of the class
     * that the query called on another object, and this code runs on that object: its reads of
     * input fields "on this" are reads of the other object's inputs, which the engine does not
     * see.
     */
    private final ExecutableElement foreignVia;
    /** Where {@link #foreignVia} is called from code that runs on the query's own object. */
    private final TreePath foreignCall;

    MethodScanner(Scan scan, ExecutableElement foreignVia, TreePath foreignCall) {
      this.foreignCall = foreignCall;
      this.scan = scan;
      this.foreignVia = foreignVia;
    }

    @Override
    public Void visitIdentifier(IdentifierTree node, Void p) {
      Element element = trees.element(getCurrentPath());
      if (element != null && element.getKind() == ElementKind.FIELD) {
        field((VariableElement) element, true);
      }
      return super.visitIdentifier(node, p);
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree node, Void p) {
      Element element = trees.element(getCurrentPath());
      if (element != null && element.getKind() == ElementKind.FIELD) {
        field((VariableElement) element, SourceTrees.isThis(node.getExpression()));
      }
      return super.visitMemberSelect(node, p);
    }

    @Override
    public Void visitAssignment(AssignmentTree node, Void p) {
      // Assigning a field is not reading it: scan only the receiver of the target, and the value.
      ExpressionTree target = node.getVariable();
      if (target instanceof MemberSelectTree) {
        scan(((MemberSelectTree) target).getExpression(), p);
      } else if (!(target instanceof IdentifierTree)) {
        scan(target, p);
      }
      return scan(node.getExpression(), p);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
      Element element = trees.element(getCurrentPath());
      if (element instanceof ExecutableElement) {
        ExpressionTree select = node.getMethodSelect();
        boolean onThis = select instanceof IdentifierTree
            || (select instanceof MemberSelectTree
                && SourceTrees.isThis(((MemberSelectTree) select).getExpression()));
        boolean onSuper = select instanceof MemberSelectTree
            && SourceTrees.isSuper(((MemberSelectTree) select).getExpression());
        call((ExecutableElement) element, onThis, onThis && !onSuper, true);
      }
      return super.visitMethodInvocation(node, p);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree node, Void p) {
      Element element = trees.element(getCurrentPath());
      if (element instanceof ExecutableElement) {
        ExpressionTree qualifier = node.getQualifierExpression();
        boolean onThis = SourceTrees.isThis(qualifier);
        call((ExecutableElement) element, onThis, onThis && !SourceTrees.isSuper(qualifier), false);
      }
      return super.visitMemberReference(node, p);
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void p) {
      // The constructor of an inner class of the class runs now, and may read the inputs of the
      // object it belongs to (a class body here is scanned as part of this tree).
      Element element = trees.element(getCurrentPath());
      if (element instanceof ExecutableElement && node.getClassBody() == null) {
        call((ExecutableElement) element, false, false, true);
      }
      return super.visitNewClass(node, p);
    }

    /**
     * A call (or method reference) naming {@code named}; {@code virtual} if it dispatches on this
     * object's class (not {@code super.m()}, not on another object).
     */
    private void call(
        ExecutableElement named, boolean onThis, boolean virtual, boolean invoked) {
      ExecutableElement query = queryNamed(named);
      if (query != null) {
        if (onThis && invoked && named.getParameters().isEmpty() && foreignVia == null) {
          scan.queriesCalled.add(query);
        }
        return;
      }
      if (Annotations.isQuery(named)) {
        return; // a query of another incremental class: tracked at run time
      }
      VariableElement setInput = invoked ? inputSetBy(named) : null;
      if (setInput != null) {
        if (scan.query != null && !deferred(getCurrentPath())) {
          scan.setterCalls.add(new SetterCall(named, setInput, getCurrentPath()));
        }
        return;
      }
      ExecutableElement callee = virtual ? trees.implementationIn(scan.type, named) : named;
      boolean isStatic = callee.getModifiers().contains(Modifier.STATIC);
      if (callee.getModifiers().contains(Modifier.ABSTRACT)) {
        return; // a generated getter or setter: tracked at run time
      }
      Element owner = callee.getEnclosingElement();
      if (callee.getKind() == ElementKind.METHOD && inHierarchy(owner)) {
        if (isStatic || (onThis && foreignVia == null)) {
          scan.pending.add(callee);
        } else {
          follow(callee, foreignVia != null ? foreignVia : callee);
        }
      } else if (callee.getKind() == ElementKind.METHOD && !isStatic && trees.isIncremental(owner)) {
        // A helper of another incremental class: it runs on an object of that class, whose
        // inputs it may read from their fields, out of the engine's sight.
        follow(callee, foreignVia != null ? foreignVia : callee);
      } else if (nestedInHierarchy(owner)) {
        // A method or constructor of an inner class (or a class nested in one): it reads the
        // inputs of the object it belongs to, taken to be the one this code runs on.
        if (foreignVia == null) {
          scan.pending.add(callee);
        } else {
          follow(callee, foreignVia);
        }
      }
    }

    /**
     * The input whose generated setter {@code method} is: an abstract declaration of the setter in
     * an incremental class, or the setter of a generated class; else null.
     */
    private VariableElement inputSetBy(ExecutableElement method) {
      String name = method.getSimpleName().toString();
      Element owner = method.getEnclosingElement();
      if (method.getParameters().size() != 1
          || !name.startsWith("set")
          || !(owner instanceof TypeElement)
          || !(method.getModifiers().contains(Modifier.ABSTRACT)
              || Annotations.isGenerated(owner))) {
        return null;
      }
      for (Element t = owner; t instanceof TypeElement; t = trees.superclassOf((TypeElement) t)) {
        for (VariableElement f : ElementFilter.fieldsIn(t.getEnclosedElements())) {
          if (Annotations.isInput(f)
              && Signatures.setterName(f.getSimpleName().toString()).equals(name)) {
            return f;
          }
        }
      }
      return null;
    }

    /**
     * Whether the code at {@code path} is inside a lambda, method reference or class body made by
     * the method being scanned: it may run later, outside the query.
     */
    private boolean deferred(TreePath path) {
      for (TreePath q = path.getParentPath(); q != null; q = q.getParentPath()) {
        Tree leaf = q.getLeaf();
        if (leaf instanceof MethodTree) {
          return false;
        }
        if (leaf instanceof LambdaExpressionTree
            || leaf instanceof MemberReferenceTree
            || leaf instanceof ClassTree) {
          return true;
        }
      }
      return false;
    }

    /**
     * Where a read of an input is reported: where it is, unless it is made "on this" by a method
     * the query called on another object; then at that call, in the query's own code.
     */
    private TreePath readAt(boolean onThis) {
      return onThis && foreignVia != null ? foreignCall : getCurrentPath();
    }

    private void follow(ExecutableElement callee, ExecutableElement via) {
      scan.foreignEntry.putIfAbsent(callee, via);
      scan.foreignEntryCall.putIfAbsent(callee, foreignVia != null ? foreignCall : getCurrentPath());
      scan.pendingForeign.add(callee);
    }

    private void field(VariableElement field, boolean onThis) {
      if (scan.inputs.contains(field)) {
        if (onThis && foreignVia == null) {
          scan.inputsRead.add(field);
        } else if (!suppressed(field)) {
          scan.untracked.putIfAbsent(
              field, new UntrackedRead(field, true, onThis ? foreignVia : null, readAt(onThis)));
        }
        return;
      }
      if (Annotations.isInput(field)) {
        // An input of another incremental class, read from its field rather than its getter.
        if (!suppressed(field)) {
          scan.untracked.putIfAbsent(
              field, new UntrackedRead(field, true, onThis ? foreignVia : null, readAt(onThis)));
        }
        return;
      }
      Set<Modifier> modifiers = field.getModifiers();
      if (modifiers.contains(Modifier.FINAL)) {
        return;
      }
      boolean mutableStatic = modifiers.contains(Modifier.STATIC);
      boolean mutableMember = !mutableStatic && onThis && inHierarchy(field.getEnclosingElement());
      if ((mutableStatic || mutableMember) && !suppressed(field)) {
        scan.untracked.putIfAbsent(field, new UntrackedRead(field, false, null, getCurrentPath()));
      }
    }

    /**
     * The query that a call naming {@code named} reaches: {@code named} itself, or a query it
     * overrides or that overrides it (a query keeps being one in a subclass that overrides it
     * without the annotation); null if it is not a query.
     */
    private ExecutableElement queryNamed(ExecutableElement named) {
      for (ExecutableElement q : scan.queries) {
        if (q.equals(named)
            || (q.getSimpleName().contentEquals(named.getSimpleName())
                && (trees.elements().overrides(q, named, scan.type)
                    || trees.elements().overrides(named, q, scan.type)))) {
          return q;
        }
      }
      return null;
    }

    /** Whether {@code owner} is a class declared (at any depth) inside a class of the hierarchy. */
    private boolean nestedInHierarchy(Element owner) {
      if (!(owner instanceof TypeElement)) {
        return false;
      }
      for (Element e = owner.getEnclosingElement(); e != null; e = e.getEnclosingElement()) {
        if (e instanceof TypeElement && inHierarchy(e)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Whether {@code owner} is the class, one of its superclasses (but Object) or an interface it
     * implements: code there runs on the object (an interface's default method may call back
     * methods of the class that read inputs).
     */
    private boolean inHierarchy(Element owner) {
      if (!(owner instanceof TypeElement)
          || (owner.getKind() != ElementKind.CLASS && owner.getKind() != ElementKind.INTERFACE)) {
        return false;
      }
      if (((TypeElement) owner).getQualifiedName().contentEquals("java.lang.Object")) {
        return false;
      }
      return trees.types().isSubtype(
          trees.types().erasure(scan.type.asType()), trees.types().erasure(owner.asType()));
    }

    /** Whether the current read is under {@code @SuppressWarnings("incr-untracked")}. */
    private boolean suppressed(VariableElement field) {
      // The path runs from the read up through the method scanned and its classes.
      return Annotations.suppressesUntracked(field) || Annotations.suppressesUntracked(scan.query) || trees.suppressedAt(getCurrentPath());
    }
  }
}
