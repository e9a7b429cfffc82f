package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.optimizers.Adam;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A small CNN tells a point source from an extended source from empty sky, on generated 16x16 images with noise.
 */
class ShapesCnnTest {
  static final int SIZE = 16;

  /** Class 0: sky only; 1: a point source (Gaussian, sigma 0.8 px); 2: an extended source (sigma 2.5 px). */
  static float[][][][] images(int n, long seed, int[] labels) {
    Random r = new Random(seed);
    float[][][][] x = new float[n][SIZE][SIZE][1];
    for (int i = 0; i < n; i++) {
      int cls = i % 3;
      labels[i] = cls;
      double cx = 4 + 8 * r.nextDouble();
      double cy = 4 + 8 * r.nextDouble();
      double sigma = cls == 1 ? 0.8 : 2.5;
      double flux = 3 + 3 * r.nextDouble();
      for (int y = 0; y < SIZE; y++) {
        for (int xx = 0; xx < SIZE; xx++) {
          double v = 0.3 * r.nextGaussian();
          if (cls > 0) {
            double d2 = (xx - cx) * (xx - cx) + (y - cy) * (y - cy);
            v += flux * Math.exp(-d2 / (2 * sigma * sigma));
          }
          x[i][y][xx][0] = (float) v;
        }
      }
    }
    return x;
  }

  @Test
  void smallCnnReachesNinetySevenPercent() {
    Backend.setRandomSeed(5);
    int[] yTrain = new int[1500];
    float[][][][] xTrain = images(1500, 1, yTrain);
    int[] yTest = new int[600];
    float[][][][] xTest = images(600, 2, yTest);
    Sequential m = new Sequential();
    m.add(new Conv2D(8, 3).activation("relu").padding("same").inputShape(SIZE, SIZE, 1));
    m.add(new MaxPooling2D(2));
    m.add(new Conv2D(16, 3).activation("relu").padding("same"));
    m.add(new MaxPooling2D(2));
    m.add(new Flatten());
    m.add(new Dense(32).activation("relu"));
    m.add(new Dense(3).activation("softmax"));
    m.compile(new CompileOptions().optimizer(new Adam(2e-3)).loss("sparse_categorical_crossentropy")
        .metrics("accuracy"));
    m.fit(xTrain, yTrain, new FitOptions().epochs(8).batchSize(32).verbose(0));
    Map<String, Double> score = m.evaluate(xTest, yTest);
    assertTrue(score.get("accuracy") >= 0.97, "test accuracy " + score);
    m.close();
  }
}
