package good;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;
import java.util.List;

/** Deprecated members: the generated code compiles without warnings and deprecates its wrappers. */
public abstract class Legacy {
  @Deprecated @Input int old;
  @Input List<String> names = List.of();

  @Deprecated
  protected Legacy() {}

  protected Legacy(String first) {
    names = List.of(first);
  }

  @Deprecated
  @Query
  public int oldTwice() {
    return 2 * old;
  }

  @Query
  public int count() {
    return names.size();
  }
}
