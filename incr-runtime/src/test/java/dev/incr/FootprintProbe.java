package dev.incr;

/**
 * Runs the heap measurements of {@link FootprintMeasurementTest} in this JVM and prints the layout
 * the footprint followed; exits with an error if a figure is off. {@link FootprintLayoutsTest}
 * starts it in JVMs with other object layouts.
 */
public final class FootprintProbe {

  private FootprintProbe() {}

  /**
   * Prints {@code layout: ...} and one line per measurement.
   *
   * @param args none
   */
  public static void main(String[] args) {
    System.out.println("layout: " + Engine.singleThreaded().footprint().layout());
    FootprintMeasurementTest measurements = new FootprintMeasurementTest();
    measurements.primitiveVars();
    measurements.boxedComputedsWithDependencyArrays();
    measurements.observedComputeds();
    measurements.memoEntries();
  }
}
