package dev.incr.internal;

import dev.incr.Durability;

/**
 * The engine's record, per {@link Durability} level, of the last revision at which an input of at
 * least that level changed, and the rules that keep a computed's durability: the lowest durability
 * of what it read on its last run or verification ({@link Durability#HIGH} if it read nothing).
 *
 * <p>Why a computed of durability {@code d} verified at revision {@code s} is up to date when no
 * input of level {@code d} or higher changed after {@code s}: everything it read has durability at
 * least {@code d}, and so, by the same rule one level down, has everything they read, down to the
 * inputs. A dependency whose own durability dropped since (it re-ran and read a lower input) could
 * only have re-run because an input of its old level, at least {@code d}, changed, which the clock
 * records; the computed is then verified the ordinary way and takes the lower level. A computed
 * whose run failed is {@link #LOW}, which never takes the constant-time path, so that it and
 * everything that read it are verified (and re-run) as without durability.
 *
 * <p>Levels are the {@link Durability} ordinals. A node at {@link #LOW} (every node of a graph
 * that does not use durability) stores nothing for it; a node above keeps its level beside its
 * label ({@link DurableTag}, or its {@link Necessity}).
 */
final class DurabilityClock {

  static final byte LOW = 0;
  static final byte HIGH = 2;

  /** Last revision an input of level {@code >= i} changed, for i = LOW, MEDIUM, HIGH. */
  private long low;
  private long medium;
  private long high;

  static byte level(Durability durability) {
    return (byte) durability.ordinal();
  }

  /** An input of level {@code level} changed at revision {@code rev}. */
  void changed(byte level, long rev) {
    low = rev;
    if (level >= 1) {
      medium = rev;
      if (level >= 2) {
        high = rev;
      }
    }
  }

  /**
   * Whether a computed of level {@code level} verified at revision {@code since} is up to date
   * without looking at its dependencies: it is above {@link #LOW} and no input of its level or
   * higher changed after {@code since}.
   */
  boolean unchangedSince(byte level, long since) {
    return level != LOW && (level == HIGH ? high : medium) <= since;
  }

  /** The lowest level among {@code dependencies} (a node or an array of them; HIGH if none). */
  static byte lowestOf(Object dependencies) {
    if (dependencies instanceof AbstractNode) {
      return ((AbstractNode<?>) dependencies).durability();
    }
    byte lowest = HIGH;
    for (AbstractNode<?> d : (AbstractNode<?>[]) dependencies) {
      byte level = d.durability();
      if (level < lowest) {
        if (level == LOW) {
          return LOW;
        }
        lowest = level;
      }
    }
    return lowest;
  }
}
