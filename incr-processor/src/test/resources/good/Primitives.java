package good;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;

/**
 * Every primitive type and a boxed one: int, long and double inputs and argument-less queries get
 * unboxed nodes, the others stay boxed; queries with several and with variable arguments.
 */
abstract class Primitives {
  @Input boolean flag;
  @Input byte b;
  @Input short s;
  @Input char c = 'x';
  @Input int i;
  @Input long l;
  @Input float f;
  @Input double d;
  @Input Integer boxed;

  @Query
  double sum() {
    return b + s + c + i + l + f + d + (boxed == null ? 0 : boxed);
  }

  @Query
  int twiceI() {
    return 2 * i;
  }

  @Query
  long total() {
    return i + l;
  }

  @Query
  float halfF() {
    return f / 2;
  }

  @Query
  Integer boxedOrZero() {
    return boxed == null ? 0 : boxed;
  }

  @Query
  String pick(int index, boolean upper) {
    String text = flag ? "yes" : "no";
    return upper ? text.toUpperCase() + index : text + index;
  }

  @Query
  int count(String... words) {
    return words.length;
  }
}
