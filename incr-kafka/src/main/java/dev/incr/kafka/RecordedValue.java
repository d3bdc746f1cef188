package dev.incr.kafka;

import dev.incr.Computed;
import dev.incr.Engine;
import java.util.Objects;

/** The recording of a whole-collection aggregate whose value is an object (min, max, reduce). */
final class RecordedValue<A> implements RecordedNode<A> {
  private final Recorder recorder;
  private final Step.Total step;
  private String label;

  RecordedValue(Recorder recorder, Step.Total step) {
    this.recorder = recorder;
    this.step = step;
    this.label = step.label();
  }

  @Override
  public Recorder recorder() {
    return recorder;
  }

  @Override
  public Step.Total step() {
    return step;
  }

  @Override
  public A get() {
    throw Refusals.noContents("the value", label);
  }

  @Override
  public Computed<A> label(String label) {
    this.label = Objects.requireNonNull(label, "label");
    return this;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public Engine engine() {
    return recorder.engine;
  }
}
