package good;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;

/** Every primitive type and a boxed one; queries with several and with variable arguments. */
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
  String pick(int index, boolean upper) {
    String text = flag ? "yes" : "no";
    return upper ? text.toUpperCase() + index : text + index;
  }

  @Query
  int count(String... words) {
    return words.length;
  }
}
