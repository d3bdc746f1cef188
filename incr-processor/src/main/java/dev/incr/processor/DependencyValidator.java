package dev.incr.processor;

import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import dev.incr.processor.ReadAnalysis.Assignment;
import dev.incr.processor.ReadAnalysis.DeferredRead;
import dev.incr.processor.ReadAnalysis.LocalIncrementalClass;
import dev.incr.processor.ReadAnalysis.OutsideRead;
import com.sun.source.util.TreePath;
import dev.incr.processor.ReadAnalysis.QueryReads;
import dev.incr.processor.ReadAnalysis.SetterCall;
import dev.incr.processor.ReadAnalysis.UntrackedRead;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Reports what {@link ReadAnalysis} found wrong: assignments to inputs outside constructors, cycles
 * of argument-less queries, and reads the engine cannot track.
 */
final class DependencyValidator {
  private final ErrorReporter reporter;
  private final ReadAnalysis analysis;

  DependencyValidator(ErrorReporter reporter, ReadAnalysis analysis) {
    this.reporter = reporter;
    this.analysis = analysis;
  }

  /**
   * Reports the accesses to {@code @Input} fields in top-level class {@code root} that the engine
   * cannot see ({@link ReadAnalysis#inputAccesses}): an assignment outside constructors and
   * initializers is an error; a change to the contents in place, and a read from a class that is
   * not incremental, are warnings.
   */
  void validateInputAccesses(TypeElement root) {
    ReadAnalysis.InputAccesses found = analysis.inputAccesses(root);
    for (Assignment a : found.writes()) {
      String name = a.field().getSimpleName().toString();
      String setter = Signatures.setterName(name);
      if (a.inPlace() != null) {
        reporter.warning(analysis.trees(), a.tree(), a.unit(), Messages.INPUT_CONTENTS_CHANGED,
            name, a.inPlace(), name, setter + "(...)");
        continue;
      }
      reporter.error(
          analysis.trees(),
          a.tree(),
          a.unit(),
          Messages.INPUT_ASSIGNED,
          name,
          setter + "(...)",
          setter + "(" + a.field().asType() + " " + name + ")");
    }
    for (LocalIncrementalClass local : found.localClasses()) {
      TreePath at = local.at();
      String kind = local.type().getNestingKind() == NestingKind.ANONYMOUS
          ? "An anonymous class" : "Local class " + local.type().getSimpleName();
      reporter.error(analysis.trees(), at.getLeaf(), at.getCompilationUnit(),
          Messages.CLASS_LOCAL, kind);
    }
    for (OutsideRead r : found.outsideReads()) {
      TypeElement owner = (TypeElement) r.field().getEnclosingElement();
      String name = r.field().getSimpleName().toString();
      reporter.warning(analysis.trees(), r.tree(), r.unit(), Messages.INPUT_READ_OUTSIDE,
          owner.getSimpleName() + "." + name, name, owner.getSimpleName());
    }
  }

  /**
   * Warns about each lambda, method reference or anonymous class created outside the queries of
   * {@code type} (in an initializer or constructor) that reads input fields when it runs.
   */
  void validateDeferredReads(
      TypeElement type, Set<VariableElement> inputs, Set<ExecutableElement> queries) {
    for (DeferredRead d : analysis.deferredReads(type, inputs, queries)) {
      String kind = d.tree() instanceof LambdaExpressionTree ? "lambda"
          : d.tree() instanceof MemberReferenceTree ? "method reference" : "anonymous class";
      List<String> names = new ArrayList<>();
      for (VariableElement input : d.inputs()) {
        names.add(input.getSimpleName().toString());
      }
      VariableElement first = d.inputs().iterator().next();
      String createdIn = d.createdIn() instanceof TypeElement
          ? "an initializer block of " + type.getSimpleName()
          : d.createdIn().getKind() == ElementKind.CONSTRUCTOR
              ? "the constructor of " + type.getSimpleName()
              : "the initializer of field " + d.createdIn().getSimpleName();
      String suppressOn = d.createdIn() instanceof TypeElement
          ? "the class" : d.createdIn().getKind() == ElementKind.CONSTRUCTOR
              ? "the constructor" : "the field";
      reporter.warning(analysis.trees(), d.tree(), d.unit(), Messages.DEFERRED_INPUT_READ, kind,
          String.join(", ", names), createdIn, String.join(", ", names),
          "abstract " + first.asType() + " " + first.getSimpleName() + "();", suppressOn);
    }
  }

