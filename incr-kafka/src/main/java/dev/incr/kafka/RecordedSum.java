package dev.incr.kafka;

import dev.incr.DoubleComputed;
import dev.incr.Engine;
import java.util.Objects;

/** The recording of a whole collection's {@code sum(...)}. */
final class RecordedSum implements RecordedNode<Double>, DoubleComputed {
  private final Recorder recorder;
  private final Step.Total step;
  private String label;

  RecordedSum(Recorder recorder, Step.Total step) {
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
  public Double get() {
    throw Refusals.noContents("the sum", label);
  }

  @Override
  public double getAsDouble() {
    throw Refusals.noContents("the sum", label);
  }

  @Override
  public DoubleComputed label(String label) {
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
