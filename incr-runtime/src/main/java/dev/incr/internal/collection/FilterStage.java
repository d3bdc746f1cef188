package dev.incr.internal.collection;

import java.util.function.Predicate;

/**
 * {@code filter}: passes on the changes of elements that satisfy the predicate. O(1) per change;
 * the predicate runs once per inserted occurrence and never for a deletion (an element is in the
 * output exactly when it passed). Readers refresh it inline ({@link Stage#pull()}).
 */
final class FilterStage<T> extends DerivedStage<T> {
  private final Predicate<? super T> predicate;
  private final InputReader<T> changes;

  FilterStage(Stage<T> input, Predicate<? super T> predicate) {
    super(input, "filter", true);
    this.changes = new InputReader<>(input);
    this.predicate = predicate;
  }

  @Override
  void pull() {
    refresh();
  }

  @Override
  void refresh() {
    Inbox<T> in = changes.catchUp();
    while (!in.isEmpty()) {
      T x = in.peekElement();
      if (in.peekWeight() > 0) {
        if (predicate.test(x)) {
          out.emit(x, 1);
        }
      } else if (out.live.removeIfPresent(x)) {
        out.forward(x, -1);
      }
      in.pop();
    }
  }
}
