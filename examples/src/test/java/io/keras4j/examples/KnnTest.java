package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KnnTest {
  @Test
  void majorityOfTheNearestThree() {
    double[][] points = {{0, 0}, {0, 1}, {1, 0}, {5, 5}, {5, 6}, {0.4, 0.4}};
    int[] labels = {0, 0, 1, 1, 1, 1};
    Knn knn = new Knn(3).fit(points, labels);
    // nearest to (0.3, 0.2): (0.4, 0.4), (0, 0), (1, 0) -> labels 1, 0, 1
    assertEquals(1, knn.predict(new double[] {0.3, 0.2}));
    // nearest to (-1, 0.5): (0, 0), (0, 1), (0.4, 0.4) -> 0, 0, 1
    assertEquals(0, knn.predict(new double[] {-1, 0.5}));
    assertEquals(0.5, knn.score(new double[][] {{5, 5.5}, {-1, 0.5}, {-1, 1}, {4, 4}}, new int[] {1, 1, 0, 0}));
  }

  @Test
  void badArgumentsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Knn(0));
    assertThrows(IllegalArgumentException.class, () -> new Knn(3).fit(new double[2][1], new int[2]));
  }
}
