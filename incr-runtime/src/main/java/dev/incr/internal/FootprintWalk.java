package dev.incr.internal;

import dev.incr.Computed;
import dev.incr.MemoryFootprint;
import dev.incr.support.QueryMemo;
import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes {@code Engine.footprint}: walks the nodes reachable from the roots and from the
 * engine's memo entries through their dependencies, once each, counting them and adding up the
 * shallow sizes ({@link ObjectLayout}) of the engine's structures for them. Its cost is
 * proportional to what it reaches; the engine's paths pay nothing for it. Callers hold whatever
 * the engine needs (the lock of the concurrent engine).
 */
final class FootprintWalk {

  private static final ObjectLayout LAYOUT = ObjectLayout.CURRENT;
  private static final Class<?> MAP_NODE = classNamed("java.util.concurrent.ConcurrentHashMap$Node");
  private static final Class<?> MEMO_ENTRY = classNamed("dev.incr.support.QueryMemo$Entry");

  private final IdentityHashMap<AbstractNode<?>, Boolean> seen = new IdentityHashMap<>();
  private final ArrayDeque<AbstractNode<?>> queue = new ArrayDeque<>();
  private final Set<ValueLruRing> rings = Collections.newSetFromMap(new IdentityHashMap<>());

  private long boxedVars;
  private long primitiveVars;
  private long boxedComputeds;
  private long primitiveComputeds;
  private long observed;
  private long necessary;
  private long held;
  private long evicted;
  private long edges;
  private long memoTables;
  private long memoEntries;
  private long nodeBytes;
  private long dependencyBytes;
  private long necessityBytes;
  private long budgetBytes;
  private long memoBytes;

  private FootprintWalk() {}

  static MemoryFootprint of(EngineCore engine, AbstractNode<?>[] roots) {
    FootprintWalk walk = new FootprintWalk();
    for (AbstractNode<?> root : roots) {
      walk.reach(root);
    }
    engine.memos.forEach(walk::memo);
    walk.drain();
    return walk.result();
  }

  private void reach(AbstractNode<?> node) {
    if (seen.put(node, Boolean.TRUE) == null) {
      queue.add(node);
    }
  }

  private void memo(QueryMemo<?> memo) {
    memoTables++;
    ArrayList<Computed<?>> nodes = new ArrayList<>();
    memo.forEachNode(nodes::add);
    int entries = nodes.size();
    memoEntries += entries;
    memoBytes += LAYOUT.instanceSize(WeakReference.class) + LAYOUT.instanceSize(QueryMemo.class)
        + LAYOUT.instanceSize(ConcurrentHashMap.class) + entries * LAYOUT.instanceSize(MAP_NODE);
    if (entries > 0) {
      memoBytes += LAYOUT.arraySize(Object.class, mapCapacity(entries));
    }
    int clock = memo.clockLength();
    if (clock > 0) {
      memoBytes += entries * LAYOUT.instanceSize(MEMO_ENTRY) + LAYOUT.arraySize(Object.class, clock);
    }
    for (Computed<?> node : nodes) {
      reach((AbstractNode<?>) node);
    }
  }

  private void drain() {
    AbstractNode<?> node;
    while ((node = queue.poll()) != null) {
      count(node);
      nodeBytes += LAYOUT.instanceSize(node.getClass());
      if (node.durability() != DurabilityClock.LOW && node.necessity() == null) {
        nodeBytes += LAYOUT.instanceSize(DurableTag.class);
      }
      Necessity necessity = node.necessity();
      if (necessity != null) {
        necessary++;
        necessityBytes += necessityBytes(necessity);
        if (necessity.isObserved()) {
          observed++;
        }
      }
      if (node instanceof ComputedNode) {
        Object dependencies = ((ComputedNode<?>) node).dependencies;
        if (dependencies instanceof AbstractNode) {
          edges++;
          reach((AbstractNode<?>) dependencies);
        } else {
          AbstractNode<?>[] array = (AbstractNode<?>[]) dependencies;
          if (array != ComputedNode.NO_DEPENDENCIES) {
            dependencyBytes += LAYOUT.arraySize(AbstractNode.class, array.length);
          }
          edges += array.length;
          for (AbstractNode<?> d : array) {
            reach(d);
          }
        }
      }
    }
  }

  private void count(AbstractNode<?> node) {
    if (node instanceof BoxedVarNode) {
      boxedVars++;
    } else if (node instanceof VarNode) {
      primitiveVars++;
    } else if (node instanceof BoxedComputedNode) {
      boxedComputeds++;
    } else if (node instanceof LruComputedNode) {
      boxedComputeds++;
      LruComputedNode<?> budgeted = (LruComputedNode<?>) node;
      if (budgeted.evicted()) {
        evicted++;
      } else if (budgeted.slot >= 0) {
        held++;
      }
      if (rings.add(budgeted.ring)) {
        budgetBytes += LAYOUT.instanceSize(ValueLruRing.class)
            + LAYOUT.arraySize(LruComputedNode.class, budgeted.ring.capacity());
      }
    } else {
      primitiveComputeds++;
    }
  }

  private static long necessityBytes(Necessity necessity) {
    long bytes = LAYOUT.instanceSize(Necessity.class);
    int readers = necessity.dependentsCapacity();
    if (readers > 0) {
      bytes += LAYOUT.arraySize(ComputedNode.class, readers);
    }
    if (necessity.observations != null) {
      int observations = necessity.observations.size();
      bytes += LAYOUT.instanceSize(ArrayList.class)
          + LAYOUT.arraySize(Object.class, listCapacity(observations))
          + observations * LAYOUT.instanceSize(ObservationImpl.class);
    }
    return bytes;
  }

  /**
   * The capacity of the observations' list, made with room for one and grown by half (at least
   * one) each time it is full, for {@code size} elements; it never shrinks, so after closes it
   * may be larger than this.
   */
  static int listCapacity(int size) {
    int capacity = 1;
    while (capacity < size) {
      capacity += Math.max(1, capacity >> 1);
    }
    return capacity;
  }

  /**
   * The length of a {@link ConcurrentHashMap}'s table holding {@code size} entries: none before
   * the first, then 16, doubled whenever the entries reach three quarters of it. A table that lost
   * entries (a bounded memo evicting one before adding another) is sized for its current ones.
   */
  static int mapCapacity(int size) {
    if (size == 0) {
      return 0;
    }
    int capacity = 16;
    while (size >= capacity - (capacity >>> 2)) {
      capacity <<= 1;
    }
    return capacity;
  }

  private MemoryFootprint result() {
    return new MemoryFootprint(boxedVars, primitiveVars, boxedComputeds, primitiveComputeds,
        observed, necessary, held, evicted, edges, memoTables, memoEntries, nodeBytes,
        dependencyBytes, necessityBytes, budgetBytes, memoBytes, LAYOUT.description());
  }

  private static Class<?> classNamed(String name) {
    try {
      return Class.forName(name, false, FootprintWalk.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
