package good;

import dev.incr.Computed;
import dev.incr.DoubleComputed;
import dev.incr.DoubleVar;
import dev.incr.Engine;
import dev.incr.IntComputed;
import dev.incr.IntVar;
import dev.incr.LongComputed;
import dev.incr.LongVar;
import dev.incr.Var;
import dev.incr.support.GeneratedByIncr;
import dev.incr.support.QueryArgs;
import dev.incr.support.QueryMemo;
import dev.incr.support.RuntimeVersion;
import dev.incr.support.StaticDependencies;
import javax.annotation.processing.Generated;

/**
 * The incremental {@link Primitives}: its inputs and queries are nodes of an {@link Engine}.
 */
@Generated("dev.incr.processor.IncrementalProcessor")
@GeneratedByIncr
final class IncrPrimitives extends Primitives {
  private static final RuntimeVersion INCR_RUNTIME_VERSION = new RuntimeVersion("<version>", "good.IncrPrimitives");

  private final Engine engine;

  private final Var<Boolean> flagInput;

  private final Var<Byte> bInput;

  private final Var<Short> sInput;

  private final Var<Character> cInput;

  private final IntVar iInput;

  private final LongVar lInput;

  private final Var<Float> fInput;

  private final DoubleVar dInput;

  private final Var<Integer> boxedInput;

  private final DoubleComputed sumQuery;

  private final IntComputed twiceIQuery;

  private final LongComputed totalQuery;

  private final Computed<Float> halfFQuery;

  private final Computed<Integer> boxedOrZeroQuery;

  private final QueryMemo<String> pickQuery;

  private final QueryMemo<Integer> countQuery;

  /**
   * Creates the object; its nodes belong to {@code engine}.
   */
  IncrPrimitives(Engine engine) {
    super();
    this.engine = engine;
    this.flagInput = engine.var(this.flag).label("Primitives.flag");
    this.bInput = engine.var(this.b).label("Primitives.b");
    this.sInput = engine.var(this.s).label("Primitives.s");
    this.cInput = engine.var(this.c).label("Primitives.c");
    this.iInput = engine.intVar(this.i).label("Primitives.i");
    this.lInput = engine.longVar(this.l).label("Primitives.l");
    this.fInput = engine.var(this.f).label("Primitives.f");
    this.dInput = engine.doubleVar(this.d).label("Primitives.d");
    this.boxedInput = engine.var(this.boxed).label("Primitives.boxed");
    this.sumQuery = engine.computedDouble(new StaticDependencies.OfDouble(8, this.bInput, this.sInput, this.cInput, this.iInput, this.lInput, this.fInput, this.dInput, this.boxedInput) {
      @Override
      public double getAsDouble() {
        return IncrPrimitives.super.sum();
      }
    }).label("Primitives.sum()");
    this.twiceIQuery = engine.computedInt(new StaticDependencies.OfInt(1, this.iInput) {
      @Override
      public int getAsInt() {
        return IncrPrimitives.super.twiceI();
      }
    }).label("Primitives.twiceI()");
    this.totalQuery = engine.computedLong(new StaticDependencies.OfLong(2, this.iInput, this.lInput) {
      @Override
      public long getAsLong() {
        return IncrPrimitives.super.total();
      }
    }).label("Primitives.total()");
    this.halfFQuery = engine.computed(new StaticDependencies.Of<Float>(1, this.fInput) {
      @Override
      public Float get() {
        return IncrPrimitives.super.halfF();
      }
    }).label("Primitives.halfF()");
    this.boxedOrZeroQuery = engine.computed(new StaticDependencies.Of<Integer>(1, this.boxedInput) {
      @Override
      public Integer get() {
        return IncrPrimitives.super.boxedOrZero();
      }
    }).label("Primitives.boxedOrZero()");
    this.pickQuery = new QueryMemo<>(engine, "Primitives.pick");
    this.countQuery = new QueryMemo<>(engine, "Primitives.count");
  }

  /**
   * Returns {@code flag}; inside a computation, a tracked read.
   */
  public boolean flag() {
    if (this.flagInput == null) {
      return this.flag;
    }
    return this.flagInput.get();
  }

  /**
   * Sets {@code flag}; queries that read it re-run when next read.
   */
  public void setFlag(boolean flag) {
    if (this.flagInput == null) {
      this.flag = flag;
      return;
    }
    this.engine.batch(() -> {
      this.flag = flag;
      this.flagInput.set(flag);
    });
  }

  /**
   * Returns {@code b}; inside a computation, a tracked read.
   */
  public byte b() {
    if (this.bInput == null) {
      return this.b;
    }
    return this.bInput.get();
  }

  /**
   * Sets {@code b}; queries that read it re-run when next read.
   */
  public void setB(byte b) {
    if (this.bInput == null) {
      this.b = b;
      return;
    }
    this.engine.batch(() -> {
      this.b = b;
      this.bInput.set(b);
    });
  }

