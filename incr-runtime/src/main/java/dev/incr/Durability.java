package dev.incr;

/**
 * How rarely an input changes (see {@link Engine#var(Object, Durability)}). Most graphs have
 * inputs that almost never change (configuration, reference data) under inputs that change all
 * the time. Giving the rare ones a higher durability lets a computed that read only them be
 * verified in constant time while only lower-durability inputs change, instead of walking
 * everything between it and its inputs.
 *
 * <p>A computed's durability is the lowest durability of what it read on its last run (a computed
 * that read nothing is {@link #HIGH}). The engine keeps, per level, the last revision at which an
 * input of at least that level changed; a computed of durability {@code d} is up to date without
 * looking at its dependencies when no input of durability {@code d} or higher has changed since it
 * was last verified. Durability never changes results or run counts, only how many nodes a
 * verification visits.
 */
public enum Durability {
  /** Inputs that may change at any time. The default, and the behaviour of an engine without it. */
  LOW,
  /** Inputs that change now and then: a session's settings, a project's build configuration. */
  MEDIUM,
  /** Inputs that almost never change: configuration, reference data, a library's contents. */
  HIGH
}
