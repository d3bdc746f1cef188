package dev.incr.processor;

import com.sun.source.util.TreePath;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * What {@link CompilationScanner} finds in one top-level class of the compilation: accesses to
 * {@code @Input} fields the engine cannot see, and incremental classes the processor cannot
 * generate a subclass of.
 *
 * @param writes assignments to inputs where none is allowed, and changes to their contents
 * @param outsideReads reads of input fields in classes that are not incremental
 * @param localClasses local and anonymous classes with {@code @Input} or {@code @Query} members
 */
record InputAccesses(
    List<Assignment> writes,
    List<OutsideRead> outsideReads,
    List<LocalIncrementalClass> localClasses) {

  /**
   * An assignment to an {@code @Input} field outside constructors and initializers, or (if {@code
   * inPlace} names how) a change to the contents of the array, collection or map it holds.
   *
   * @param inPlace null for an assignment to the field; else what changes its contents in place,
   *     such as {@code "add(...)"} or {@code "an element assignment"}
   */
  record Assignment(VariableElement field, TreePath at, String inPlace) {}

  /** A read of an {@code @Input} field in a class that is not incremental. */
  record OutsideRead(VariableElement field, TreePath at) {}

  /**
   * A local or anonymous class that declares {@code @Input} or {@code @Query} members: the
   * processor cannot generate a subclass of it (and the compiler does not offer it to processors
   * as an annotated element, so only the trees find it).
   */
  record LocalIncrementalClass(TypeElement type, TreePath at) {}
}
