package dev.incr;

/**
 * How a {@link Var} decides whether a value passed to {@link Var#set} is a change (see {@link
 * Engine#var(Object, Equality)}). A set that is not a change leaves the var, and everything that
 * read it, as it was.
 */
public enum Equality {
  /** {@link java.util.Objects#equals}: a new value equal to the old one is no change. The default. */
  EQUALS,
  /**
   * Reference comparison, for mutable values: any other object is a change, also an equal copy of
   * a list that was changed in place (which {@link #EQUALS} would take for the same value); the
   * same object again is not.
   */
  IDENTITY
}
