package dev.incr.internal.collection;

import dev.incr.internal.CollectionHooks.OperatorScope;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import java.util.function.Predicate;

/**
 * {@code filter}: passes on the changes of elements that satisfy the predicate. O(1) per change;
 * the predicate runs once per inserted occurrence and never for a deletion (an element is in the
 * output exactly when it passed). Readers refresh it inline ({@link Stage#pull()}).
 *
 * <p>If the input is {@link Stage#slotted()}, the elements that passed are kept in a {@link
 * SlotTable} indexed by the input's slots (no hashing), and the output carries the same slots;
 * otherwise in a multiset, whose slots the output carries. Either way the output is slotted. When
 * slotted, a filter whose only reader is element-wise hands it its changes directly ({@link
 * ElementwiseStage}).
 */
final class FilterStage<T> extends ElementwiseStage<T, T> {
  private final Predicate<? super T> predicate;

  /** Runs the user's function so that a node read inside it is an error. */
  private final OperatorScope scope;

  /** The elements that passed, by input slot; null when the input is not slotted. */
  private final SlotTable<T> passed;

  FilterStage(Stage<T> input, Predicate<? super T> predicate) {
    super(input, "filter", !input.slotted());
    this.predicate = predicate;
    this.passed = input.slotted() ? new SlotTable<>() : null;
    this.scope = new OperatorScope(input.engine, this::label);
  }

  @Override
  public void accept(T x, int weight, int slot) {
    SlotTable<T> table = passed;
    if (table != null) {
      if (weight > 0) {
        if (scope.test(predicate, x)) {
          emit(x, 1, slot);
          table.increment(slot, x);
        }
      } else if (table.count(slot) > 0) {
        emit(x, -1, slot);
        table.decrement(slot);
      }
      return;
    }
    if (weight > 0) {
      if (scope.test(predicate, x)) {
        out.emit(x, 1);
      }
    } else {
      int s = out.live.removeIfPresent(x);
      if (s >= 0) {
        out.forward(x, -1, s);
      }
    }
  }

  /** Only when slotted: otherwise the outlet's multiset numbers the output. */
  @Override
  boolean feedsDirectly() {
    return passed != null;
  }

  @Override
  boolean slotted() {
    return true;
  }

  @Override
  long liveSize() {
    return passed != null ? passed.size() : super.liveSize();
  }

  @Override
  void forEachLiveSlotted(ObjIntConsumer<? super T> action) {
    SlotTable<T> t = passed;
    if (t == null) {
      super.forEachLiveSlotted(action);
      return;
    }
    t.forEachOccurrence(action);
  }

  @Override
  void forEachLive(Consumer<? super T> action) {
    if (passed == null) {
      super.forEachLive(action);
    } else {
      forEachLiveSlotted((x, slot) -> action.accept(x));
    }
  }

  @Override
  void checkInvariants() {
    if (passed != null) {
      passed.checkInvariants(label());
    } else {
      super.checkInvariants();
    }
  }
}
