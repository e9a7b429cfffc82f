package io.keras4j.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PythonRandomTest {
  /** {@code random.Random(seed).random()}, twice, printed by CPython 3 (the seeds include one over 32 bits). */
  @Test
  void matchesCPython() {
    long[] seeds = {0, 1, 42, 1234, (1L << 40) + 7};
    double[][] expected = {
        {0.8444218515250481, 0.7579544029403025},
        {0.13436424411240122, 0.8474337369372327},
        {0.6394267984578837, 0.025010755222666936},
        {0.9664535356921388, 0.4407325991753527},
        {0.6137037779936511, 0.8149162973309487}};
    for (int i = 0; i < seeds.length; i++) {
      PythonRandom r = new PythonRandom(seeds[i]);
      assertEquals(expected[i][0], r.random(), 0.0, "seed " + seeds[i]);
      assertEquals(expected[i][1], r.random(), 0.0, "seed " + seeds[i]);
    }
  }

  @Test
  void negativeSeedsAreTheirAbsoluteValue() {
    assertEquals(new PythonRandom(42).random(), new PythonRandom(-42).random(), 0.0);
  }
}
