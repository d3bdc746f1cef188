package dev.incr.internal;

import dev.incr.Engine;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way the collection package ({@code dev.incr.internal.collection}) reaches into the engine
 * beyond its public API: how a collection change is written ({@link #writesDirectly}, {@link
 * #checkDirectWrite}) and how operator functions are kept from reading nodes ({@link
 * OperatorScope}). Not API.
 */
public final class CollectionHooks {
  private CollectionHooks() {}

  /**
   * Whether a collection change on {@code engine} may be applied without {@link Engine#batch}: on
   * the single-threaded engine, after {@link #checkDirectWrite}, the change's last step (its version
   * var's set) is the one write the engine sees, and notifies observers after it.
   */
  public static boolean writesDirectly(Engine engine) {
    return engine instanceof SingleThreadedEngine;
  }

  /**
   * Throws the {@link IllegalStateException} that {@link Engine#batch} would if a write started
   * here, inside a computation of this engine or another; for engines that {@link
   * #writesDirectly}.
   */
  public static void checkDirectWrite(Engine engine) {
    ((SingleThreadedEngine) engine).checkWriteAllowedHere();
  }

  /**
   * Runs the functions given to a collection operator (a filter's predicate, a sort key, a sum's
   * value...) so that a node read inside them fails with an error naming the operator, instead of
   * going silently unfollowed: operators apply their functions once per changed element, so a node
   * a function read would never make them apply it again.
   *
   * <p>{@link #enter()} puts a recorder that refuses every read in place of the running
   * computation's; {@link #exit} puts the computation's back. Two field writes on the engine per
   * call, and nothing on any read path: the refusing recorder fails the read fast path of every
   * node by having no dependencies.
   */
  public static final class OperatorScope {
    private final EngineCore engine;
    private final DependencyRecorder refusing;

    /**
     * Creates the scope of one operator.
     *
     * @param engine the engine of the operator's collection
     * @param label the operator's collection label, read when an error is reported
     */
    public OperatorScope(Engine engine, Supplier<String> label) {
      // Collections are built on the Engine interface alone; an engine of another kind gets no check.
      this.engine = engine instanceof EngineCore ? (EngineCore) engine : null;
      this.refusing =
          this.engine == null ? null : new DependencyRecorder(this.engine.operatorStandIn(), label);
    }

    /**
     * Starts running a function of the operator; returns what {@link #exit} must be given back (in a
     * {@code finally}).
     */
    public Object enter() {
      EngineCore e = engine;
      if (e == null) {
        return null;
      }
      DependencyRecorder saved = e.recorder;
      e.recorder = refusing;
      return saved;
    }

    /** Ends running a function of the operator, given what {@link #enter()} returned. */
    public void exit(Object saved) {
      EngineCore e = engine;
      if (e != null) {
        e.recorder = (DependencyRecorder) saved;
      }
    }

    /** {@code predicate.test(x)} in this scope. */
    public <A> boolean test(Predicate<? super A> predicate, A x) {
      Object saved = enter();
      try {
        return predicate.test(x);
      } finally {
        exit(saved);
      }
    }

    /** {@code function.apply(x)} in this scope. */
    public <A, R> R apply(Function<? super A, ? extends R> function, A x) {
      Object saved = enter();
      try {
        return function.apply(x);
      } finally {
        exit(saved);
      }
    }
  }
}
