package dev.incr.internal.collection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An order-statistic tree: an AVL tree ordered by (key, sequence number) whose nodes know their
 * subtree sizes, so insertion, removal, rank and positional access all cost O(log n) worst case.
 * The sequence number breaks ties between equal keys, in arrival order. Nodes keep their identity
 * (removal relinks the successor node instead of copying it), so callers may hold on to them.
 *
 * <p>An AVL tree rather than a treap: with a million boxed keys each level of a descent costs two
 * cache misses (the node and its key), and AVL trees are about a quarter shallower on average.
 *
 * <p>Invariants, checked by {@link #checkInvariants()}: in-order traversal is strictly increasing
 * by (key, sequence); every node's {@code size} is one plus its children's and its {@code height}
 * one plus the greater of theirs; children's heights differ by at most one.
 *
 * <p>Mutations compare all the way down before changing anything, so a comparator that throws
 * leaves the tree as it was.
 *
 * @param <K> the key type
 * @param <E> the element type
 */
final class OrderTree<K, E> {

  /** A node: one occurrence of an element. */
  static final class Node<K, E> {
    final K key;
    final long sequence;
    final E element;
    int size = 1;
    int height = 1;

    /**
     * The owner's link to the previous live occurrence of the same element (not used by the tree):
     * owners keep the newest node per element and chain the older ones through it.
     */
    Node<K, E> older;

    Node<K, E> left;
    Node<K, E> right;

    Node(K key, long sequence, E element) {
      this.key = key;
      this.sequence = sequence;
      this.element = element;
    }
  }

  private final Comparator<? super K> comparator;
  private Node<K, E> root;

  OrderTree(Comparator<? super K> comparator) {
    this.comparator = comparator;
  }

  int size() {
    return size(root);
  }

  /** Inserts a node for {@code element}; {@code sequence} must be unique in this tree. */
  Node<K, E> insert(K key, long sequence, E element) {
    Node<K, E> n = new Node<>(key, sequence, element);
    root = insert(root, n);
    return n;
  }

  private Node<K, E> insert(Node<K, E> t, Node<K, E> n) {
    if (t == null) {
      return n;
    }
    if (compare(n, t) < 0) {
      t.left = insert(t.left, n);
    } else {
      t.right = insert(t.right, n);
    }
    return balance(t);
  }

  /** Removes {@code n}, which must be in this tree. */
  void remove(Node<K, E> n) {
    root = remove(root, n);
  }

  private Node<K, E> remove(Node<K, E> t, Node<K, E> n) {
    if (t == null) {
      throw new IllegalStateException("internal error: node not in tree: " + n.element);
    }
    if (t == n) {
      if (t.left == null) {
        return t.right;
      }
      if (t.right == null) {
        return t.left;
      }
      Node<K, E> successor = t.right;
      while (successor.left != null) {
        successor = successor.left;
      }
      successor.right = removeLeftmost(t.right);
      successor.left = t.left;
      return balance(successor);
    }
    if (compare(n, t) < 0) {
      t.left = remove(t.left, n);
    } else {
      t.right = remove(t.right, n);
    }
    return balance(t);
  }

  private Node<K, E> removeLeftmost(Node<K, E> t) {
    if (t.left == null) {
      return t.right;
    }
    t.left = removeLeftmost(t.left);
    return balance(t);
  }

  /** Restores the AVL balance at {@code t} (children already balanced) and its size and height. */
  private static <K, E> Node<K, E> balance(Node<K, E> t) {
    int lh = height(t.left);
    int rh = height(t.right);
    if (lh > rh + 1) {
      if (height(t.left.left) < height(t.left.right)) {
        t.left = rotateLeft(t.left);
      }
      return rotateRight(t);
    }
    if (rh > lh + 1) {
      if (height(t.right.right) < height(t.right.left)) {
        t.right = rotateRight(t.right);
      }
      return rotateLeft(t);
    }
    update(t);
    return t;
  }

  private static void update(Node<?, ?> t) {
    t.size = 1 + size(t.left) + size(t.right);
    t.height = 1 + Math.max(height(t.left), height(t.right));
  }

  /** Returns the position of {@code n} (which must be in this tree) in order. */
  int rank(Node<K, E> n) {
    int rank = 0;
    Node<K, E> t = root;
    while (t != n) {
      if (t == null) {
        throw new IllegalStateException("internal error: node not in tree: " + n.element);
      }
      if (compare(n, t) < 0) {
        t = t.left;
      } else {
        rank += size(t.left) + 1;
        t = t.right;
      }
    }
    return rank + size(n.left);
  }

  /** Returns the element at {@code index} in order. */
  E get(int index) {
    if (index < 0 || index >= size(root)) {
      throw new IndexOutOfBoundsException(
          "Index " + index + " out of bounds for size " + size(root));
    }
    Node<K, E> t = root;
    while (true) {
      int leftSize = size(t.left);
      if (index < leftSize) {
        t = t.left;
      } else if (index == leftSize) {
        return t.element;
      } else {
        index -= leftSize + 1;
        t = t.right;
      }
    }
  }

  /** Returns the elements at positions {@code from} (inclusive) to {@code to} (exclusive). */
  List<E> range(int from, int to) {
    List<E> out = new ArrayList<>(Math.max(0, to - from));
    collect(root, 0, from, to, out);
    return out;
  }

  private void collect(Node<K, E> t, int offset, int from, int to, List<E> out) {
    while (t != null) {
      int index = offset + size(t.left);
      if (from < index) {
        collect(t.left, offset, from, to, out);
      }
      if (index >= to) {
        return;
      }
      if (index >= from) {
        out.add(t.element);
      }
      offset = index + 1;
      t = t.right;
    }
  }

  private int compare(Node<K, E> a, Node<K, E> b) {
    int c = comparator.compare(a.key, b.key);
    return c != 0 ? c : Long.compare(a.sequence, b.sequence);
  }

  private static <K, E> Node<K, E> rotateRight(Node<K, E> t) {
    Node<K, E> l = t.left;
    t.left = l.right;
    l.right = t;
    update(t);
    update(l);
    return l;
  }

  private static <K, E> Node<K, E> rotateLeft(Node<K, E> t) {
    Node<K, E> r = t.right;
    t.right = r.left;
    r.left = t;
    update(t);
    update(r);
    return r;
  }

  private static int size(Node<?, ?> n) {
    return n == null ? 0 : n.size;
  }

  private static int height(Node<?, ?> n) {
    return n == null ? 0 : n.height;
  }

  /**
   * Checks order, sizes, heights and balance; throws {@link AssertionError} on the first breach.
   */
  void checkInvariants() {
    List<Node<K, E>> inOrder = new ArrayList<>();
    check(root, inOrder);
    for (int i = 1; i < inOrder.size(); i++) {
      if (compare(inOrder.get(i - 1), inOrder.get(i)) >= 0) {
        throw new AssertionError(
            "tree out of order at "
                + i
                + ": "
                + inOrder.get(i - 1).element
                + " then "
                + inOrder.get(i).element);
      }
    }
  }

  private int check(Node<K, E> t, List<Node<K, E>> inOrder) {
    if (t == null) {
      return 0;
    }
    int l = check(t.left, inOrder);
    inOrder.add(t);
    int r = check(t.right, inOrder);
    if (t.size != l + r + 1) {
      throw new AssertionError("size " + t.size + " at " + t.element + ", children " + l + "+" + r);
    }
    int lh = height(t.left);
    int rh = height(t.right);
    if (t.height != 1 + Math.max(lh, rh)) {
      throw new AssertionError("height " + t.height + " at " + t.element);
    }
    if (Math.abs(lh - rh) > 1) {
      throw new AssertionError("unbalanced at " + t.element + ": heights " + lh + " and " + rh);
    }
    return l + r + 1;
  }
}
