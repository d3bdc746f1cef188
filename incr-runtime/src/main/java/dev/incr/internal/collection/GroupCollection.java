package dev.incr.internal.collection;

/**
 * One key's elements of a {@link GroupByStage}. The grouping emits into this stage's outlet while
 * routing; this stage's version node reads the routing node and returns how many changes the group
 * has received, so it changes only when this group does.
 */
final class GroupCollection<K, T> extends DerivedStage<T> {
  private final GroupByStage<K, T> grouping;
  final K key;

  /** Whether {@code group(key)} returned this object (then it is kept even while empty). */
  volatile boolean handedOut;

  GroupCollection(GroupByStage<K, T> grouping, K key) {
    super(grouping.engine(), "group", true);
    this.grouping = grouping;
    this.key = key;
    label(grouping.label() + ".group(" + key + ")");
  }

  /** Readers depend on the routing directly: one node run per read instead of two. */
  @Override
  void pull() {
    grouping.routing().get();
  }

  @Override
  void refresh() {
    grouping.routing().get();
  }
}
