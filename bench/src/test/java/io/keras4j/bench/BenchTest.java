package io.keras4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How the suite times W1's prediction: several passes a timed run, their samples over their summed time. */
class BenchTest {
  @Test
  void passesAreTheirSamplesOverTheirSummedTime() {
    // passes alternating 100 and 300 samples/s: 5 take 1/100 s a sample, 5 take 1/300 s, so 10 / (5/100 + 5/300)
    double[] rates = {100, 300};
    int[] call = {0};
    double rate = Bench.passes(() -> rates[call[0]++ % 2]);
    assertEquals(10, call[0]);
    assertEquals(150.0, rate, 1e-9);
  }
}
