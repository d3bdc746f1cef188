package dev.incr.bench;

import dev.incr.annotations.Input;

/**
 * The input of the generated fan-out and diamond; its generated getter {@link #a()} is a tracked
 * read.
 */
public abstract class GenFanSource {
  @Input int a;

  /** Returns {@code a}; implemented by the generated class. */
  abstract int a();
}
