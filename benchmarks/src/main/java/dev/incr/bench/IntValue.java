package dev.incr.bench;

/** Something with an int value; lets annotated benchmark classes read each other's queries. */
public interface IntValue {

  /** Returns the value. */
  int value();
}
