package dev.incr.internal.collection;

import java.util.function.BiFunction;

/** {@code reduce(identity, add, remove)}: an invertible aggregate, O(1) per change. */
final class InvertibleReduce<T, A> extends Aggregate<T, A> {
  private final BiFunction<? super A, ? super T, ? extends A> add;
  private final BiFunction<? super A, ? super T, ? extends A> remove;
  private A value;

  InvertibleReduce(
      Stage<T> input,
      A identity,
      BiFunction<? super A, ? super T, ? extends A> add,
      BiFunction<? super A, ? super T, ? extends A> remove) {
    super(input, "reduce");
    this.value = identity;
    this.add = add;
    this.remove = remove;
  }

  @Override
  void apply(T element, int weight) {
    value = weight > 0 ? add.apply(value, element) : remove.apply(value, element);
  }

  @Override
  A value() {
    return value;
  }
}
