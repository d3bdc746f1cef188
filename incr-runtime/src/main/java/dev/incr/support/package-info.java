/**
 * Support for the code that {@code incr-processor} generates: for generated code; not for direct
 * use.
 *
 * <p>The classes here are public, and exported by the {@code dev.incr} module, only because the
 * generated {@code Incr*} classes live in their users' packages and modules. Their shape follows
 * what the processor of the same version generates, and may change in any release; application
 * code should use the generated classes and the {@link dev.incr.Engine} API instead.
 */
package dev.incr.support;
