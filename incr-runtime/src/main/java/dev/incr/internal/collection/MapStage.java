package dev.incr.internal.collection;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code map}: transforms each element. O(1) per change. The result of each distinct live input
 * element is remembered, so the function runs once when an element first arrives and never for
 * duplicates or deletions.
 */
final class MapStage<T, R> extends DerivedStage<R> {
  private final Stage<T> input;
  private final Function<? super T, ? extends R> function;

  /** For each distinct live input element: its result and its number of occurrences. */
  private final Map<T, Mapped<R>> results = new HashMap<>();

  private Inbox<T> in;

  private static final class Mapped<R> {
    final R result;
    int count;

    Mapped(R result) {
      this.result = result;
    }
  }

  MapStage(Stage<T> input, Function<? super T, ? extends R> function) {
    super(input, "map", true);
    this.input = input;
    this.function = function;
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
        Mapped<R> m = results.get(x);
        if (m == null) {
          R r = function.apply(x);
          if (r == null) {
            throw new NullPointerException(
                "The function of '"
                    + label()
                    + "' returned null for "
                    + x
                    + "; collections hold no nulls, so return a non-null value (e.g. an"
                    + " Optional).");
          }
          m = new Mapped<>(r);
          results.put(x, m);
        }
        m.count++;
        out.emit(m.result, 1);
      } else {
        Mapped<R> m = results.get(x);
        if (--m.count == 0) {
          results.remove(x);
        }
        out.emit(m.result, -1);
      }
      in.pop();
    }
  }
}
