package dev.incr.kafka;

import dev.incr.Engine;
import dev.incr.LongComputed;
import java.util.Objects;

/** The recording of a whole collection's {@code count()}. */
final class RecordedCount implements RecordedNode<Long>, LongComputed {
  private final Recorder recorder;
  private final Step.Total step;
  private String label;

  RecordedCount(Recorder recorder, Step.Total step) {
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
  public Long get() {
    throw Refusals.noContents("the count", label);
  }

  @Override
  public long getAsLong() {
    throw Refusals.noContents("the count", label);
  }

  @Override
  public LongComputed label(String label) {
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
