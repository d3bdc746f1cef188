package dev.incr.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports diagnostics on the elements (or source trees) they are about and counts the errors, so
 * that the processor can skip one bad class and go on with the others.
 */
final class ErrorReporter {
  private final Messager messager;
  private int errorCount;

  ErrorReporter(Messager messager) {
    this.messager = messager;
  }

  /** Reports an error on {@code element}. */
  void error(Element element, Messages message, Object... args) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element);
  }

  /** Reports an error at {@code tree}, a position inside a method body. */
  void error(Trees trees, Tree tree, CompilationUnitTree unit, Messages message, Object... args) {
    errorCount++;
    trees.printMessage(Diagnostic.Kind.ERROR, message.format(args), tree, unit);
  }

  /** Reports a warning on {@code element}. */
  void warning(Element element, Messages message, Object... args) {
    messager.printMessage(Diagnostic.Kind.WARNING, message.format(args), element);
  }

  /** Reports a warning at {@code tree}, a position inside a class body. */
  void warning(Trees trees, Tree tree, CompilationUnitTree unit, Messages message, Object... args) {
    trees.printMessage(Diagnostic.Kind.WARNING, message.format(args), tree, unit);
  }

  /** Reports a note on {@code element}. */
  void note(Element element, Messages message, Object... args) {
    messager.printMessage(Diagnostic.Kind.NOTE, message.format(args), element);
  }

  /** Returns how many errors have been reported so far. */
  int errorCount() {
    return errorCount;
  }
}
