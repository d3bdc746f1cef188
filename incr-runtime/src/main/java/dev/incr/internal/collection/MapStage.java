package dev.incr.internal.collection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code map}: transforms each element. O(1) per change. The result of each distinct live input
 * element is remembered, so the function runs once when an element first arrives and never for
 * duplicates or deletions. Those remembered results are also this stage's contents: it keeps no
 * separate multiset of its output.
 */
final class MapStage<T, R> extends DerivedStage<R> {
  private final Function<? super T, ? extends R> function;

  /** For each distinct live input element, in arrival order: its result and its occurrences. */
  private final Map<T, Mapped<R>> results = new LinkedHashMap<>();

  private long size;

  private final InputReader<T> changes;

  private static final class Mapped<R> {
    final R result;
    int count;

    Mapped(R result) {
      this.result = result;
    }
  }

  MapStage(Stage<T> input, Function<? super T, ? extends R> function) {
    super(input, "map", false);
    this.changes = new InputReader<>(input);
    this.function = function;
  }

  @Override
  void refresh() {
    Inbox<T> in = changes.catchUp();
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
        size++;
        out.emit(m.result, 1);
      } else {
        Mapped<R> m = results.get(x);
        if (--m.count == 0) {
          results.remove(x);
        }
        size--;
        out.emit(m.result, -1);
      }
      in.pop();
    }
  }

  @Override
  long liveSize() {
    return size;
  }

  @Override
  void forEachLive(Consumer<? super R> action) {
    for (Mapped<R> m : results.values()) {
      for (int i = m.count; i > 0; i--) {
        action.accept(m.result);
      }
    }
  }

  @Override
  List<R> liveList() {
    List<R> list = new ArrayList<>((int) Math.min(size, Integer.MAX_VALUE - 8));
    forEachLive(list::add);
    return list;
  }

  @Override
  void checkInvariants() {
    long total = 0;
    for (Mapped<R> m : results.values()) {
      if (m.count <= 0) {
        throw new AssertionError(label() + ": count " + m.count + " for result " + m.result);
      }
      total += m.count;
    }
    if (total != size) {
      throw new AssertionError(label() + ": size " + size + " but counts add up to " + total);
    }
  }
}
