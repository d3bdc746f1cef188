/**
 * JMH workloads comparing incr with the libraries a Java developer would use instead (JavaFX
 * bindings, ReactFX, Glazed Lists, streams) and with hand-written code (the floor).
 *
 * <p>Methods are named {@code <workload>_<system>} so that results line up across systems. The
 * function-graph workloads (chain, diamond, fanout, dynamic, cutoff, read, observers) are each
 * measured in a pristine JVM and in one whose type profiles are polluted as an application's are:
 * see {@link dev.incr.bench.JvmProfile} ({@code -p profile=pristine,mixed}).
 *
 * <p>Build with {@code mvn -B -pl benchmarks -am package -DskipTests} and run with {@code java -jar
 * benchmarks/target/benchmarks.jar}; see {@code benchmarks/RESULTS.md} for the measured numbers.
 */
package dev.incr.bench;
