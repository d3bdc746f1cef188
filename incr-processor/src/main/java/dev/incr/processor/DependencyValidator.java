package dev.incr.processor;

import dev.incr.processor.ReadAnalysis.Assignment;
import dev.incr.processor.ReadAnalysis.QueryReads;
import dev.incr.processor.ReadAnalysis.UntrackedRead;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
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
   * Reports each assignment to an {@code @Input} field, in top-level class {@code root}, that is
   * not on {@code this} in a constructor or initializer of the field's class.
   */
  void validateAssignments(TypeElement root) {
    for (Assignment a : analysis.badInputAssignments(root)) {
      String name = a.field().getSimpleName().toString();
      String setter = ClassValidator.setterName(name);
      reporter.error(
          analysis.trees(),
          a.tree(),
          a.unit(),
          Messages.INPUT_ASSIGNED,
          name,
          setter + "(...)",
          setter + "(" + a.field().asType() + " " + name + ")");
    }
  }

  /** Warns about each untracked read of {@code query}. */
  void validateReads(ExecutableElement query, QueryReads reads) {
    String name = query.getSimpleName() + "()";
    for (UntrackedRead read : reads.untracked()) {
      VariableElement field = read.field();
      TypeElement owner = (TypeElement) field.getEnclosingElement();
      String fieldName = owner.getSimpleName() + "." + field.getSimpleName();
      if (read.foreignInput()) {
        reporter.warning(
            query, Messages.FOREIGN_INPUT_READ, name, fieldName, field.getSimpleName(),
            owner.getSimpleName());
      } else {
        String why = field.getModifiers().contains(Modifier.STATIC)
            ? "a static field that is not final"
            : "a field that is neither final nor @Input";
        reporter.warning(query, Messages.UNTRACKED_READ, name, "field " + fieldName, why);
      }
    }
  }

  /**
   * Reports each cycle of argument-less queries calling each other, once, on the query of the cycle
   * declared first.
   */
  void validateCycles(List<ExecutableElement> queries, Map<ExecutableElement, QueryReads> reads) {
    Set<Set<String>> reported = new HashSet<>();
    for (ExecutableElement start : queries) {
      if (start.getParameters().isEmpty()) {
        findCycles(start, new ArrayList<>(), new HashSet<>(), queries, reads, reported);
      }
    }
  }

  private void findCycles(
      ExecutableElement node,
      List<ExecutableElement> stack,
      Set<ExecutableElement> done,
      List<ExecutableElement> queries,
      Map<ExecutableElement, QueryReads> reads,
      Set<Set<String>> reported) {
    int onStack = stack.indexOf(node);
    if (onStack >= 0) {
      report(stack.subList(onStack, stack.size()), queries, reported);
      return;
    }
    if (!done.add(node)) {
      return;
    }
    QueryReads r = reads.get(node);
    if (r == null) {
      return;
    }
    stack.add(node);
    for (ExecutableElement next : r.queriesCalled()) {
      findCycles(next, stack, done, queries, reads, reported);
      // Allow 'next' to be reached again on another path, so every cycle through it is seen.
      done.remove(next);
    }
    stack.remove(stack.size() - 1);
  }

  private void report(
      List<ExecutableElement> cycle, List<ExecutableElement> queries, Set<Set<String>> reported) {
    Set<String> key = new TreeSet<>();
    for (ExecutableElement q : cycle) {
      key.add(q.getSimpleName().toString());
    }
    if (!reported.add(key)) {
      return;
    }
    int first = 0;
    for (int i = 1; i < cycle.size(); i++) {
      if (queries.indexOf(cycle.get(i)) < queries.indexOf(cycle.get(first))) {
        first = i;
      }
    }
    StringBuilder path = new StringBuilder();
    for (int i = 0; i <= cycle.size(); i++) {
      if (i > 0) {
        path.append(" -> ");
      }
      path.append(cycle.get((first + i) % cycle.size()).getSimpleName()).append("()");
    }
    reporter.error(cycle.get(first), Messages.QUERY_CYCLE, path);
  }
}
