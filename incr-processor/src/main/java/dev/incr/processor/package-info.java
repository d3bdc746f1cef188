/**
 * The incr annotation processors. Not API: only {@link dev.incr.processor.IncrementalProcessor}
 * and {@link dev.incr.processor.CompilationCheckProcessor} are public, for the compiler's service
 * loader.
 *
 * <p>The flow goes one way, one file per stage:
 *
 * <ul>
 *   <li>{@link dev.incr.processor.IncrementalProcessor} (generates; claims {@code @Input} and
 *       {@code @Query}) and {@link dev.incr.processor.CompilationCheckProcessor} (checks every
 *       class; claims nothing; runs first): registration, sharing {@link
 *       dev.incr.processor.ProcessorOptions};
 *   <li>the readers of the round: {@link dev.incr.processor.IncrClassStep} groups members by
 *       class, defers classes with missing types, isolates failures per class, drives the rest;
 *       {@link dev.incr.processor.CompilationCheckStep} runs the whole-compilation check;
 *   <li>facts, read and never reported: {@link dev.incr.processor.ClassMembers} (inputs, queries,
 *       abstract accessors), and the scanners over the source trees, {@link
 *       dev.incr.processor.QueryScanner} (per query), {@link dev.incr.processor.DeferredCodeScanner}
 *       (code made outside the queries) and {@link dev.incr.processor.CompilationScanner} (every
 *       class compiled), sharing {@link dev.incr.processor.SourceTrees} and {@link
 *       dev.incr.processor.Annotations};
 *   <li>validators, which only report: {@link dev.incr.processor.ClassValidator}, {@link
 *       dev.incr.processor.MemberValidator}, {@link dev.incr.processor.DependencyValidator}, {@link
 *       dev.incr.processor.CompilationValidator} (every text in {@link
 *       dev.incr.processor.Messages});
 *   <li>{@link dev.incr.processor.IncrClassParser}: the immutable {@link
 *       dev.incr.processor.IncrClassModel};
 *   <li>{@link dev.incr.processor.IncrClassWriter}: the generated source (JavaPoet).
 * </ul>
 *
 * Runtime types are named by strings ({@link dev.incr.processor.ClassNames}), so the processor does
 * not need {@code incr-runtime}.
 */
package dev.incr.processor;
