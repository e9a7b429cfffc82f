package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.backend.GradientTape;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.callbacks.History;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Input;
import io.keras4j.losses.Loss;
import io.keras4j.losses.MeanSquaredError;
import io.keras4j.metrics.MeanAbsoluteError;
import io.keras4j.optimizers.SGD;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The custom training loop of Keras' guide "Writing a training loop from scratch", with a traced step. */
class KerasFunctionTest {
  private static Model model() {
    Backend.setRandomSeed(4);
    KerasTensor in = Input.of(3);
    KerasTensor h = new Dense(8).activation("relu").apply(in);
    return new Model(in, new Dense(1).apply(h));
  }

  @Test
  void customLoopGivesFitsNumbersAndTracksAMetric() {
    int n = 64;
    int batch = 8;
    float[][] x = CustomStepTest.data(n, 3, 5);
    float[][] y = CustomStepTest.data(n, 1, 6);
    try (Model fitted = model(); Model looped = model()) {
      looped.setWeights(fitted.getWeights());
      fitted.compile(new SGD(0.05), "mse", "mae");
      History h = fitted.fit(x, y, new FitOptions().epochs(3).batchSize(batch).shuffle(false).verbose(0));

      SGD optimizer = new SGD(0.05);
      Loss lossFn = new MeanSquaredError();
      MeanAbsoluteError trainMae = new MeanAbsoluteError();
      List<Variable> vars = looped.trainableWeights();
      double[] epochLoss = new double[3];
      double[] epochMae = new double[3];
      try (KerasFunction trainStep = KerasFunction.of(in -> {
        Tensor logits = looped.apply(in.get(0), true);
        Tensor lossValue = lossFn.apply(in.get(1), logits, null);
        optimizer.applyGradients(new GradientTape().gradient(lossValue, vars), vars);
        trainMae.updateState(in.get(1), logits, null);
        return List.of(lossValue, trainMae.result());
      })) {
        for (int epoch = 0; epoch < 3; epoch++) {
          trainMae.resetState();
          for (int start = 0; start < n; start += batch) {
            List<NDArray> out = trainStep.call(Arrays.copyOfRange(x, start, start + batch),
                Arrays.copyOfRange(y, start, start + batch));
            epochLoss[epoch] += out.get(0).getFloat() / (n / batch);
            epochMae[epoch] = out.get(1).getFloat(); // the running result, read after this step's update
          }
        }
        for (int e = 0; e < 3; e++) {
          assertEquals(h.history().get("loss").get(e), epochLoss[e], 1e-5, "mean loss of epoch " + e);
          assertEquals(h.history().get("mae").get(e), epochMae[e], 1e-5, "mean absolute error of epoch " + e);
        }
        List<NDArray> wa = fitted.getWeights();
        List<NDArray> wb = looped.getWeights();
        for (int i = 0; i < wa.size(); i++) {
          assertArrayEquals(wa.get(i).toFloatArray(), wb.get(i).toFloatArray(), 1e-6f, "weight " + i);
        }
        assertEquals(3 * n / batch, optimizer.iterations());
        // the model's own functions see the weights the loop trained
        assertArrayEquals(fitted.predict(x).toFloatArray(), looped.predict(x).toFloatArray(), 1e-5f);
        logSpeed(fitted, trainStep, x, y, batch);
      }
    }
  }

  /**
   * Prints steps per second of fit and of the custom loop, both traced already (a rough comparison for the log, not
   * an assertion): fit gathers its batches inside the graph, the loop copies each batch from Java arrays.
   */
  private static void logSpeed(Model fitted, KerasFunction trainStep, float[][] x, float[][] y, int batch) {
    int epochs = 20;
    int steps = epochs * x.length / batch;
    long t0 = System.nanoTime();
    fitted.fit(x, y, new FitOptions().epochs(epochs).batchSize(batch).shuffle(false).verbose(0));
    double fitSeconds = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    for (int e = 0; e < epochs; e++) {
      for (int start = 0; start < x.length; start += batch) {
        trainStep.call(Arrays.copyOfRange(x, start, start + batch), Arrays.copyOfRange(y, start, start + batch));
      }
    }
    double loopSeconds = (System.nanoTime() - t1) / 1e9;
    System.out.printf("custom loop vs fit, %d steps of %d samples: fit %.0f steps/s, KerasFunction loop %.0f "
        + "steps/s%n", steps, batch, steps / fitSeconds, steps / loopSeconds);
  }

  @Test
  void retracesForAnotherSampleShapeAndRefusesNullBodies() {
    try (KerasFunction sum = KerasFunction.of(in -> List.of(Backend.ops().sum(in.get(0), null, false)))) {
      assertEquals(6f, sum.call((Object) new float[][] {{1, 2, 3}}).get(0).getFloat(), 1e-6f);
      assertEquals(10f, sum.call((Object) new float[][] {{1, 2}, {3, 4}}).get(0).getFloat(), 1e-6f);
    }
    assertThrows(IllegalArgumentException.class, () -> KerasFunction.of(null));
    try (KerasFunction bad = KerasFunction.of(in -> null)) {
      var e = assertThrows(IllegalStateException.class, () -> bad.call(NDArray.scalar(1)));
      assertTrue(e.getMessage().contains("returned null"), e.getMessage());
    }
  }
}
