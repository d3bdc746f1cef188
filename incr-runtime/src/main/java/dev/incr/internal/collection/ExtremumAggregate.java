package dev.incr.internal.collection;

import java.util.Comparator;
import java.util.Optional;

/**
 * {@code min}/{@code max}: the first element of an order-statistic tree ordered by the comparator,
 * ties by arrival. O(log n) per change. {@code max} is {@code min} under the reversed comparator.
 */
final class ExtremumAggregate<T> extends Aggregate<T, Optional<T>> {
  private final OrderTree<T, T> tree;

  /** The newest tree node of each live element, older ones chained through {@code older}. */
  private final CountTable<T, OrderTree.Node<T, T>> nodes = new CountTable<>();

  private long nextSequence;

  ExtremumAggregate(Stage<T> input, Comparator<? super T> comparator, String kind) {
    super(input, kind);
    this.tree = new OrderTree<>(comparator);
  }

  @Override
  void apply(T element, int weight) {
    if (weight > 0) {
      OrderTree.Node<T, T> n = tree.insert(element, nextSequence, element);
      nextSequence++;
      int slot = nodes.slotFor(element);
      n.older = nodes.value(slot);
      nodes.setValue(slot, n);
      nodes.incrementAt(slot);
    } else {
      int slot = nodes.find(element);
      OrderTree.Node<T, T> n = nodes.value(slot);
      tree.remove(n);
      nodes.setValue(slot, n.older);
      nodes.decrement(slot);
    }
  }

  @Override
  Optional<T> value() {
    return tree.size() == 0 ? Optional.empty() : Optional.of(tree.get(0));
  }
}
