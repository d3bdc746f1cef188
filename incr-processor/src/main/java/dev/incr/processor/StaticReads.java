package dev.incr.processor;

import com.sun.source.util.TreePath;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * Whether an argument-less query's node reads are known at compile time, as {@link
 * StaticReadAnalysis} decided: either the list of nodes every run reads (then the generated node
 * gets a fixed dependency list), or the first construct that makes a read depend on the data (then
 * the node records what each run reads).
 *
 * @param nodeReads when static: the argument-less queries ({@code ExecutableElement}) and inputs
 *     read through their generated getter ({@code VariableElement}) that every run reads, in the
 *     order a run reads them, each once; empty otherwise
 * @param reason when dynamic: why; null when static
 * @param at when dynamic: the construct, for the explaining note (null if the reason is the query
 *     itself)
 * @param detail when dynamic: what is read or called there, such as {@code b()}
 */
record StaticReads(
    List<Element> nodeReads, Disqualifier reason, TreePath at, String detail) {

  StaticReads {
    nodeReads = List.copyOf(nodeReads);
  }

  static StaticReads fixed(List<Element> nodeReads) {
    return new StaticReads(nodeReads, null, null, null);
  }

  static StaticReads dynamic(Disqualifier reason, TreePath at, String detail) {
    return new StaticReads(List.of(), reason, at, detail);
  }

  /** Whether every run reads the same nodes, known at compile time. */
  boolean isStatic() {
    return reason == null;
  }

  /** What keeps a query's node reads from being known at compile time. */
  enum Disqualifier {
    BRANCH("is called inside an if, switch or assert"),
    LOOP("is called inside a loop"),
    LAMBDA("is called inside a lambda, method reference or class body, which may run any number"
        + " of times"),
    CONDITIONAL("is called inside a conditional expression (?:)"),
    SHORT_CIRCUIT("is called in the right operand of && or ||, which may not be evaluated"),
    TRY("is called inside a try statement, where an exception may skip it"),
    EARLY_EXIT("is called after a return or throw inside a branch or switch, which may skip it"),
    PARAMETER_QUERY("is a query with parameters, whose node depends on the arguments"),
    OTHER_CALL("is code whose reads the analysis does not follow (a method of another object, a"
        + " constructor, a static method outside the class and java.lang's pure ones)"),
    RECURSION("calls itself"),
    INCOMPLETE("has no source here");

    private final String explanation;

    Disqualifier(String explanation) {
      this.explanation = explanation;
    }

    /** How the explaining note describes it. */
    String explanation() {
      return explanation;
    }
  }
}
