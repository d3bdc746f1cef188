package dev.incr.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The state of the JVM a function-graph workload is measured in, chosen with {@code -p
 * profile=...}:
 *
 * <ul>
 *   <li>{@code pristine}: the fork has run nothing but the workload, so the JIT's type profiles at
 *       the libraries' call sites have seen only the workload's own classes;
 *   <li>{@code mixed}: before the workload is built and warmed up, the fork runs {@link
 *       MixedProfile}, which exercises the other node kinds of incr and of the peers as an
 *       application's JVM would, so those call sites are polymorphic as they are there.
 * </ul>
 *
 * <p>JMH starts a new fork for each parameter value, so one run measures both:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'ChainBenchmark.chain_' -p profile=pristine,mixed
 * }</pre>
 */
@State(Scope.Benchmark)
public class JvmProfile {

  /** {@code pristine} or {@code mixed}. */
  @Param({"pristine", "mixed"})
  String profile;

  /** What {@link MixedProfile#run} returned (zero when pristine), kept so that it is used. */
  long checksum;

  /** Exercises the other node kinds once per fork when the profile is {@code mixed}. */
  @Setup(Level.Trial)
  public void prepare() {
    switch (String.valueOf(profile)) {
      case "pristine":
        break;
      case "mixed":
        checksum = MixedProfile.run(MixedProfile.ROUNDS);
        break;
      default:
        throw new IllegalArgumentException("Unknown JVM profile '" + profile
            + "': use -p profile=pristine, -p profile=mixed, or -p profile=pristine,mixed");
    }
  }

  /** A profile already prepared, for calling the benchmark methods outside JMH. */
  static JvmProfile pristine() {
    JvmProfile p = new JvmProfile();
    p.profile = "pristine";
    p.prepare();
    return p;
  }
}
