package good;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;

/** An argument-less query whose values are held by at most two objects per engine. */
public abstract class Report {
  @Input String title = "";
  @Input int pages = 1;

  /** Large in real life: only the reports read recently keep their text. */
  @Query(lru = 2)
  public String render() {
    return title + ": " + pages + " pages";
  }

  @Query
  public int length() {
    return render().length();
  }
}
