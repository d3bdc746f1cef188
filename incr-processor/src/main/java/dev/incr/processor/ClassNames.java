package dev.incr.processor;

import com.palantir.javapoet.ClassName;

/**
 * Names of the runtime and annotation types the processor refers to, held as strings so that the
 * processor needs neither {@code incr-runtime} nor the annotations on its own class path.
 */
final class ClassNames {
  static final String INPUT = "dev.incr.annotations.Input";
  static final String QUERY = "dev.incr.annotations.Query";

  static final ClassName ENGINE = ClassName.get("dev.incr", "Engine");
  static final ClassName VAR = ClassName.get("dev.incr", "Var");
  static final ClassName EQUALITY = ClassName.get("dev.incr", "Equality");
  static final ClassName DURABILITY = ClassName.get("dev.incr", "Durability");
  static final ClassName COMPUTED = ClassName.get("dev.incr", "Computed");
  static final ClassName INT_VAR = ClassName.get("dev.incr", "IntVar");
  static final ClassName LONG_VAR = ClassName.get("dev.incr", "LongVar");
  static final ClassName DOUBLE_VAR = ClassName.get("dev.incr", "DoubleVar");
  static final ClassName INT_COMPUTED = ClassName.get("dev.incr", "IntComputed");
  static final ClassName LONG_COMPUTED = ClassName.get("dev.incr", "LongComputed");
  static final ClassName DOUBLE_COMPUTED = ClassName.get("dev.incr", "DoubleComputed");
  static final ClassName QUERY_MEMO = ClassName.get("dev.incr.support", "QueryMemo");
  static final ClassName QUERY_VALUE_LRU = ClassName.get("dev.incr.support", "QueryValueLru");
  static final ClassName QUERY_ARGS = ClassName.get("dev.incr.support", "QueryArgs");
  static final ClassName GENERATED_BY_INCR = ClassName.get("dev.incr.support", "GeneratedByIncr");
  static final ClassName STATIC_DEPENDENCIES =
      ClassName.get("dev.incr.support", "StaticDependencies");
  static final ClassName RUNTIME_VERSION = ClassName.get("dev.incr.support", "RuntimeVersion");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  /** The name of {@link #ENGINE} as {@code Elements.getTypeElement} wants it. */
  static final String ENGINE_NAME = "dev.incr.Engine";

  /** The {@code @SuppressWarnings} key that silences untracked-read warnings. */
  static final String SUPPRESS_UNTRACKED = "incr-untracked";

  private ClassNames() {}
}
