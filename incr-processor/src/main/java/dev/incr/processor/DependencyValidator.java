package dev.incr.processor;

import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.incr.processor.DeferredCodeScanner.DeferredRead;
import dev.incr.processor.QueryReads.SetterCall;
import dev.incr.processor.QueryReads.UntrackedRead;
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
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Reports what {@link QueryScanner} and {@link DeferredCodeScanner} found wrong in an annotated
 * class: cycles of argument-less queries, generated setters called while a query runs, reads the
 * engine cannot track, and code made outside the queries that reads inputs when it runs later.
 */
final class DependencyValidator {
  private final ErrorReporter reporter;

  DependencyValidator(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  /**
   * Warns about each lambda, method reference or anonymous class created outside the queries of
   * {@code type} (in an initializer or constructor) that reads input fields when it runs.
   */
  void validateDeferredReads(TypeElement type, List<DeferredRead> found) {
    for (DeferredRead d : found) {
      Tree tree = d.at().getLeaf();
      String kind = tree instanceof LambdaExpressionTree ? "lambda"
          : tree instanceof MemberReferenceTree ? "method reference" : "anonymous class";
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
      reporter.warning(d.at(), Messages.DEFERRED_INPUT_READ, kind,
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
        reporter.warning(at,
            Messages.FOREIGN_INPUT_READ_VIA, name, via, via, fieldName, via,
            field.getSimpleName(), owner.getSimpleName(), name);
      } else if (read.foreignInput()) {
        reporter.warning(at,
            Messages.FOREIGN_INPUT_READ, name, fieldName, field.getSimpleName(),
            owner.getSimpleName());
      } else {
        String why = field.getModifiers().contains(Modifier.STATIC)
            ? "a static field that is not final"
            : "a field that is neither final nor @Input";
        reporter.warning(at,
            Messages.UNTRACKED_READ, name, "field " + fieldName, why);
      }
    }
    for (SetterCall call : reads.setterCalls()) {
      TreePath at = call.at();
      TypeElement owner = (TypeElement) call.input().getEnclosingElement();
      reporter.error(at,
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
