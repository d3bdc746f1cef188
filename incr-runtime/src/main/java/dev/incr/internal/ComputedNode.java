package dev.incr.internal;

import dev.incr.Computed;
import java.util.Objects;
import java.util.function.Supplier;

/** A derived node; this class's own fast path is the single-threaded engine's. */
class ComputedNode<T> extends AbstractNode<T> implements Computed<T> {

  /** {@link #state}: not being verified or computed. */
  static final byte IDLE = 0;
  /** {@link #state}: on the engine's active stack, its dependencies being verified. */
  static final byte VERIFYING = 1;
  /** {@link #state}: its function is running. */
  static final byte COMPUTING = 2;

  /** {@link #mustRun} bit: the function has never completed. */
  static final byte NEVER_RAN = 1;
  /** {@link #mustRun} bit: the last run threw, so the value is stale whatever the dependencies say. */
  static final byte LAST_RUN_FAILED = 2;

  static final AbstractNode<?>[] NO_DEPENDENCIES = new AbstractNode<?>[0];

  final Supplier<T> function;
  /** What the last successful run read, in first-read order, without duplicates. */
  AbstractNode<?>[] dependencies = NO_DEPENDENCIES;
  byte state = IDLE;
  byte mustRun = NEVER_RAN;

  ComputedNode(EngineCore engine, Supplier<T> function) {
    super(engine, 0L);
    this.function = function;
  }

  @Override
  public T get() {
    EngineCore e = engine;
    long v = verifiedAt;
    if (v == e.revision || v == e.cleanMark) {
      DependencyRecorder r = e.recorder;
      if (r != null) {
        r.record(this);
        return value;
      }
      if (CrossEngineGuard.lastToken == e.token) {
        return value;
      }
    }
    return e.readSlowPath(this);
  }

  @Override
  public final Computed<T> label(String label) {
    setLabel(Objects.requireNonNull(label, "label(null): a label must be a non-null name"));
    return this;
  }

  @Override
  String defaultLabel() {
    return "computed@" + Integer.toHexString(System.identityHashCode(this));
  }
}
