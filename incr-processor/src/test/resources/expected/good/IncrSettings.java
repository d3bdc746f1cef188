package good;

import dev.incr.DoubleComputed;
import dev.incr.DoubleVar;
import dev.incr.Durability;
import dev.incr.Engine;
import dev.incr.Equality;
import dev.incr.IntVar;
import dev.incr.LongVar;
import dev.incr.Var;
import dev.incr.support.GeneratedByIncr;
import dev.incr.support.RuntimeVersion;
import dev.incr.support.StaticDependencies;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The incremental {@link Settings}: its inputs and queries are nodes of an {@link Engine}.
 */
@Generated("dev.incr.processor.IncrementalProcessor")
@GeneratedByIncr
public final class IncrSettings extends Settings {
  private static final RuntimeVersion INCR_RUNTIME_VERSION = new RuntimeVersion("<version>", "good.IncrSettings");

  private final Engine engine;

  private final DoubleVar taxRateInput;

  private final IntVar discountPercentInput;

  private final Var<List<String>> regionsInput;

  private final LongVar quantityInput;

  private final DoubleVar unitPriceInput;

  private final DoubleComputed factorQuery;

  private final DoubleComputed totalQuery;

  /**
   * Creates the object; its nodes belong to {@code engine}.
   */
  public IncrSettings(Engine engine) {
    super();
    this.engine = engine;
    this.taxRateInput = engine.doubleVar(this.taxRate, Durability.HIGH).label("Settings.taxRate");
    this.discountPercentInput = engine.intVar(this.discountPercent, Durability.MEDIUM)
        .label("Settings.discountPercent");
    this.regionsInput = engine.var(this.regions, Equality.IDENTITY, Durability.HIGH)
        .label("Settings.regions");
    this.quantityInput = engine.longVar(this.quantity).label("Settings.quantity");
    this.unitPriceInput = engine.doubleVar(this.unitPrice).label("Settings.unitPrice");
    this.factorQuery = engine.computedDouble(() -> {
      this.taxRateInput.getAsDouble();
      this.discountPercentInput.getAsInt();
      this.regionsInput.get();
      return super.factor();
    }).label("Settings.factor()");
    this.totalQuery = engine.computedDouble(new StaticDependencies.OfDouble(2, this.quantityInput, this.unitPriceInput, this.factorQuery) {
      @Override
      public double getAsDouble() {
        return IncrSettings.super.total();
      }
    }).label("Settings.total()");
  }

  /**
   * Returns {@code taxRate}; inside a computation, a tracked read.
   */
  public double taxRate() {
    if (this.taxRateInput == null) {
      return this.taxRate;
    }
    return this.taxRateInput.getAsDouble();
  }

  /**
   * Sets {@code taxRate}; queries that read it re-run when next read.
   */
  public void setTaxRate(double taxRate) {
    if (this.taxRateInput == null) {
      this.taxRate = taxRate;
      return;
    }
    this.engine.batch(() -> {
      this.taxRate = taxRate;
      this.taxRateInput.set(taxRate);
    });
  }

  /**
   * Returns {@code discountPercent}; inside a computation, a tracked read.
   */
  public int discountPercent() {
    if (this.discountPercentInput == null) {
      return this.discountPercent;
    }
    return this.discountPercentInput.getAsInt();
  }

  /**
   * Sets {@code discountPercent}; queries that read it re-run when next read.
   */
  public void setDiscountPercent(int discountPercent) {
    if (this.discountPercentInput == null) {
      this.discountPercent = discountPercent;
      return;
    }
    this.engine.batch(() -> {
      this.discountPercent = discountPercent;
      this.discountPercentInput.set(discountPercent);
    });
  }

  /**
   * Returns {@code regions}; inside a computation, a tracked read.
   */
  public List<String> regions() {
    if (this.regionsInput == null) {
      return this.regions;
    }
    return this.regionsInput.get();
  }

  /**
   * Sets {@code regions}; queries that read it re-run when next read.
   */
  public void setRegions(List<String> regions) {
    if (this.regionsInput == null) {
      this.regions = regions;
      return;
    }
    this.engine.batch(() -> {
      this.regions = regions;
      this.regionsInput.set(regions);
    });
  }

  /**
   * Returns {@code quantity}; inside a computation, a tracked read.
   */
  public long quantity() {
    if (this.quantityInput == null) {
      return this.quantity;
    }
    return this.quantityInput.getAsLong();
  }

  /**
   * Sets {@code quantity}; queries that read it re-run when next read.
   */
  public void setQuantity(long quantity) {
    if (this.quantityInput == null) {
      this.quantity = quantity;
      return;
    }
    this.engine.batch(() -> {
      this.quantity = quantity;
      this.quantityInput.set(quantity);
    });
  }

  /**
   * Returns {@code unitPrice}; inside a computation, a tracked read.
   */
  public double unitPrice() {
    if (this.unitPriceInput == null) {
      return this.unitPrice;
    }
    return this.unitPriceInput.getAsDouble();
  }

  /**
   * Sets {@code unitPrice}; queries that read it re-run when next read.
   */
  public void setUnitPrice(double unitPrice) {
    if (this.unitPriceInput == null) {
      this.unitPrice = unitPrice;
      return;
    }
    this.engine.batch(() -> {
      this.unitPrice = unitPrice;
      this.unitPriceInput.set(unitPrice);
    });
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  double factor() {
    if (this.factorQuery == null) {
      return super.factor();
    }
    return this.factorQuery.getAsDouble();
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  double total() {
    if (this.totalQuery == null) {
      return super.total();
    }
    return this.totalQuery.getAsDouble();
  }
}
