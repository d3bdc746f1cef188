package dev.incr.internal;

/**
 * The tag of a node that is not necessary and whose {@link dev.incr.Durability} is above {@code
 * LOW}: its label and its level. Only such nodes pay for one (24 bytes); every other node keeps
 * its label in the tag field itself, so durability costs nothing to graphs that do not use it.
 */
final class DurableTag {

  /** The node's label, or null for its default one. */
  String label;
  /** The node's level, above {@link DurabilityClock#LOW}. */
  byte durability;

  DurableTag(String label, byte durability) {
    this.label = label;
    this.durability = durability;
  }
}
