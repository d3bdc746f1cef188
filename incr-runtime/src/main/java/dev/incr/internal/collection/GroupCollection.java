package dev.incr.internal.collection;

import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

/**
 * One key's elements of a {@link GroupByStage}, which keeps them (in its shared members table, this
 * group's slots chained from {@link #head}) and emits into this stage's outlet while routing. This
 * stage's version node routes pending changes and returns how many changes the group has received,
 * so it changes only when this group does.
 */
final class GroupCollection<K, T> extends DerivedStage<T> {
  private final GroupByStage<K, T> grouping;
  final K key;

  /** Whether {@code group(key)} returned this object (then it is kept even while empty). */
  volatile boolean handedOut;

  /** Occurrences, and the first and last member slot of the chain the grouping keeps (or -1). */
  long size;

  int head = -1;
  int tail = -1;

  GroupCollection(GroupByStage<K, T> grouping, K key) {
    super(grouping.engine(), "group", false);
    this.grouping = grouping;
    this.key = key;
    label(grouping.label() + ".group(" + key + ")");
  }

  /** Readers route inline: one node run per read of this group's count. */
  @Override
  void pull() {
    grouping.pullRouting();
  }

  @Override
  void refresh() {
    grouping.pullRouting();
  }

  @Override
  long liveSize() {
    return size;
  }

  @Override
  void forEachLive(Consumer<? super T> action) {
    grouping.forEachMember(this, (x, slot) -> action.accept(x));
  }

  /** Members carry their slot in the grouping's members table. */
  @Override
  boolean slotted() {
    return true;
  }

  @Override
  void forEachLiveSlotted(ObjIntConsumer<? super T> action) {
    grouping.forEachMember(this, action);
  }

  @Override
  void checkInvariants() {
    grouping.checkGroup(this);
  }
}
