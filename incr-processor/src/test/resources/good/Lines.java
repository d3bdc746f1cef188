package good;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;
import java.util.ArrayList;
import java.util.List;

/** A mutable input compared by identity, beside one compared with equals. */
public abstract class Lines {
  @Input(equality = Input.Equality.IDENTITY)
  List<String> lines = new ArrayList<>();

  @Input List<String> plain = new ArrayList<>();

  @Query
  int count() {
    return lines.size();
  }

  @Query
  int plainCount() {
    return plain.size();
  }
}
