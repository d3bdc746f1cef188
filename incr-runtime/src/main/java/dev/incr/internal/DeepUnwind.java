package dev.incr.internal;

/**
 * Thrown through running computations when runs nest deeper than {@link EngineCore#MAX_RUN_DEPTH}
 * on the caller's stack: every computation between the top-level read and the deep node is
 * abandoned (user computations are pure, so an abandoned partial run is harmless and leaves its
 * node as it was), the top-level read computes the deep node first, from a shallow stack, and
 * then starts over. So user code runs on the caller's thread at any depth, with its monitors and
 * {@link ThreadLocal}s, and never on a helper thread.
 *
 * <p>An {@link Error}, so that computations catching exceptions do not swallow it; one that catches
 * it anyway is still abandoned (the engine throws it again when the run returns). One instance,
 * without a stack trace: the node to compute is kept by the engine.
 */
final class DeepUnwind extends Error {
  private static final long serialVersionUID = 1L;

  static final DeepUnwind INSTANCE = new DeepUnwind();

  private DeepUnwind() {
    super("a computation nested too deeply is computed first from the top-level read", null,
        false, false);
  }
}
