package dev.incr.processor;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports diagnostics on the elements, or at the places in the source, they are about, and counts
 * the errors, so that the processor can skip one bad class and go on with the others.
 */
final class ErrorReporter {
  private final Messager messager;
  private final SourceTrees trees;
  private int errorCount;

  ErrorReporter(Messager messager, SourceTrees trees) {
    this.messager = messager;
    this.trees = trees;
  }

  /** Reports an error on {@code element}. */
  void error(Element element, Messages message, Object... args) {
    print(Diagnostic.Kind.ERROR, element, message, args);
  }

  /** Reports an error at {@code at}, a place in the source (a call, say). */
  void error(TreePath at, Messages message, Object... args) {
    print(Diagnostic.Kind.ERROR, at, message, args);
  }

  /** Reports a warning on {@code element}. */
  void warning(Element element, Messages message, Object... args) {
    print(Diagnostic.Kind.WARNING, element, message, args);
  }

  /** Reports a warning at {@code at}, a place in the source (a read, say). */
  void warning(TreePath at, Messages message, Object... args) {
    print(Diagnostic.Kind.WARNING, at, message, args);
  }

  /** Reports a note at the code {@code at}. */
  void note(TreePath at, Messages message, Object... args) {
    print(Diagnostic.Kind.NOTE, at, message, args);
  }

  /** Reports a note on {@code element}. */
  void note(Element element, Messages message, Object... args) {
    print(Diagnostic.Kind.NOTE, element, message, args);
  }

  /** Returns how many errors have been reported so far. */
  int errorCount() {
    return errorCount;
  }

  private void print(Diagnostic.Kind kind, Element element, Messages message, Object... args) {
    if (kind == Diagnostic.Kind.ERROR) {
      errorCount++;
    }
    messager.printMessage(kind, message.format(args), element);
  }

  private void print(Diagnostic.Kind kind, TreePath at, Messages message, Object... args) {
    if (kind == Diagnostic.Kind.ERROR) {
      errorCount++;
    }
    Trees t = trees.trees(); // a TreePath exists only where the compiler offers trees
    t.printMessage(kind, message.format(args), at.getLeaf(), at.getCompilationUnit());
  }
}
