package dev.incr.internal.collection;

/**
 * A stage that applies each change of its one input on its own, in O(1) ({@link FilterStage},
 * {@link MapStage}): it is a {@link Sink} of its input's changes. Readers refresh it inline
 * ({@link Stage#pull()}). When its only reader is another element-wise stage, that reader's
 * refresh takes this stage's output directly ({@link #refreshInto}), so a change travels a chain
 * of them as nested calls, with no queue between the stages.
 *
 * <p>{@link #accept} must hand a change on (with {@link #emit}) <em>before</em> updating this
 * stage's own state: if a stage further down throws (a map function failing), nothing has changed
 * anywhere on the chain, and the change is still queued at the chain's first stage for the retry.
 *
 * @param <T> the input's element type
 * @param <R> the output's element type
 */
abstract class ElementwiseStage<T, R> extends DerivedStage<R> implements Sink<T> {
  final InputReader<T> changes;

  /** The only reader's sink while this stage refreshes straight into it, else null. */
  private Sink<? super R> direct;

  ElementwiseStage(Stage<T> input, String kind, boolean materialize) {
    super(input, kind, materialize);
    this.changes = new InputReader<>(input);
  }

  @Override
  final void pull() {
    refresh();
  }

  @Override
  final void refresh() {
    changes.consume(this);
  }

  /** Whether this stage's changes can skip its outlet: its outlet keeps no multiset of them. */
  abstract boolean feedsDirectly();

  @Override
  final boolean refreshInto(Inbox<R> inbox, Sink<? super R> sink) {
    if (direct != null || !feedsDirectly() || !out.onlyReaderIs(inbox)) {
      return false;
    }
    direct = sink;
    try {
      changes.consume(this);
    } finally {
      direct = null;
    }
    return true;
  }

  /**
   * Emits one output change: to the only reader's sink while refreshing into it, else to the
   * readers' inboxes. {@code slot} as for {@link Outlet#forward}.
   */
  final void emit(R element, int weight, int slot) {
    Sink<? super R> d = direct;
    if (d == null) {
      out.forward(element, weight, slot);
    } else {
      d.accept(element, weight, slot);
      out.countDelivered();
    }
  }
}
