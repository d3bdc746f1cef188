package dev.incr.processor;

import com.sun.source.util.TreePath;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * What one query reads and does, as {@link QueryScanner} found it: the findings the dependency
 * checks report on and the model's dependencies come from.
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
}
