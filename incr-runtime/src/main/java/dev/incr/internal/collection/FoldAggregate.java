package dev.incr.internal.collection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * {@code reduce(identity, accumulator)}: folds the elements with an associative and commutative
 * operator that need not be invertible (max, gcd, set union...), O(log n) per change.
 *
 * <p>Each live occurrence occupies a slot of a segment tree whose inner nodes hold the fold of
 * their subtree; a change rewrites one leaf and the fold along its path to the root. Slots of
 * deleted occurrences are reused, so the tree holds as many slots as the most occurrences ever live
 * at once. The path is computed before anything is written, so an accumulator that throws leaves
 * the tree as it was.
 */
final class FoldAggregate<T> extends Aggregate<T, T> {
  /** The fold of no elements, distinct from any value (including null). */
  private static final Object EMPTY = new Object();

  private final T identity;
  private final BinaryOperator<T> accumulator;

  /** Heap layout: node i has children 2i and 2i + 1; leaves are {@code capacity + slot}. */
  private Object[] tree = {EMPTY, EMPTY};

  private int capacity = 1;
  private int used;
  private int[] free = new int[4];
  private int freeCount;
  private final Map<T, ArrayList<Integer>> slots = new HashMap<>();

  FoldAggregate(Stage<T> input, T identity, BinaryOperator<T> accumulator) {
    super(input, "reduce");
    this.identity = identity;
    this.accumulator = accumulator;
  }

  @Override
  void apply(T element, int weight) {
    if (weight > 0) {
      if (freeCount == 0 && used == capacity) {
        grow();
      }
      int slot = freeCount > 0 ? free[freeCount - 1] : used;
      write(slot, element);
      if (freeCount > 0) {
        freeCount--;
      } else {
        used++;
      }
      slots.computeIfAbsent(element, e -> new ArrayList<>(1)).add(slot);
    } else {
      ArrayList<Integer> stack = slots.get(element);
      int slot = stack.get(stack.size() - 1);
      write(slot, EMPTY);
      stack.remove(stack.size() - 1);
      if (stack.isEmpty()) {
        slots.remove(element);
      }
      if (freeCount == free.length) {
        free = Arrays.copyOf(free, free.length * 2);
      }
      free[freeCount++] = slot;
    }
  }

  /** Sets a leaf and recomputes its path: all folds first, then all writes. */
  private void write(int slot, Object leaf) {
    int depth = Integer.numberOfTrailingZeros(capacity);
    Object[] path = new Object[depth + 1];
    int i = capacity + slot;
    Object value = leaf;
    path[0] = value;
    for (int level = 1; i > 1; level++) {
      Object sibling = tree[i ^ 1];
      value = (i & 1) == 0 ? combine(value, sibling) : combine(sibling, value);
      path[level] = value;
      i >>= 1;
    }
    i = capacity + slot;
    for (int level = 0; level <= depth; level++) {
      tree[i] = path[level];
      i >>= 1;
    }
  }

  @SuppressWarnings("unchecked")
  private Object combine(Object a, Object b) {
    if (a == EMPTY) {
      return b;
    }
    if (b == EMPTY) {
      return a;
    }
    return accumulator.apply((T) a, (T) b);
  }

  /** Doubles the capacity: the old tree becomes the new root's left subtree, unchanged. */
  private void grow() {
    Object[] grown = new Object[tree.length * 2];
    Arrays.fill(grown, EMPTY);
    for (int levelStart = 1; levelStart < tree.length; levelStart <<= 1) {
      System.arraycopy(tree, levelStart, grown, levelStart * 2, levelStart);
    }
    grown[1] = grown[2];
    tree = grown;
    capacity *= 2;
  }

  @Override
  @SuppressWarnings("unchecked")
  T value() {
    Object root = tree[1];
    return root == EMPTY ? identity : accumulator.apply(identity, (T) root);
  }
}
