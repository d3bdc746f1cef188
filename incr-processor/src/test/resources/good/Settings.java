package good;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;
import java.util.ArrayList;
import java.util.List;

/** Inputs of every durability, unboxed and boxed, one compared by identity. */
public abstract class Settings {
  @Input(durability = Input.Durability.HIGH)
  double taxRate = 0.2;

  @Input(durability = Input.Durability.MEDIUM)
  int discountPercent = 10;

  @Input(equality = Input.Equality.IDENTITY, durability = Input.Durability.HIGH)
  List<String> regions = new ArrayList<>();

  @Input(durability = Input.Durability.LOW)
  long quantity = 1;

  @Input double unitPrice = 5;

  @Query
  double factor() {
    return (1 + taxRate) * (100 - discountPercent) / 100.0 * (regions.isEmpty() ? 1 : 2);
  }

  @Query
  double total() {
    return factor() * quantity * unitPrice;
  }
}
