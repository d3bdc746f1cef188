package dev.incr.internal;

/**
 * The engine's cutoff test, {@link java.util.Objects#equals}, with the boxed {@code Integer} and
 * {@code Long} values most graphs carry compared inline. From the engine's write and re-run paths,
 * deep inside large compiled methods, the JIT often leaves {@code equals} as a virtual call, one
 * per changed value; an exact-class test and a compare avoid it.
 */
final class SameValue {
  private SameValue() {}

  static boolean test(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    Class<?> type = a.getClass();
    if (type == b.getClass()) {
      if (type == Integer.class) {
        return ((Integer) a).intValue() == ((Integer) b).intValue();
      }
      if (type == Long.class) {
        return ((Long) a).longValue() == ((Long) b).longValue();
      }
    }
    return a.equals(b);
  }
}
