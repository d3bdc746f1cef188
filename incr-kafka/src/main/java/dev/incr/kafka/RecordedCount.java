package dev.incr.kafka;

import dev.incr.LongComputed;

/** The recording of a whole collection's {@code count()}. */
final class RecordedCount extends RecordedNode<Long> implements LongComputed {

  RecordedCount(Recorder recorder, Step.Total step) {
    super(recorder, step, "the count");
  }

  @Override
  public Long get() {
    throw noContents();
  }

  @Override
  public long getAsLong() {
    throw noContents();
  }

  @Override
  public LongComputed label(String label) {
    relabel(label);
    return this;
  }
}
