package dev.incr.internal.collection;

/**
 * A stage's subscription to its input stage. {@link #catchUp()} brings the input up to date (with
 * {@link Stage#pull()}, so the engine records the dependency), subscribes on first use,
 * and returns the changes queued for this stage since it last read them; {@link #consume} does the
 * same and applies them, taking them from the input directly where it can.
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

  /**
   * Brings the input up to date and applies each of its changes not consumed yet to {@code sink},
   * oldest first, consuming each once {@code sink} has accepted it. If nothing is queued here and
   * this reader is the input's only one, the input refreshes straight into {@code sink} ({@link
   * Stage#refreshInto}): a chain of element-wise stages with one reader each then moves a change
   * from its first stage's queue to its last stage with no queue in between, and only that first
   * queue holds pending changes (consolidated there before they are applied). Otherwise the input
   * is pulled, queueing its changes here, and they are consolidated and applied, as {@link
   * #catchUp()}. Call inside the reading stage's computation.
   */
  void consume(Sink<? super T> sink) {
    Inbox<T> in = inbox;
    if (in != null && in.isEmpty() && input.refreshInto(in, sink)) {
      return;
    }
    drain(catchUp(), sink);
  }

  private static <T> void drain(Inbox<T> in, Sink<? super T> sink) {
    while (!in.isEmpty()) {
      sink.accept(in.peekElement(), in.peekWeight(), in.peekSlot());
      in.pop();
    }
  }
}
