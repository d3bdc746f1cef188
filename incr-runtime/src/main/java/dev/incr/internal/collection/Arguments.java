package dev.incr.internal.collection;

/** The check of the collection operations' arguments, with messages in the engine's style. */
final class Arguments {
  private Arguments() {}

  /**
   * Returns {@code value}, or throws the {@link NullPointerException} for a null argument, naming
   * {@code call}, the collection it was made on and what to pass instead: {@code "filter(null) on
   * 'visits': pass the predicate of the elements to keep."}
   */
  static <A> A require(A value, String call, String collection, String what) {
    if (value == null) {
      throw new NullPointerException(call + " on '" + collection + "': pass " + what + ".");
    }
    return value;
  }
}
