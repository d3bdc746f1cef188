package dev.incr.internal.collection;

import java.util.ArrayList;
import java.util.Arrays;
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
    /**
     * Under natural order, an {@code Integer}, {@code Long} or {@code Double} key as a long that
     * orders as the key does ({@link #kind} says which); comparing two keys of one kind then loads
     * no key object.
     */
    final long prim;
    /** 0: compare with the comparator; 1, 2, 3: {@link #prim} holds an Integer, Long, Double. */
    final byte kind;

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

    Node(K key, long sequence, E element, boolean natural) {
      this.key = key;
      this.sequence = sequence;
      this.element = element;
      if (!natural) {
        this.prim = 0;
        this.kind = 0;
      } else if (key instanceof Integer) {
        this.prim = (Integer) key;
        this.kind = 1;
      } else if (key instanceof Long) {
        this.prim = (Long) key;
        this.kind = 2;
      } else if (key instanceof Double) {
        // Double.compare's order as a long: flip the magnitude bits of negatives.
        long bits = Double.doubleToLongBits((Double) key);
        this.prim = bits ^ ((bits >> 63) & Long.MAX_VALUE);
        this.kind = 3;
      } else {
        this.prim = 0;
        this.kind = 0;
      }
    }
  }

  private final Comparator<? super K> comparator;
  /** Whether the comparator is {@link Comparator#naturalOrder()}: numeric keys compare as longs. */
  private final boolean natural;

  private Node<K, E> root;

  /** The search path of the current insertion or removal (cleared after it). */
  @SuppressWarnings("unchecked")
  private Node<K, E>[] path = (Node<K, E>[]) new Node<?, ?>[48];

  OrderTree(Comparator<? super K> comparator) {
    this.comparator = comparator;
    this.natural = comparator == Comparator.naturalOrder();
  }

  int size() {
    return size(root);
  }

  /** Inserts a node for {@code element}; {@code sequence} must be unique in this tree. */
  Node<K, E> insert(K key, long sequence, E element) {
    Node<K, E> n = new Node<>(key, sequence, element, natural);
    // Compare all the way down first (a comparator that throws changes nothing), then link, then
    // walk back up only while the subtree heights change (AVL insertion stops early; the sizes
    // along the path are counted on the way).
    int d = 0;
    boolean left = false;
    try {
      for (Node<K, E> t = root; t != null; t = left ? t.left : t.right) {
        push(d++, t);
        left = compare(n, t) < 0;
      }
    } catch (RuntimeException | Error e) {
      clearPath(d);
      throw e;
    }
    if (d == 0) {
      root = n;
      return n;
    }
    Node<K, E>[] p = path;
    for (int i = 0; i < d; i++) {
      p[i].size++;
    }
    if (left) {
      p[d - 1].left = n;
    } else {
      p[d - 1].right = n;
    }
    rebalanceUp(d);
    return n;
  }

  /** Removes {@code n}, which must be in this tree. */
  void remove(Node<K, E> n) {
    int d = 0;
    Node<K, E> t = root;
    try {
      while (t != n) {
        if (t == null) {
          throw new IllegalStateException("internal error: node not in tree: " + n.element);
        }
        push(d++, t);
        t = compare(n, t) < 0 ? t.left : t.right;
      }
    } catch (RuntimeException | Error e) {
      clearPath(d);
      throw e;
    }
    Node<K, E> parent = d == 0 ? null : path[d - 1];
    Node<K, E> replacement;
    if (n.left == null || n.right == null) {
      replacement = n.left != null ? n.left : n.right;
    } else {
      // The successor takes n's place (nodes keep their identity, so callers' references stay
      // valid); the path runs through that place down to the successor's old parent.
      int at = d;
      push(d++, n);
      Node<K, E> s = n.right;
      while (s.left != null) {
        push(d++, s);
        s = s.left;
      }
      Node<K, E> sParent = path[d - 1];
      if (sParent == n) {
        n.right = s.right;
      } else {
        sParent.left = s.right;
      }
      s.left = n.left;
      s.right = n.right;
      s.size = n.size;
      s.height = n.height;
      path[at] = s;
      replacement = s;
    }
    replaceChild(parent, n, replacement);
    Node<K, E>[] p = path;
    for (int i = 0; i < d; i++) {
      p[i].size--;
    }
    rebalanceUp(d);
    n.left = null;
    n.right = null;
    n.size = 1;
    n.height = 1;
  }

  /**
   * Restores balance, heights (and sizes) from {@code path[d - 1]} up to the root, stopping where a
   * subtree keeps its root and height: nothing above it changes then. Clears the path.
   */
  private void rebalanceUp(int d) {
    Node<K, E>[] p = path;
    for (int i = d - 1; i >= 0; i--) {
      Node<K, E> t = p[i];
      int oldHeight = t.height;
      Node<K, E> r = balance(t);
      if (r != t) {
        replaceChild(i == 0 ? null : p[i - 1], t, r);
      } else if (r.height == oldHeight) {
        break;
      }
    }
    clearPath(d);
  }

  /** Makes {@code r} the child of {@code parent} (the root if null) that {@code old} was. */
  private void replaceChild(Node<K, E> parent, Node<K, E> old, Node<K, E> r) {
    if (parent == null) {
      root = r;
    } else if (parent.left == old) {
      parent.left = r;
    } else {
      parent.right = r;
    }
  }

  private void push(int at, Node<K, E> t) {
    if (at == path.length) {
      path = Arrays.copyOf(path, path.length * 2);
    }
    path[at] = t;
  }

  private void clearPath(int d) {
    Arrays.fill(path, 0, d, null);
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
    int c =
        a.kind != 0 && a.kind == b.kind
            ? Long.compare(a.prim, b.prim)
            : comparator.compare(a.key, b.key);
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
