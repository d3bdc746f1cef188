package dev.incr.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that {@code incr-processor} generated, so that the processor recognises its own
 * output (which it neither checks nor generates from) whether or not the compilation can see
 * {@code javax.annotation.processing.Generated}. For generated code; not for direct use.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface GeneratedByIncr {}
