package dev.incr;

/**
 * The result of {@link Engine#trace(java.util.function.Supplier)}: the value and how it was
 * obtained.
 *
 * @param value what the traced supplier returned
 * @param trace what the engine did while it ran
 * @param <T> the value's type
 */
public record Traced<T>(T value, Trace trace) {}
