package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.callbacks.History;
import io.keras4j.layers.Activation;
import io.keras4j.layers.Dense;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Keras' eight steps, as the lecture writes them. */
class SequentialTest {
  /** A separable binary problem: label 1 when the sum of the first 2 of 784 features is positive. */
  static float[][] data(int n, long seed) {
    Random r = new Random(seed);
    float[][] x = new float[n][784];
    for (float[] row : x) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) r.nextGaussian();
      }
    }
    return x;
  }

  static float[] labels(float[][] x) {
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      float s = 0;
      for (int j = 0; j < 2; j++) {
        s += x[i][j];
      }
      y[i] = s > 0 ? 1 : 0;
    }
    return y;
  }

  @Test
  void theContractCompilesAndLearns() {
    Backend.setRandomSeed(1);
    float[][] data = data(4000, 1);
    float[] labels = labels(data);
    float[][] xTest = data(200, 2);
    float[] yTest = labels(xTest);

    Sequential model = new Sequential();
    model.add(new Dense(32).inputDim(784));
    model.add(new Activation("relu"));
    model.add(new Dense(1).activation("sigmoid"));
    model.compile("rmsprop", "binary_crossentropy", "accuracy");
    History history = model.fit(data, labels, 10, 32);
    Map<String, Double> score = model.evaluate(xTest, yTest);
    float[][] predictions = model.predict(xTest).toFloat2D();

    assertEquals(10, history.get("loss").size());
    assertTrue(history.get("loss").get(9) < history.get("loss").get(0), "loss decreases: " + history.history());
    assertEquals(Map.of("loss", 0, "accuracy", 0).keySet(), score.keySet());
    assertTrue(score.get("accuracy") > 0.8, "test accuracy " + score);
    assertEquals(200, predictions.length);
    assertEquals(1, predictions[0].length);
    // evaluate's accuracy equals the accuracy of predict's outputs thresholded at 0.5
    int correct = 0;
    for (int i = 0; i < yTest.length; i++) {
      correct += (predictions[i][0] > 0.5f ? 1 : 0) == yTest[i] ? 1 : 0;
    }
    assertEquals(correct / 200.0, score.get("accuracy"), 1e-6);
    model.close();
  }

  @Test
  void fitBeforeCompileIsRefused() {
    Sequential model = new Sequential();
    model.add(new Dense(1).inputDim(3));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> model.fit(new float[][] {{1, 2, 3}}, new float[] {1}, 1, 1));
    assertTrue(e.getMessage().contains("compile()"), e.getMessage());
  }

  @Test
  void wrongInputWidthAtFitNamesTheShapes() {
    Sequential model = new Sequential();
    model.add(new Dense(4).inputDim(3));
    model.compile("sgd", "mse");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.fit(new float[][] {{1, 2}}, new float[] {1}, 1, 1));
    assertTrue(e.getMessage().contains("(None, 3)") && e.getMessage().contains("(None, 2)"), e.getMessage());
    IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
        () -> model.predict(new float[][] {{1, 2, 3, 4}}).toFloat2D());
    assertTrue(p.getMessage().contains("(None, 4)"), p.getMessage());
  }

  @Test
  void wrongWidthAtAddNamesTheLayer() {
    Dense shared = new Dense(2).name("shared");
    Sequential first = new Sequential();
    first.add(new Dense(5).inputDim(3));
    first.add(shared);
    Sequential second = new Sequential();
    second.add(new Dense(7).inputDim(3));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> second.add(shared));
    assertTrue(e.getMessage().contains("\"shared\"") && e.getMessage().contains("value 5")
        && e.getMessage().contains("(None, 7)"), e.getMessage());
  }

  @Test
  void mismatchedLengthsAreRefused() {
    Sequential model = new Sequential();
    model.add(new Dense(1).inputDim(2));
    model.compile("sgd", "mse");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.fit(new float[][] {{1, 2}, {3, 4}}, new float[] {1}, 1, 1));
    assertTrue(e.getMessage().contains("'x' sizes: 2") && e.getMessage().contains("'y' sizes: 1"), e.getMessage());
  }

  @Test
  void unknownIdentifiersListTheValidOnes() {
    Sequential model = new Sequential();
    model.add(new Dense(1).inputDim(2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.compile("adamm", "mse"));
    assertTrue(e.getMessage().contains("'adamm'") && e.getMessage().contains("rmsprop"), e.getMessage());
    IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> new Activation("rellu"));
    assertTrue(a.getMessage().contains("'rellu'") && a.getMessage().contains("relu"), a.getMessage());
  }
}
