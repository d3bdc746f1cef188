package dev.incr.internal.collection;

import java.util.ArrayList;
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
  private final Map<T, ArrayList<OrderTree.Node<T, T>>> nodes = new HashMap<>();
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
      nodes.computeIfAbsent(element, k -> new ArrayList<>(1)).add(n);
    } else {
      ArrayList<OrderTree.Node<T, T>> stack = nodes.get(element);
      tree.remove(stack.get(stack.size() - 1));
      stack.remove(stack.size() - 1);
      if (stack.isEmpty()) {
        nodes.remove(element);
      }
    }
  }

  @Override
  Optional<T> value() {
    return tree.size() == 0 ? Optional.empty() : Optional.of(tree.get(0));
  }
}
