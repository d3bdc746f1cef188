package good;

import dev.incr.annotations.Input;
import dev.incr.annotations.Query;
import java.util.List;

/**
 * Names that the generated code must not be confused by: a type parameter named like the runtime's
 * {@code Engine}; member types named like the node types, the memo table, the annotations the
 * generated code carries and {@code Object}; fields and parameters named like those types.
 */
public abstract class Clashing<Engine> {
  static class Var {}

  static class DoubleVar {}

  static class IntComputed {}

  static class QueryMemo {}

  static class Generated {}

  static class Override {}

  static class Object {}

  static class List {}

  @Input Engine engine;
  @Input double speed = 1;
  @Input int gear = 1;
  @Input Var var;
  @Input java.util.List<String> names = java.util.List.of();
  Var dev;

  @Query
  int doubledGear() {
    return gear * 2;
  }

  @Query
  double at(int QueryMemo, double Engine) {
    return speed * QueryMemo + Engine;
  }

  @Query
  String name(int... Var) {
    return names.isEmpty() ? "" : names.get(Var.length % names.size());
  }

  <Computed> Clashing(Computed DoubleVar) {}

  Clashing() {}
}
