package dev.incr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How {@link ResultsTable} finds a chain's length among a row's parameters. */
class ResultsTableTest {

  @Test
  void theChainLengthIsFoundWhereverItStandsAmongTheParameters() {
    assertEquals(1000, ResultsTable.nodes("n=1000"));
    assertEquals(10, ResultsTable.nodes("n=10,profile=mixed"));
    assertEquals(100, ResultsTable.nodes("profile=pristine,n=100"));
  }

  @Test
  void aRowWithoutALengthCountsAsOneNode() {
    assertEquals(1, ResultsTable.nodes("-"));
    assertEquals(1, ResultsTable.nodes("profile=mixed,width=10"));
  }
}
