package com.example.shapes;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.Var;

/** Uses incr as an application would, and exits with an error if anything is not as expected. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Run on the module path, as named modules, not from the class path.
    expect("com.example.shapes", Main.class.getModule().getName(), "this program's module");
    expect("dev.incr", Engine.class.getModule().getName(), "the runtime's module");
    Engine engine = Engine.singleThreaded();
    IncrRect rect = new IncrRect(engine);
    expect(50.0, rect.area(), "area of 10 x 5");
    expect("50.0 cm", rect.describe("cm"), "describe(cm)");
    rect.setWidth(12);
    expect(60.0, rect.area(), "area after setWidth(12)");
    expect(12.0, rect.width(), "width()");

    Var<Integer> a = engine.var(1);
    Var<Integer> b = engine.var(2);
    Computed<Integer> sum = engine.computed(() -> a.get() + b.get());
    expect(3, sum.get(), "sum");
    a.set(5);
    expect(7, sum.get(), "sum after a = 5");

    Engine concurrent = Engine.concurrent();
    IncrRect shared = new IncrRect(concurrent);
    shared.setHeight(2);
    expect(20.0, shared.area(), "area on the concurrent engine");
    System.out.println("incr consumer OK on the module path: " + rect.describe("cm") + ", sum " + sum.get());
  }

  private static void expect(Object expected, Object actual, String what) {
    if (!expected.equals(actual)) {
      throw new AssertionError(what + ": expected " + expected + " but was " + actual);
    }
  }
}
