package dev.incr.processor;

import dev.incr.processor.InputAccesses.Assignment;
import dev.incr.processor.InputAccesses.LocalIncrementalClass;
import dev.incr.processor.InputAccesses.OutsideRead;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Reports what {@link CompilationScanner} found in a class of the compilation: an assignment to an
 * input outside constructors and initializers, and an incremental class declared inside a method or
 * expression, are errors; a change to an input's contents in place, and a read of an input field
 * from a class that is not incremental, are warnings.
 */
final class CompilationValidator {
  private final ErrorReporter reporter;

  CompilationValidator(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  void validate(InputAccesses found) {
    for (LocalIncrementalClass local : found.localClasses()) {
      String kind = local.type().getNestingKind() == NestingKind.ANONYMOUS
          ? "An anonymous class" : "Local class " + local.type().getSimpleName();
      reporter.error(local.at(), Messages.CLASS_LOCAL, kind);
    }
    for (Assignment a : found.writes()) {
      String name = a.field().getSimpleName().toString();
      String setter = Signatures.setterName(name);
      if (a.inPlace() != null) {
        reporter.warning(a.at(), Messages.INPUT_CONTENTS_CHANGED,
            name, a.inPlace(), name, setter + "(...)");
      } else {
        reporter.error(a.at(), Messages.INPUT_ASSIGNED,
            name, setter + "(...)", setter + "(" + a.field().asType() + " " + name + ")");
      }
    }
    for (OutsideRead r : found.outsideReads()) {
      TypeElement owner = (TypeElement) r.field().getEnclosingElement();
      String name = r.field().getSimpleName().toString();
      reporter.warning(r.at(), Messages.INPUT_READ_OUTSIDE,
          owner.getSimpleName() + "." + name, name, owner.getSimpleName());
    }
  }
}
