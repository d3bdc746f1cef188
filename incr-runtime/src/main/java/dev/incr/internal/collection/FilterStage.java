package dev.incr.internal.collection;

import java.util.function.Predicate;

/**
 * {@code filter}: passes on the changes of elements that satisfy the predicate. O(1) per change;
 * the predicate runs once per inserted occurrence and never for a deletion (an element is in the
 * output exactly when it passed).
 */
final class FilterStage<T> extends DerivedStage<T> {
  private final Stage<T> input;
  private final Predicate<? super T> predicate;
  private Inbox<T> in;

  FilterStage(Stage<T> input, Predicate<? super T> predicate) {
    super(input, "filter", true);
    this.input = input;
    this.predicate = predicate;
  }

  @Override
  void refresh() {
    input.version().get();
    Inbox<T> in = this.in;
    if (in == null) {
      in = this.in = input.subscribe();
    }
    in.consolidateBeforeReading();
    while (!in.isEmpty()) {
      T x = in.peekElement();
      if (in.peekWeight() > 0) {
        if (predicate.test(x)) {
          out.emit(x, 1);
        }
      } else if (out.live.count(x) > 0) {
        out.emit(x, -1);
      }
      in.pop();
    }
  }
}