  /**
   * Returns {@code s}; inside a computation, a tracked read.
   */
  public short s() {
    if (this.sInput == null) {
      return this.s;
    }
    return this.sInput.get();
  }

  /**
   * Sets {@code s}; queries that read it re-run when next read.
   */
  public void setS(short s) {
    if (this.sInput == null) {
      this.s = s;
      return;
    }
    this.engine.batch(() -> {
      this.s = s;
      this.sInput.set(s);
    });
  }

  /**
   * Returns {@code c}; inside a computation, a tracked read.
   */
  public char c() {
    if (this.cInput == null) {
      return this.c;
    }
    return this.cInput.get();
  }

  /**
   * Sets {@code c}; queries that read it re-run when next read.
   */
  public void setC(char c) {
    if (this.cInput == null) {
      this.c = c;
      return;
    }
    this.engine.batch(() -> {
      this.c = c;
      this.cInput.set(c);
    });
  }

  /**
   * Returns {@code i}; inside a computation, a tracked read.
   */
  public int i() {
    if (this.iInput == null) {
      return this.i;
    }
    return this.iInput.getAsInt();
  }

  /**
   * Sets {@code i}; queries that read it re-run when next read.
   */
  public void setI(int i) {
    if (this.iInput == null) {
      this.i = i;
      return;
    }
    this.engine.batch(() -> {
      this.i = i;
      this.iInput.set(i);
    });
  }

  /**
   * Returns {@code l}; inside a computation, a tracked read.
   */
  public long l() {
    if (this.lInput == null) {
      return this.l;
    }
    return this.lInput.getAsLong();
  }

  /**
   * Sets {@code l}; queries that read it re-run when next read.
   */
  public void setL(long l) {
    if (this.lInput == null) {
      this.l = l;
      return;
    }
    this.engine.batch(() -> {
      this.l = l;
      this.lInput.set(l);
    });
  }

  /**
   * Returns {@code f}; inside a computation, a tracked read.
   */
  public float f() {
    if (this.fInput == null) {
      return this.f;
    }
    return this.fInput.get();
  }

  /**
   * Sets {@code f}; queries that read it re-run when next read.
   */
  public void setF(float f) {
    if (this.fInput == null) {
      this.f = f;
      return;
    }
    this.engine.batch(() -> {
      this.f = f;
      this.fInput.set(f);
    });
  }

  /**
   * Returns {@code d}; inside a computation, a tracked read.
   */
  public double d() {
    if (this.dInput == null) {
      return this.d;
    }
    return this.dInput.getAsDouble();
  }

  /**
   * Sets {@code d}; queries that read it re-run when next read.
   */
  public void setD(double d) {
    if (this.dInput == null) {
      this.d = d;
      return;
    }
    this.engine.batch(() -> {
      this.d = d;
      this.dInput.set(d);
    });
  }

  /**
   * Returns {@code boxed}; inside a computation, a tracked read.
   */
  public Integer boxed() {
    if (this.boxedInput == null) {
      return this.boxed;
    }
    return this.boxedInput.get();
  }

  /**
   * Sets {@code boxed}; queries that read it re-run when next read.
   */
  public void setBoxed(Integer boxed) {
    if (this.boxedInput == null) {
      this.boxed = boxed;
      return;
    }
    this.engine.batch(() -> {
      this.boxed = boxed;
      this.boxedInput.set(boxed);
    });
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  double sum() {
    if (this.sumQuery == null) {
      return super.sum();
    }
    return this.sumQuery.getAsDouble();
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  int twiceI() {
    if (this.twiceIQuery == null) {
      return super.twiceI();
    }
    return this.twiceIQuery.getAsInt();
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  long total() {
    if (this.totalQuery == null) {
      return super.total();
    }
    return this.totalQuery.getAsLong();
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  float halfF() {
    if (this.halfFQuery == null) {
      return super.halfF();
    }
    return this.halfFQuery.get();
  }

  /**
   * Memoized: runs again only after something it read has changed.
   */
  @Override
  Integer boxedOrZero() {
    if (this.boxedOrZeroQuery == null) {
      return super.boxedOrZero();
    }
    return this.boxedOrZeroQuery.get();
  }

  /**
   * Memoized per argument list: runs again only after something it read has changed.
   */
  @Override
  String pick(int index, boolean upper) {
    if (this.pickQuery == null) {
      return super.pick(index, upper);
    }
    return this.pickQuery.get(new QueryArgs(index, upper), () -> {
      this.flagInput.get();
      return super.pick(index, upper);
    });
  }

  /**
   * Memoized per argument list: runs again only after something it read has changed.
   */
  @Override
  int count(String... words) {
    if (this.countQuery == null) {
      return super.count(words);
    }
    return this.countQuery.get(new QueryArgs((Object) words), () -> super.count(words));
  }
}