  /**
   * Warns about each untracked read of {@code query}, on the line of the read, and reports each
   * call to a generated setter made while it runs, on the line of the call.
   */
  void validateReads(ExecutableElement query, QueryReads reads) {
    String name = Signatures.of(query);
    for (UntrackedRead read : reads.untracked()) {
      VariableElement field = read.field();
      TypeElement owner = (TypeElement) field.getEnclosingElement();
      String fieldName = owner.getSimpleName() + "." + field.getSimpleName();
      TreePath at = read.at();
      if (read.via() != null) {
        String via = Signatures.of(read.via());
        reporter.warning(analysis.trees(), at.getLeaf(), at.getCompilationUnit(),
            Messages.FOREIGN_INPUT_READ_VIA, name, via, via, fieldName, via,
            field.getSimpleName(), owner.getSimpleName(), name);
      } else if (read.foreignInput()) {
        reporter.warning(analysis.trees(), at.getLeaf(), at.getCompilationUnit(),
            Messages.FOREIGN_INPUT_READ, name, fieldName, field.getSimpleName(),
            owner.getSimpleName());
      } else {
        String why = field.getModifiers().contains(Modifier.STATIC)
            ? "a static field that is not final"
            : "a field that is neither final nor @Input";
        reporter.warning(analysis.trees(), at.getLeaf(), at.getCompilationUnit(),
            Messages.UNTRACKED_READ, name, "field " + fieldName, why);
      }
    }
    for (SetterCall call : reads.setterCalls()) {
      TreePath at = call.at();
      TypeElement owner = (TypeElement) call.input().getEnclosingElement();
      reporter.error(analysis.trees(), at.getLeaf(), at.getCompilationUnit(),
          Messages.SETTER_IN_QUERY, Signatures.of(call.setter()),
          owner.getSimpleName() + "." + call.input().getSimpleName(), name,
          call.input().getSimpleName());
    }
  }

  /**
   * Reports each cycle of argument-less queries calling each other: once per strongly connected
   * group of queries, on the query of the group declared first, with one cycle through it.
   */
  void validateCycles(List<ExecutableElement> queries, Map<ExecutableElement, QueryReads> reads) {
    Map<ExecutableElement, List<ExecutableElement>> calls = new LinkedHashMap<>();
    for (ExecutableElement q : queries) {
      if (q.getParameters().isEmpty()) {
        List<ExecutableElement> callees = new ArrayList<>();
        QueryReads r = reads.get(q);
        if (r != null) {
          callees.addAll(r.queriesCalled());
        }
        calls.put(q, callees);
      }
    }
    for (List<ExecutableElement> group : new StronglyConnected(calls).groups()) {
      ExecutableElement first = group.get(0);
      for (ExecutableElement q : group) {
        if (queries.indexOf(q) < queries.indexOf(first)) {
          first = q;
        }
      }
      boolean cyclic = group.size() > 1 || calls.get(first).contains(first);
      if (cyclic) {
        reporter.error(first, Messages.QUERY_CYCLE, describe(cycleThrough(first, group, calls)));
      }
    }
  }

  /** A shortest cycle from {@code start} back to itself inside {@code group} (breadth first). */
  private static List<ExecutableElement> cycleThrough(
      ExecutableElement start,
      List<ExecutableElement> group,
      Map<ExecutableElement, List<ExecutableElement>> calls) {
    Map<ExecutableElement, ExecutableElement> parent = new HashMap<>();
    Deque<ExecutableElement> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      ExecutableElement node = queue.removeFirst();
      for (ExecutableElement next : calls.getOrDefault(node, List.of())) {
        if (next.equals(start)) {
          List<ExecutableElement> cycle = new ArrayList<>();
          for (ExecutableElement n = node; n != null; n = parent.get(n)) {
            cycle.add(0, n);
          }
          return cycle;
        }
        if (group.contains(next) && !parent.containsKey(next) && !next.equals(start)) {
          parent.put(next, node);
          queue.add(next);
        }
      }
    }
    throw new IllegalStateException("no cycle through " + start);
  }

  private static String describe(List<ExecutableElement> cycle) {
    StringBuilder path = new StringBuilder();
    for (ExecutableElement q : cycle) {
      path.append(q.getSimpleName()).append("() -> ");
    }
    return path.append(cycle.get(0).getSimpleName()).append("()").toString();
  }

  /** Tarjan's strongly connected components of a small call graph. */
  private static final class StronglyConnected {
    private final Map<ExecutableElement, List<ExecutableElement>> edges;
    private final Map<ExecutableElement, Integer> index = new HashMap<>();
    private final Map<ExecutableElement, Integer> low = new HashMap<>();
    private final Deque<ExecutableElement> stack = new ArrayDeque<>();
    private final Set<ExecutableElement> onStack = new HashSet<>();
    private final List<List<ExecutableElement>> groups = new ArrayList<>();

    StronglyConnected(Map<ExecutableElement, List<ExecutableElement>> edges) {
      this.edges = edges;
    }

    List<List<ExecutableElement>> groups() {
      for (ExecutableElement node : edges.keySet()) {
        if (!index.containsKey(node)) {
          visit(node);
        }
      }
      return groups;
    }

    private void visit(ExecutableElement node) {
      index.put(node, index.size());
      low.put(node, index.get(node));
      stack.push(node);
      onStack.add(node);
      for (ExecutableElement next : edges.getOrDefault(node, List.of())) {
        if (!edges.containsKey(next)) {
          continue;
        }
        if (!index.containsKey(next)) {
          visit(next);
          low.put(node, Math.min(low.get(node), low.get(next)));
        } else if (onStack.contains(next)) {
          low.put(node, Math.min(low.get(node), index.get(next)));
        }
      }
      if (low.get(node).equals(index.get(node))) {
        List<ExecutableElement> group = new ArrayList<>();
        ExecutableElement member;
        do {
          member = stack.pop();
          onStack.remove(member);
          group.add(member);
        } while (!member.equals(node));
        groups.add(group);
      }
    }
  }
}
