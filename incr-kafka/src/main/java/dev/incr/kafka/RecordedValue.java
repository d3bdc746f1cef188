package dev.incr.kafka;

import dev.incr.Computed;

/** The recording of a whole-collection aggregate whose value is an object (min, max, reduce). */
final class RecordedValue<A> extends RecordedNode<A> {

  RecordedValue(Recorder recorder, Step.Total step) {
    super(recorder, step, "the value");
  }

  @Override
  public A get() {
    throw noContents();
  }

  @Override
  public Computed<A> label(String label) {
    relabel(label);
    return this;
  }
}
