/**
 * The annotations that turn an abstract class into an incremental one: {@link
 * dev.incr.annotations.Input} on fields, {@link dev.incr.annotations.Query} on methods. The {@code
 * incr-processor} annotation processor reads them and generates the class {@code Incr<Name>}.
 */
package dev.incr.annotations;
