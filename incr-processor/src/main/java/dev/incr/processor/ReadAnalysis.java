package dev.incr.processor;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
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
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The compile-time scan of which {@code @Input} fields each query reads, using the compiler's
 * source trees ({@code com.sun.source}).
 *
 * <p>For one query it walks the method body, including lambdas and local and anonymous classes
 * inside it, and follows, transitively, calls made on {@code this} to the non-query methods of the
 * class, its superclasses and its interfaces (a virtual call resolved to the override the generated
 * object runs), and calls to the methods and constructors of classes nested in them (an inner class
 * reads the inputs of the object it belongs to). Every identifier and member select is resolved by
 * the compiler ({@link Trees#getElement}), so a parameter or local that shadows a field is never
 * mistaken for it, and overloads resolve to the method actually called. Along the way it collects
 * the argument-less queries called on {@code this} (for the cycle check) and reads the engine
 * cannot track (for the untracked-read warnings): non-input mutable fields, and inputs of other
 * objects, read directly or inside a non-query method of an incremental class called on another
 * object (followed as run on that object, see {@link MethodScanner#foreignVia}).
 *
 * <p>It also finds code made outside the queries that reads inputs when it runs later ({@link
 * #deferredReads}), and accesses to inputs the engine cannot see ({@link #inputAccesses}).
 *
 * <p>Where the compiler offers no trees (another compiler, or a method compiled earlier), the
 * result is marked incomplete and the caller falls back to "every input of the object".
 */
final class ReadAnalysis {

  /**
   * What one query reads.
   *
   * @param inputsRead the input fields read on {@code this}, in declaration order
   * @param queriesCalled the argument-less queries called on {@code this}
   * @param untracked the reads the engine cannot track
   * @param unseen the methods reached whose source is not available (then {@code inputsRead} may
   *     be incomplete, and the query must depend on every input)
   * @param setterCalls the calls to generated setters made while the query runs
   */
  record QueryReads(
      Set<VariableElement> inputsRead,
      Set<ExecutableElement> queriesCalled,
      List<UntrackedRead> untracked,
      List<ExecutableElement> unseen,
      List<SetterCall> setterCalls) {

    /** Whether the scan saw the source of everything the query runs on {@code this}. */
    boolean complete() {
      return unseen.isEmpty();
    }
  }

  /**
   * A read the engine cannot track.
   *
   * @param field the field read
   * @param foreignInput whether it is an {@code @Input} field of another object (rather than a
   *     mutable non-input field)
   * @param via the method of the class, called on another object, whose body reads the field on
   *     that object; null if the query (or a method it calls on {@code this}) reads it itself
   * @param at the read itself, where it is reported
   */
  record UntrackedRead(
      VariableElement field, boolean foreignInput, ExecutableElement via, TreePath at) {}

  /**
   * A call to the generated setter of an input (of this object or another) in code that runs while
   * a query runs: the engine refuses writes inside a computation.
   *
   * @param setter the setter called, as the call names it
   * @param input the input it sets
   * @param at the call, where it is reported
   */
  record SetterCall(ExecutableElement setter, VariableElement input, TreePath at) {}

  /**
   * Code created outside any query that reads {@code @Input} fields when it runs later: a lambda,
   * method reference or anonymous class in a field initializer, initializer block or constructor.
   * A query that calls it does not depend on those fields.
   *
   * @param inputs the input fields it reads, in declaration order
   * @param tree the lambda, method reference or anonymous class
   * @param unit the compilation unit holding {@code tree}
   * @param createdIn the field or constructor whose code makes it, or the class for an initializer
   *     block
   */
  record DeferredRead(
      Set<VariableElement> inputs, Tree tree, CompilationUnitTree unit, Element createdIn) {}

  /**
   * An assignment to an {@code @Input} field outside constructors and initializers, or (if {@code
   * inPlace} names how) a change to the contents of the array, collection or map it holds.
   *
   * @param inPlace null for an assignment to the field; else what changes its contents in place,
   *     such as {@code "add(...)"} or {@code "an element assignment"}
   */
  record Assignment(
      VariableElement field, Tree tree, CompilationUnitTree unit, String inPlace) {}

  /** A read of an {@code @Input} field in a class that is not incremental. */
  record OutsideRead(VariableElement field, Tree tree, CompilationUnitTree unit) {}

  /**
   * A local or anonymous class that declares {@code @Input} or {@code @Query} members: the
   * processor cannot generate a subclass of it (and the compiler does not offer it to processors
   * as an annotated element, so only the trees find it).
   */
  record LocalIncrementalClass(TypeElement type, TreePath at) {}

  /** What {@link #inputAccesses} finds in one top-level class. */
  record InputAccesses(
      List<Assignment> writes,
      List<OutsideRead> outsideReads,
      List<LocalIncrementalClass> localClasses) {}

  /** Methods that change a {@code java.util} collection or map in place. */
  private static final Set<String> MUTATORS = Set.of(
      "add", "addAll", "addFirst", "addLast", "clear", "compute", "computeIfAbsent",
      "computeIfPresent", "merge", "offer", "offerFirst", "offerLast", "poll", "pollFirst",
      "pollLast", "pop", "push", "put", "putAll", "putIfAbsent", "remove", "removeAll",
      "removeFirst", "removeIf", "removeLast", "replace", "replaceAll", "retainAll", "set", "sort");

  private final Trees trees;
  private final Types types;
  private final Elements elements;
  /**
   * The declaration paths of the methods of each class scanned this round. {@link
   * Trees#getPath(Element)} searches the whole compilation unit on every call, which made large
   * classes quadratic; one pass over a class's members indexes them all.
   */
  private final Map<Element, Map<ExecutableElement, TreePath>> methodPaths = new HashMap<>();

  private ReadAnalysis(Trees trees, Types types, Elements elements) {
    this.trees = trees;
    this.types = types;
    this.elements = elements;
  }

  /**
   * Creates the analysis for this compilation.
   *
   * @param useTrees false to behave as if the compiler offered no source trees (processor option
   *     {@code incr.sourceTrees=false})
   */
  static ReadAnalysis create(ProcessingEnvironment env, boolean useTrees) {
    Trees trees = null;
    if (useTrees) {
      try {
        trees = Trees.instance(env);
      } catch (IllegalArgumentException | LinkageError e) {
        // Not javac (or no jdk.compiler module): fall back to "every input".
        trees = null;
      }
    }
    return new ReadAnalysis(trees, env.getTypeUtils(), env.getElementUtils());
  }

  /** Returns the trees, or null if the compiler offers none. */
  Trees trees() {
    return trees;
  }

  /** Returns whether the source trees of {@code type} are available. */
  boolean hasTrees(TypeElement type) {
    return trees != null && trees.getPath(type) != null;
  }

  /**
   * Scans {@code query} and the methods it calls on {@code this}.
   *
   * @param type the annotated class
   * @param inputs the class's input fields
   * @param queries the class's query methods
   */
  QueryReads analyzeQuery(
      TypeElement type,
      ExecutableElement query,
      Set<VariableElement> inputs,
      Set<ExecutableElement> queries) {
    Scan scan = new Scan(type, query, inputs, queries);
    // The generated override calls super.query(), which runs the subclass's override if there is
    // one (a query stays a query when overridden without the annotation).
    scan.pending.add(implementationIn(type, query));
    drain(scan);
    return new QueryReads(
        inDeclarationOrder(scan.inputsRead, inputs),
        scan.queriesCalled,
        new ArrayList<>(scan.untracked.values()),
        scan.unseen,
        scan.setterCalls);
  }

  /**
   * Whether {@code owner} is a class with {@code @Input} fields (its own or inherited), other than
   * a generated one (whose methods read the nodes).
   */
  private boolean isIncremental(Element owner) {
    if (IncrClassStep.generatedHere(owner)) {
      return false;
    }
    for (Element t = owner; t instanceof TypeElement; t = superclassOf((TypeElement) t)) {
      for (VariableElement f : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        if (hasAnnotation(f, ClassNames.INPUT)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the code at {@code path} is under {@code @SuppressWarnings("incr-untracked")}. */
  private boolean suppressedAt(TreePath path) {
    for (TreePath q = path; q != null; q = q.getParentPath()) {
      Tree leaf = q.getLeaf();
      if ((leaf instanceof MethodTree || leaf instanceof VariableTree || leaf instanceof ClassTree)
          && suppresses(trees.getElement(q))) {
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
  private ExecutableElement implementationIn(TypeElement type, ExecutableElement method) {
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

  private TypeElement superclassOf(TypeElement t) {
    Element e = types.asElement(t.getSuperclass());
    return e instanceof TypeElement ? (TypeElement) e : null;
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
      TreePath path = pathOf(method);
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

  private static Set<VariableElement> inDeclarationOrder(
      Set<VariableElement> read, Set<VariableElement> inputs) {
    Set<VariableElement> ordered = new LinkedHashSet<>();
    for (VariableElement input : inputs) {
      if (read.contains(input)) {
        ordered.add(input);
      }
    }
    return ordered;
  }

  /**
   * Finds, in the field initializers, initializer blocks and constructors of {@code type}, the
   * lambdas, method references and anonymous classes that read {@code @Input} fields when they
   * run (directly or through methods of the class they call on {@code this}). They run later,
   * possibly inside a query that calls them, which would then not depend on what they read.
   * Those under {@code @SuppressWarnings("incr-untracked")} are left out.
   */
  List<DeferredRead> deferredReads(
      TypeElement type, Set<VariableElement> inputs, Set<ExecutableElement> queries) {
    List<DeferredRead> found = new ArrayList<>();
    TreePath classPath = trees == null ? null : trees.getPath(type);
    if (classPath == null || !(classPath.getLeaf() instanceof ClassTree)) {
      return found;
    }
    CompilationUnitTree unit = classPath.getCompilationUnit();
    for (Tree member : ((ClassTree) classPath.getLeaf()).getMembers()) {
      TreePath memberPath = new TreePath(classPath, member);
      Element createdIn;
      if (member instanceof VariableTree) {
        createdIn = trees.getElement(memberPath);
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
        createdIn = trees.getElement(memberPath);
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
          if (suppressedAt(path)) {
            return;
          }
          Scan scan = new Scan(type, null, inputs, queries);
          new MethodScanner(scan, null, null).scan(body, null);
          drain(scan);
          Set<VariableElement> read = inDeclarationOrder(scan.inputsRead, inputs);
          for (UntrackedRead u : scan.untracked.values()) {
            if (u.foreignInput()) {
              read.add(u.field()); // another object's input: no better when the code runs later
            }
          }
          if (!read.isEmpty()) {
            found.add(new DeferredRead(read, created, unit, createdIn));
          }
        }
      }.scan(memberPath, null);
    }
    return found;
  }

  /** Forgets the trees of the previous round. */
  void newRound() {
    methodPaths.clear();
  }

  /** Returns the declaration path of {@code method}, or null if its source is not available. */
  private TreePath pathOf(ExecutableElement method) {
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

  /**
   * Finds, in the top-level class {@code root} and everything nested in it, the accesses to {@code
   * @Input} fields that the engine cannot see, in one pass:
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
  InputAccesses inputAccesses(TypeElement root) {
    List<Assignment> writes = new ArrayList<>();
    List<OutsideRead> reads = new ArrayList<>();
    List<LocalIncrementalClass> localClasses = new ArrayList<>();
    TreePath rootPath = trees == null ? null : trees.getPath(root);
    if (rootPath == null) {
      return new InputAccesses(writes, reads, localClasses);
    }
    CompilationUnitTree unit = rootPath.getCompilationUnit();
    new TreePathScanner<Void, Void>() {
      /** The class whose constructor or initializer is being scanned, else null. */
      private TypeElement initializing;
      /** Whether the code scanned is in an incremental class (or a class nested in one). */
      private boolean inIncremental;

      @Override
      public Void visitClass(ClassTree node, Void p) {
        TypeElement saved = initializing;
        boolean savedIncremental = inIncremental;
        Element type = trees.getElement(getCurrentPath());
        inIncremental |= type != null && isIncremental(type);
        if (type instanceof TypeElement
            && (((TypeElement) type).getNestingKind() == NestingKind.LOCAL
                || ((TypeElement) type).getNestingKind() == NestingKind.ANONYMOUS)
            && declaresInputsOrQueries(type)) {
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
          Element field = trees.getElement(
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
        Element element = trees.getElement(getCurrentPath());
        if (!inIncremental
            && element != null
            && element.getKind() == ElementKind.FIELD
            && hasAnnotation(element, ClassNames.INPUT)
            && !suppressedAt(getCurrentPath())) {
          reads.add(new OutsideRead((VariableElement) element, node, unit));
        }
        return super.visitMemberSelect(node, p);
      }

      private boolean isCollectionOrMap(Element field) {
        TypeMirror type = types.erasure(field.asType());
        for (String container : List.of("java.util.Collection", "java.util.Map")) {
          TypeElement c = elements.getTypeElement(container);
          if (c != null && types.isSubtype(type, types.erasure(c.asType()))) {
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
        Element element = trees.getElement(new TreePath(getCurrentPath(), target));
        if (element == null
            || element.getKind() != ElementKind.FIELD
            || !hasAnnotation(element, ClassNames.INPUT)
            || (inPlace != null && suppressedAt(getCurrentPath()))) {
          return;
        }
        boolean onThis = target instanceof IdentifierTree
            || (target instanceof MemberSelectTree
                && isThis(((MemberSelectTree) target).getExpression()));
        boolean allowed = onThis
            && initializing != null
            && types.isSubtype(
                types.erasure(initializing.asType()),
                types.erasure(element.getEnclosingElement().asType()));
        if (!allowed) {
          writes.add(new Assignment(
              (VariableElement) element, getCurrentPath().getLeaf(), unit, inPlace));
        }
      }
    }.scan(rootPath, null);
    return new InputAccesses(writes, reads, localClasses);
  }

  private static boolean declaresInputsOrQueries(Element type) {
    for (Element member : type.getEnclosedElements()) {
      if (hasAnnotation(member, ClassNames.INPUT) || hasAnnotation(member, ClassNames.QUERY)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code element} is annotated with the annotation named {@code annotation}. */
  static boolean hasAnnotation(Element element, String annotation) {
    return annotation(element, annotation) != null;
  }

  /** {@code element}'s annotation named {@code annotation} (qualified), or null. */
  static AnnotationMirror annotation(Element element, String annotation) {
    for (AnnotationMirror a : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) a.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotation)) {
        return a;
      }
    }
    return null;
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
      Element element = trees.getElement(getCurrentPath());
      if (element != null && element.getKind() == ElementKind.FIELD) {
        field((VariableElement) element, true);
      }
      return super.visitIdentifier(node, p);
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree node, Void p) {
      Element element = trees.getElement(getCurrentPath());
      if (element != null && element.getKind() == ElementKind.FIELD) {
        field((VariableElement) element, isThis(node.getExpression()));
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
      Element element = trees.getElement(getCurrentPath());
      if (element instanceof ExecutableElement) {
        ExpressionTree select = node.getMethodSelect();
        boolean onThis = select instanceof IdentifierTree
            || (select instanceof MemberSelectTree
                && isThis(((MemberSelectTree) select).getExpression()));
        boolean onSuper = select instanceof MemberSelectTree
            && isSuper(((MemberSelectTree) select).getExpression());
        call((ExecutableElement) element, onThis, onThis && !onSuper, true);
      }
      return super.visitMethodInvocation(node, p);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree node, Void p) {
      Element element = trees.getElement(getCurrentPath());
      if (element instanceof ExecutableElement) {
        ExpressionTree qualifier = node.getQualifierExpression();
        boolean onThis = isThis(qualifier);
        call((ExecutableElement) element, onThis, onThis && !isSuper(qualifier), false);
      }
      return super.visitMemberReference(node, p);
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void p) {
      // The constructor of an inner class of the class runs now, and may read the inputs of the
      // object it belongs to (a class body here is scanned as part of this tree).
      Element element = trees.getElement(getCurrentPath());
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
      if (hasAnnotation(named, ClassNames.QUERY)) {
        return; // a query of another incremental class: tracked at run time
      }
      VariableElement setInput = invoked ? inputSetBy(named) : null;
      if (setInput != null) {
        if (scan.query != null && !deferred(getCurrentPath())) {
          scan.setterCalls.add(new SetterCall(named, setInput, getCurrentPath()));
        }
        return;
      }
      ExecutableElement callee = virtual ? implementationIn(scan.type, named) : named;
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
      } else if (callee.getKind() == ElementKind.METHOD && !isStatic && isIncremental(owner)) {
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
              || IncrClassStep.generatedHere(owner))) {
        return null;
      }
      for (Element t = owner; t instanceof TypeElement; t = superclassOf((TypeElement) t)) {
        for (VariableElement f : ElementFilter.fieldsIn(t.getEnclosedElements())) {
          if (hasAnnotation(f, ClassNames.INPUT)
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
      if (hasAnnotation(field, ClassNames.INPUT)) {
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
                && (elements.overrides(q, named, scan.type)
                    || elements.overrides(named, q, scan.type)))) {
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
      return types.isSubtype(
          types.erasure(scan.type.asType()), types.erasure(owner.asType()));
    }

    /** Whether the current read is under {@code @SuppressWarnings("incr-untracked")}. */
    private boolean suppressed(VariableElement field) {
      // The path runs from the read up through the method scanned and its classes.
      return suppresses(field) || suppresses(scan.query) || suppressedAt(getCurrentPath());
    }
  }

  private static boolean isThis(ExpressionTree receiver) {
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
  private static boolean isSuper(ExpressionTree receiver) {
    return (receiver instanceof IdentifierTree
            && ((IdentifierTree) receiver).getName().contentEquals("super"))
        || (receiver instanceof MemberSelectTree
            && ((MemberSelectTree) receiver).getIdentifier().contentEquals("super"));
  }

  /** Whether {@code element} carries {@code @SuppressWarnings("incr-untracked")}. */
  static boolean suppresses(Element element) {
    if (element == null) {
      return false;
    }
    for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
      TypeElement annotationType = (TypeElement) annotation.getAnnotationType().asElement();
      if (!annotationType.getQualifiedName().contentEquals("java.lang.SuppressWarnings")) {
        continue;
      }
      for (AnnotationValue value : annotation.getElementValues().values()) {
        Object v = value.getValue();
        if (v instanceof List) {
          for (Object item : (List<?>) v) {
            if (item instanceof AnnotationValue
                && ClassNames.SUPPRESS_UNTRACKED.equals(((AnnotationValue) item).getValue())) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }
}
