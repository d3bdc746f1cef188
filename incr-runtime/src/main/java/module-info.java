/**
 * The incr runtime: the {@link dev.incr.Engine} and its nodes and collections ({@code dev.incr}),
 * and the support classes that generated code uses ({@code dev.incr.support}, for generated code;
 * not for direct use). The engine's implementation is not exported.
 */
module dev.incr {
  requires jdk.jfr;
  requires jdk.management;

  exports dev.incr;
  exports dev.incr.support;
}
