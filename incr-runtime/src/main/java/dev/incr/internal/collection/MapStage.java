package dev.incr.internal.collection;

import dev.incr.internal.CollectionHooks.OperatorScope;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code map}: transforms each element. O(1) per change. The result of each distinct live input
 * element is remembered, so the function runs once when an element first arrives and never for
 * duplicates or deletions. Those remembered results are also this stage's contents: it keeps no
 * separate multiset of its output.
 */
final class MapStage<T, R> extends ElementwiseStage<T, R> {
  private final Function<? super T, ? extends R> function;
  /** Runs the user's function so that a node read inside it is an error. */
  private final OperatorScope scope;

  /**
   * For each distinct live input element, in arrival order: its occurrences and its result. Keyed
   * by the element, unless the input is slotted: then {@link #bySlot} holds the same by slot.
   */
  private final CountTable<T, R> results;

  private final SlotTable<R> bySlot;

  MapStage(Stage<T> input, Function<? super T, ? extends R> function) {
    super(input, "map", false);
    this.function = function;
    this.scope = new OperatorScope(input.engine, this::label);
    this.bySlot = input.slotted() ? new SlotTable<>() : null;
    this.results = bySlot == null ? new CountTable<>() : null;
  }

  @Override
  public void accept(T x, int weight, int inSlot) {
    SlotTable<R> slots = bySlot;
    if (slots != null) {
      R r;
      if (weight > 0) {
        r = slots.count(inSlot) == 0 ? apply(x) : slots.value(inSlot);
        emit(r, 1, -1);
        slots.increment(inSlot, r);
      } else {
        r = slots.value(inSlot);
        emit(r, -1, -1);
        slots.decrement(inSlot);
      }
      return;
    }
    CountTable<T, R> table = results;
    if (weight > 0) {
      int slot = table.slotFor(x);
      boolean fresh = table.count(slot) == 0;
      try {
        R r;
        if (fresh) {
          r = apply(x);
          table.setValue(slot, r);
        } else {
          r = table.value(slot);
        }
        emit(r, 1, -1);
      } catch (RuntimeException | Error e) {
        // Nothing changes: take out the entry made for x.
        if (fresh) {
          table.remove(slot);
        }
        throw e;
      }
      table.incrementAt(slot);
    } else {
      int slot = table.find(x);
      emit(table.value(slot), -1, -1);
      table.decrement(slot);
    }
  }

  /** Always: the output keeps no multiset (the results are the contents). */
  @Override
  boolean feedsDirectly() {
    return true;
  }

  private R apply(T x) {
    R r = scope.apply(function, x);
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
    return bySlot != null ? bySlot.size() : results.size();
  }

  @Override
  void forEachLive(Consumer<? super R> action) {
    SlotTable<R> slots = bySlot;
    if (slots != null) {
      slots.forEachOccurrence((r, slot) -> action.accept(r));
      return;
    }
    CountTable<T, R> t = results;
    for (int s = t.first(); s >= 0; s = t.next(s)) {
      R r = t.value(s);
      for (int i = t.count(s); i > 0; i--) {
        action.accept(r);
      }
    }
  }

  @Override
  void checkInvariants() {
    if (bySlot != null) {
      bySlot.checkInvariants(label());
    } else {
      results.checkInvariants(label());
    }
  }
}
