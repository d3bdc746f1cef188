package dev.incr.internal.collection;

/** Errors for functions given to operators that turn out not to be pure. */
final class Impure {
  private Impure() {}

  /** A key function gave a deleted element another key than it gave when it was inserted. */
  static IllegalStateException key(String stage, Object element, Object key) {
    return new IllegalStateException(
        "The key function of '"
            + stage
            + "' returned "
            + key
            + " for "
            + element
            + " on its deletion, a different key than on its insertion. Key functions must be"
            + " pure: compute the key from the element's own (immutable) fields only.");
  }

  /** A key function gave an element another key than it gave an equal element inserted earlier. */
  static IllegalStateException keyOfEqualElement(
      String stage, Object element, Object key, Object earlierKey) {
    return new IllegalStateException(
        "The key function of '"
            + stage
            + "' returned "
            + key
            + " for "
            + element
            + ", but "
            + earlierKey
            + " for an equal element inserted earlier. Key functions must be pure: compute the key"
            + " from the element's own (immutable) fields only, consistently with equals.");
  }
}
