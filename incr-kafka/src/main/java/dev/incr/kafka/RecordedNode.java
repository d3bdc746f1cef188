package dev.incr.kafka;

import dev.incr.Computed;
import dev.incr.Engine;
import java.util.Objects;

/**
 * A recorded aggregate of a whole collection: a node with no value during translation. Reading it
 * fails, naming the aggregate and its label; subclasses only say what kind of value they stand for.
 */
abstract class RecordedNode<A> implements Computed<A> {
  private final Recorder recorder;
  private final Step.Total step;
  /** What the node stands for in an error message, such as "the count". */
  private final String what;
  private String label;

  RecordedNode(Recorder recorder, Step.Total step, String what) {
    this.recorder = recorder;
    this.step = step;
    this.what = what;
    this.label = step.label();
  }

  final Recorder recorder() {
    return recorder;
  }

  final Step.Total step() {
    return step;
  }

  /** The error for any read of the value while the pipeline is being translated. */
  final IllegalStateException noContents() {
    return Refusals.noContents(what, label);
  }

  /** Sets the label; the typed {@code label(String)} overrides return {@code this}. */
  final void relabel(String label) {
    this.label = Objects.requireNonNull(label, "label");
  }

  @Override
  public final String label() {
    return label;
  }

  @Override
  public final Engine engine() {
    return recorder.engine;
  }
}
