package dev.incr.internal.collection;

/**
 * A stage's subscription to its input stage. {@link #catchUp()} brings the input up to date (with
 * {@link Stage#pull()}, so the engine records the dependency), subscribes on first use,
 * and returns the changes queued for this stage since it last read them.
 *
 * @param <T> the input's element type
 */
final class InputReader<T> {
  private final Stage<T> input;
  private Inbox<T> inbox;

  InputReader(Stage<T> input) {
    this.input = input;
  }

  /** Call inside the reading stage's computation; consume the result with peek and pop. */
  Inbox<T> catchUp() {
    input.pull();
    Inbox<T> in = inbox;
    if (in == null) {
      in = inbox = input.subscribe();
    }
    in.consolidateBeforeReading();
    return in;
  }
}
