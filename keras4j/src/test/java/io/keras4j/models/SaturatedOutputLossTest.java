package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.layers.Dense;
import io.keras4j.losses.BinaryFocalCrossentropy;
import io.keras4j.optimizers.SGD;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A model ending in Dense(activation="softmax") or Dense(activation="sigmoid") whose output saturates: its loss is
 * computed from the activation's logits, as Keras on TensorFlow computes it, not from probabilities clipped to 1e-7
 * (which would cap every loss below at -log(1e-7) = 16.12). Expected values worked out by hand: softmax logits
 * (0, 0, 30) with label 0 give 30 + log(1 + 2e^-30) = 30.0; a sigmoid logit of -40 with label 1 gives
 * log(1 + e^40) = 40.0, and its focal weight (1 - sigmoid(-40))^2 is 1. Keras 3.15.1 on TensorFlow 2.21 reports the
 * same 30.0, 30.0, 40.0 and 40.0 for these models.
 */
class SaturatedOutputLossTest {
  private static final float[][] X = {{1}, {1}};

  private static Sequential dense(int units, String activation, float[] bias) {
    Sequential m = new Sequential();
    Dense d = new Dense(units).activation(activation).inputDim(1);
    m.add(d);
    d.setWeights(List.of(new float[1][units], bias));
    return m;
  }

  @Test
  void categoricalAndSparseCrossentropyOfASaturatedSoftmax() {
    try (Sequential m = dense(3, "softmax", new float[] {0, 0, 30})) {
      m.compile(new SGD(0.01), "categorical_crossentropy");
      assertEquals(30.0, m.evaluate(X, new float[][] {{1, 0, 0}, {1, 0, 0}}).get("loss"), 1e-4);
      m.compile(new SGD(0.01), "sparse_categorical_crossentropy");
      assertEquals(30.0, m.evaluate(X, new int[] {0, 0}).get("loss"), 1e-4);
    }
  }

  @Test
  void binaryAndFocalCrossentropyOfASaturatedSigmoid() {
    try (Sequential m = dense(1, "sigmoid", new float[] {-40})) {
      float[][] y = {{1}, {1}};
      m.compile(new SGD(0.01), "binary_crossentropy");
      assertEquals(40.0, m.evaluate(X, y).get("loss"), 1e-4);
      m.compile(new CompileOptions().optimizer(new SGD(0.01)).loss(new BinaryFocalCrossentropy()));
      assertEquals(40.0, m.evaluate(X, y).get("loss"), 1e-4);
    }
  }
}
