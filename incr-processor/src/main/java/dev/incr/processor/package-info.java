/**
 * The incr annotation processor. Not API: only {@link dev.incr.processor.IncrementalProcessor} is
 * public, for the compiler's service loader.
 *
 * <p>Pipeline, one file per stage: {@link dev.incr.processor.IncrementalProcessor} (registration)
 * &rarr; {@link dev.incr.processor.IncrClassStep} (groups members by class, defers classes with
 * missing types, isolates failures per class) &rarr; {@link dev.incr.processor.ClassValidator},
 * {@link dev.incr.processor.MemberValidator} and {@link dev.incr.processor.DependencyValidator}
 * (every diagnostic text lives in {@link dev.incr.processor.Messages}) &rarr; {@link
 * dev.incr.processor.ReadAnalysis} (which inputs each query reads, from source trees) &rarr; {@link
 * dev.incr.processor.IncrClassParser} (the immutable {@link dev.incr.processor.IncrClassModel})
 * &rarr; {@link dev.incr.processor.IncrClassWriter} (JavaPoet). Runtime types are named by strings
 * ({@link dev.incr.processor.ClassNames}), so the processor does not need {@code incr-runtime}.
 */
package dev.incr.processor;
