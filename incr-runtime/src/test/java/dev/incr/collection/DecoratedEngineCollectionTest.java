package dev.incr.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.incr.Engine;
import dev.incr.IncrCollection;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Collections are built on the {@link Engine} interface alone: over an engine that is not one of
 * incr's own (here a proxy delegating to one), every operator still works.
 */
class DecoratedEngineCollectionTest {

  private static Engine decorated(Engine real) {
    InvocationHandler delegate = (proxy, method, args) -> {
      if (method.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      try {
        return method.invoke(real, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (Engine) Proxy.newProxyInstance(
        Engine.class.getClassLoader(), new Class<?>[] {Engine.class}, delegate);
  }

  @Test
  void operatorsWorkOverAnEngineOfAnotherKind() {
    Engine engine = decorated(Engine.singleThreaded());
    IncrCollection<Integer> xs = engine.collection();
    IncrCollection<Integer> big = xs.filter(x -> x > 2).map(x -> x * 10);
    xs.insertAll(List.of(1, 3, 5));
    Bags.assertSameBag(List.of(30, 50), big.toList(), "big");
    assertEquals(9.0, xs.sum(x -> x).getAsDouble());
    assertEquals(List.of(1, 3, 5), xs.sortBy(x -> x).entries());
    xs.delete(3);
    Bags.assertSameBag(List.of(50), big.toList(), "big");
  }
}
