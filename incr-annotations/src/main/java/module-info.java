/**
 * The annotations of incr: {@link dev.incr.annotations.Input} and {@link
 * dev.incr.annotations.Query}. No dependencies; needed at compile time only (the annotations are
 * kept in class files, not at run time).
 */
module dev.incr.annotations {
  exports dev.incr.annotations;
}
