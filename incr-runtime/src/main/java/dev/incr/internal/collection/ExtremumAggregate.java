package dev.incr.internal.collection;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code min}/{@code max}: the first element of an order-statistic tree ordered by the comparator,
 * ties by arrival. O(log n) per change. {@code max} is {@code min} under the reversed comparator.
 */
final class ExtremumAggregate<T> extends Aggregate<T, Optional<T>> {
  private final OrderTree<T, T> tree;

  /** The newest tree node of each live element, older ones chained through {@code older}. */
  private final Map<T, OrderTree.Node<T, T>> nodes = new HashMap<>();

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
      n.older = nodes.put(element, n);
    } else {
      OrderTree.Node<T, T> n = nodes.get(element);
      tree.remove(n);
      if (n.older == null) {
        nodes.remove(element);
      } else {
        nodes.put(element, n.older);
      }
    }
  }

  @Override
  Optional<T> value() {
    return tree.size() == 0 ? Optional.empty() : Optional.of(tree.get(0));
  }
}
