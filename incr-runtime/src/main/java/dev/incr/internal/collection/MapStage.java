package dev.incr.internal.collection;

import java.util.ArrayList;
import java.util.List;
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

  /** For each distinct live input element, in arrival order: its occurrences and its result. */
  private final CountTable<T, R> results = new CountTable<>();

  private final InputReader<T> changes;

  MapStage(Stage<T> input, Function<? super T, ? extends R> function) {
    super(input, "map", false);
    this.changes = new InputReader<>(input);
    this.function = function;
  }

  @Override
  void pull() {
    refresh();
  }

  @Override
  void refresh() {
    Inbox<T> in = changes.catchUp();
    CountTable<T, R> table = results;
    while (!in.isEmpty()) {
      T x = in.peekElement();
      R r;
      if (in.peekWeight() > 0) {
        int slot = table.slotFor(x);
        if (table.count(slot) == 0) {
          // A new entry: compute its result; if that fails, take the entry out again.
          try {
            r = apply(x);
          } catch (RuntimeException | Error e) {
            table.remove(slot);
            throw e;
          }
          table.setValue(slot, r);
        } else {
          r = table.value(slot);
        }
        table.incrementAt(slot);
        out.emit(r, 1);
      } else {
        int slot = table.find(x);
        r = table.value(slot);
        table.decrement(slot);
        out.emit(r, -1);
      }
      in.pop();
    }
  }

  private R apply(T x) {
    R r = function.apply(x);
    if (r == null) {
      throw new NullPointerException(
          "The function of '"
              + label()
              + "' returned null for "
              + x
              + "; collections hold no nulls, so return a non-null value (e.g. an Optional).");
    }
    return r;
  }

  @Override
  long liveSize() {
    return results.size();
  }

  @Override
  void forEachLive(Consumer<? super R> action) {
    CountTable<T, R> t = results;
    for (int s = t.first(); s >= 0; s = t.next(s)) {
      R r = t.value(s);
      for (int i = t.count(s); i > 0; i--) {
        action.accept(r);
      }
    }
  }

  @Override
  List<R> liveList() {
    List<R> list = new ArrayList<>((int) Math.min(liveSize(), Integer.MAX_VALUE - 8));
    forEachLive(list::add);
    return list;
  }

  @Override
  void checkInvariants() {
    results.checkInvariants(label());
  }
}
