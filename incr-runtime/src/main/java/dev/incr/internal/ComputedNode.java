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
  /**
   * What the last successful run read, in first-read order, without duplicates: the node itself
   * when it read exactly one (most computeds do, and an array would cost 24 bytes more), else an
   * array ({@link #NO_DEPENDENCIES} when none).
   */
  Object dependencies = NO_DEPENDENCIES;
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

  int dependencyCount() {
    Object d = dependencies;
    return d instanceof AbstractNode ? 1 : ((AbstractNode<?>[]) d).length;
  }

  AbstractNode<?> dependency(int i) {
    Object d = dependencies;
    return d instanceof AbstractNode ? (AbstractNode<?>) d : ((AbstractNode<?>[]) d)[i];
  }

  /** The dependencies as an array (a new one when there is exactly one), for the cold paths. */
  AbstractNode<?>[] dependencyArray() {
    return asArray(dependencies);
  }

  static AbstractNode<?>[] asArray(Object dependencies) {
    return dependencies instanceof AbstractNode
        ? new AbstractNode<?>[] {(AbstractNode<?>) dependencies}
        : (AbstractNode<?>[]) dependencies;
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
