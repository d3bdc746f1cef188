package dev.incr.internal;

/**
 * Unwinds computations nested too deeply on the Java stack so the engine can compute {@link #node}
 * from the top level first. Never escapes the engine. An {@link Error} so that ordinary {@code
 * catch (Exception e)} blocks in user functions let it pass.
 */
final class DeepRecursion extends Error {
  private static final long serialVersionUID = 1L;

  final transient ComputedNode<?> node;

  DeepRecursion(ComputedNode<?> node) {
    super(null, null, false, false);
    this.node = node;
  }
}
