package dev.incr.internal.collection;

import dev.incr.IncrCollection;
import dev.incr.Node;
import dev.incr.Pair;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code aggregate(perGroup)} of a grouping: one pair {@code (key, value)} per key with elements,
 * where the value is that key's node built by {@code perGroup} on its group. The grouping tells
 * this stage which keys it routed changes to; a refresh re-reads only those keys' nodes and emits a
 * removal of the old pair and an insertion of the new one when the value changed.
 */
final class GroupAggregateStage<K, T, A> extends DerivedStage<Pair<K, A>> {
  private final GroupByStage<K, T> grouping;
  private final Function<? super IncrCollection<T>, ? extends Node<A>> perGroup;

  /** Keys routed to since the last refresh, in order. */
  private final LinkedHashSet<K> touched = new LinkedHashSet<>();

  private final Map<K, PerKey<A>> perKey = new HashMap<>();
  private boolean subscribed;

  private static final class PerKey<A> {
    final IncrCollection<?> group;
    final Node<A> node;
    Pair<?, A> emitted;

    PerKey(IncrCollection<?> group, Node<A> node) {
      this.group = group;
      this.node = node;
    }
  }

  GroupAggregateStage(
      GroupByStage<K, T> grouping,
      Function<? super IncrCollection<T>, ? extends Node<A>> perGroup) {
    super(grouping.engine(), "aggregate", true);
    this.grouping = grouping;
    this.perGroup = perGroup;
  }

  /** The grouping routed a change to {@code key}. */
  void touched(K key) {
    touched.add(key);
  }

  @Override
  void refresh() {
    grouping.readRouting();
    if (!subscribed) {
      touched.addAll(grouping.liveKeys());
      grouping.addAggregate(this);
      subscribed = true;
    }
    for (Iterator<K> it = touched.iterator(); it.hasNext(); ) {
      update(it.next());
      it.remove();
    }
  }

  @SuppressWarnings("unchecked")
  private void update(K key) {
    GroupCollection<K, T> group = grouping.existingGroup(key);
    PerKey<A> current = perKey.get(key);
    if (group == null || group.liveSize() == 0) {
      if (current != null) {
        if (current.emitted != null) {
          out.emit((Pair<K, A>) current.emitted, -1);
          current.emitted = null;
        }
        if (group == null) {
          // The group is gone (it was never handed out); a handed-out group keeps its node for
          // when elements come back.
          perKey.remove(key);
        }
      }
      return;
    }
    if (current == null || current.group != group) {
      Node<A> node = perGroup.apply(group);
      Objects.requireNonNull(node, () -> "perGroup of '" + label() + "' returned null");
      PerKey<A> fresh = new PerKey<>(group, node);
      if (current != null) {
        fresh.emitted = current.emitted;
      }
      perKey.put(key, fresh);
      current = fresh;
    }
    A value = current.node.get();
    Pair<K, A> pair = new Pair<>(key, value);
    if (pair.equals(current.emitted)) {
      return;
    }
    if (current.emitted != null) {
      out.emit((Pair<K, A>) current.emitted, -1);
    }
    out.emit(pair, 1);
    current.emitted = pair;
  }
}
