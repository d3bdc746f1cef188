/**
 * The engine's implementation. Not API: these classes are public only so that the {@code dev.incr}
 * package and generated code can reach them, and they may change in any release.
 */
package dev.incr.internal;
