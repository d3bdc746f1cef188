package dev.incr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The {@code pristine} and {@code mixed} JVM profiles, and the checks the mixed one makes. */
class JvmProfileTest {

  private static JvmProfile prepared(String name) {
    JvmProfile profile = new JvmProfile();
    profile.profile = name;
    profile.prepare();
    return profile;
  }

  @Test
  void pristineRunsNothing() {
    assertEquals(0, prepared("pristine").checksum);
  }

  @Test
  void mixedRunsEveryRoundOfEveryKindWithItsValuesChecked() {
    // Every step throws if a value differs from plain Java; the checksum proves the rounds ran.
    assertNotEquals(0, prepared("mixed").checksum);
  }

  @Test
  void mixedRunsTheSameWorkEveryTime() {
    long first = MixedProfile.run(50);
    assertEquals(first, MixedProfile.run(50));
    assertNotEquals(first, MixedProfile.run(51));
  }

  @Test
  void anUnknownProfileIsRejectedWithTheValuesToUse() {
    JvmProfile profile = new JvmProfile();
    profile.profile = "polluted";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, profile::prepare);
    assertEquals("Unknown JVM profile 'polluted': use -p profile=pristine, -p profile=mixed, or"
        + " -p profile=pristine,mixed", e.getMessage());
  }

  @Test
  void aValueDifferentFromPlainJavaStopsTheMixedProfileNamingIt() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> MixedProfile.check("observed int chain, listener", 13, 12));
    assertEquals("Mixed profile: observed int chain, listener computed 13 where plain Java"
        + " computes 12", e.getMessage());
    IllegalStateException d = assertThrows(IllegalStateException.class,
        () -> MixedProfile.check("double half", 0.5, 0.25));
    assertEquals("Mixed profile: double half computed 0.5 where plain Java computes 0.25",
        d.getMessage());
    assertEquals(12, MixedProfile.check("same", 12, 12));
  }
}
