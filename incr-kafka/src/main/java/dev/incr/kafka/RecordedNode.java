package dev.incr.kafka;

import dev.incr.Computed;

/** A recorded aggregate of a whole collection: a node with no value during translation. */
interface RecordedNode<A> extends Computed<A> {

  Recorder recorder();

  Step.Total step();
}
