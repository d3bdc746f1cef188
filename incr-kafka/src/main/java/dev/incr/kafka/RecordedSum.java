package dev.incr.kafka;

import dev.incr.DoubleComputed;

/** The recording of a whole collection's {@code sum(...)}. */
final class RecordedSum extends RecordedNode<Double> implements DoubleComputed {

  RecordedSum(Recorder recorder, Step.Total step) {
    super(recorder, step, "the sum");
  }

  @Override
  public Double get() {
    throw noContents();
  }

  @Override
  public double getAsDouble() {
    throw noContents();
  }

  @Override
  public DoubleComputed label(String label) {
    relabel(label);
    return this;
  }
}
