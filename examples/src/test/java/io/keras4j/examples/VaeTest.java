package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Input;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.KerasFunction;
import io.keras4j.models.Model;
import io.keras4j.optimizers.SGD;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The VAE's losses against their closed forms, computed here in plain Java. */
class VaeTest {
  /** -0.5 sum_j (1 + logvar - mu^2 - exp(logvar)) per row, averaged over the rows. */
  static double klClosedForm(float[][] mean, float[][] logVar) {
    double total = 0;
    for (int i = 0; i < mean.length; i++) {
      for (int j = 0; j < mean[i].length; j++) {
        total += -0.5 * (1 + logVar[i][j] - mean[i][j] * mean[i][j] - Math.exp(logVar[i][j]));
      }
    }
    return total / mean.length;
  }

  @Test
  void klLossIsTheClosedForm() {
    float[][] mean = {{0, 0}, {1, -2}, {0.5f, 0.25f}};
    float[][] logVar = {{0, 0}, {0, 0.5f}, {-1, 1.5f}};
    // the first row is the prior itself: its KL is 0; the second, with logvar 0, is 0.5 * (1 + 4) plus the
    // variance term of the second dimension, 0.5 * (exp(0.5) - 1 - 0.5)
    double second = 0.5 * 5 + 0.5 * (Math.exp(0.5) - 1.5);
    double third = 0.5 * (0.25 + Math.exp(-1) - 1 + 1) + 0.5 * (0.0625 + Math.exp(1.5) - 1 - 1.5);
    assertEquals((second + third) / 3, klClosedForm(mean, logVar), 1e-12, "the plain-Java form, by hand");
    try (KerasFunction f = KerasFunction.of(in -> List.of(Vae.klLoss(in.get(0), in.get(1))))) {
      assertEquals(klClosedForm(mean, logVar), f.call(mean, logVar).get(0).getFloat(), 1e-5);
    }
  }

  @Test
  void reconstructionLossSumsBinaryCrossentropyOverPixels() {
    float[] data = {1, 0, 0.5f, 1, 0, 0, 1, 1};
    float[] recon = {0.9f, 0.2f, 0.5f, 0.6f, 0.1f, 0.3f, 0.7f, 0.99f};
    double expected = 0;
    for (int i = 0; i < data.length; i++) {
      expected += -(data[i] * Math.log(recon[i]) + (1 - data[i]) * Math.log(1 - recon[i]));
    }
    expected /= 2; // two images of 2 x 2 pixels: summed per image, averaged over the batch
    try (KerasFunction f = KerasFunction.of(in -> List.of(Vae.reconstructionLoss(in.get(0), in.get(1))))) {
      NDArray d = NDArray.of(data, 2, 2, 2, 1);
      NDArray p = NDArray.of(recon, 2, 2, 2, 1);
      assertEquals(expected, f.call(d, p).get(0).getFloat(), 1e-4);
    }
  }

  /** A dense encoder on 2 x 2 images whose means and log-variances are fixed linear maps of the pixels. */
  static Model encoder() {
    KerasTensor in = Input.of(2, 2, 1);
    KerasTensor flat = new io.keras4j.layers.Flatten().apply(in);
    Dense mean = new Dense(2).name("z_mean");
    Dense logVar = new Dense(2).name("z_log_var");
    KerasTensor m = mean.apply(flat);
    KerasTensor v = logVar.apply(flat);
    KerasTensor z = new Sampling().apply(List.of(m, v)).get(0);
    mean.setWeights(List.of(new float[][] {{1, 0}, {0, 1}, {0.5f, -1}, {0, 0}}, new float[] {0.1f, 0}));
    logVar.setWeights(List.of(new float[][] {{0.2f, 0}, {0, -0.5f}, {0, 0}, {1, 0.3f}}, new float[] {0, -0.2f}));
    return new Model(List.of(in), List.of(m, v, z));
  }

  static Model decoder() {
    KerasTensor in = Input.of(2);
    KerasTensor x = new Dense(4).activation("sigmoid").apply(in);
    return new Model(in, new io.keras4j.layers.Reshape(2, 2, 1).apply(x));
  }

  @Test
  void theKlTermTheModelAddsIsTheClosedFormOfItsEncodersOutputs() {
    Backend.setRandomSeed(3);
    float[] pixels = {0.2f, 0.9f, 0.4f, 0.1f, 1, 0, 0.5f, 0.7f, 0.3f, 0.3f, 0.8f, 0.6f};
    NDArray x = NDArray.of(pixels, 3, 2, 2, 1);
    try (Vae vae = new Vae(encoder(), decoder())) {
      vae.compile(new CompileOptions().optimizer(new SGD(0.01)));
      // z_mean = W x + b and z_log_var = V x + c, worked out here from the weights set above
      float[][] mean = new float[3][2];
      float[][] logVar = new float[3][2];
      for (int i = 0; i < 3; i++) {
        float a = pixels[4 * i];
        float b = pixels[4 * i + 1];
        float c = pixels[4 * i + 2];
        float d = pixels[4 * i + 3];
        mean[i] = new float[] {a + 0.5f * c + 0.1f, b - c};
        logVar[i] = new float[] {0.2f * a + d, -0.5f * b + 0.3f * d - 0.2f};
      }
      Map<String, Double> logs = vae.evaluate(x, null, 3);
      assertEquals(klClosedForm(mean, logVar), logs.get("kl_loss"), 1e-5);
      assertEquals(logs.get("loss"), logs.get("reconstruction_loss") + logs.get("kl_loss"), 1e-5);
      // a training step starts from the same weights, so its logged KL term is the same number
      Map<String, Double> step = vae.trainOnBatch(x, null);
      assertEquals(klClosedForm(mean, logVar), step.get("kl_loss"), 1e-5);
      assertEquals(List.of("loss", "reconstruction_loss", "kl_loss"), List.copyOf(step.keySet()));
    }
  }

  @Test
  void samplingDrawsAroundTheMeanWithTheStandardDeviationOfTheLogVariance() {
    Backend.setRandomSeed(4);
    int n = 4000;
    float[][] mean = new float[n][2];
    float[][] logVar = new float[n][2];
    for (float[] row : mean) {
      row[0] = 3;
      row[1] = -1;
    }
    for (float[] row : logVar) {
      row[0] = (float) Math.log(4); // standard deviation 2
      row[1] = 0;
    }
    Sampling sampling = new Sampling();
    try (KerasFunction f = KerasFunction.of(in -> sampling.applyAll(in, true))) {
      float[] z = f.call(mean, logVar).get(0).toFloatArray();
      double[] sum = new double[2];
      double[] sq = new double[2];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < 2; j++) {
          sum[j] += z[2 * i + j];
          sq[j] += z[2 * i + j] * z[2 * i + j];
        }
      }
      double m0 = sum[0] / n;
      double m1 = sum[1] / n;
      assertEquals(3, m0, 0.1);
      assertEquals(-1, m1, 0.05);
      assertEquals(2, Math.sqrt(sq[0] / n - m0 * m0), 0.1);
      assertEquals(1, Math.sqrt(sq[1] / n - m1 * m1), 0.05);
    }
  }

  @Test
  void anEncoderWithoutThreeOutputsIsRefused() {
    KerasTensor in = Input.of(2);
    Model wrong = new Model(in, new Dense(2).apply(in)).name("wrong");
    var e = assertThrows(IllegalArgumentException.class, () -> new Vae(wrong, decoder()));
    assertTrue(e.getMessage().contains("3 outputs") && e.getMessage().contains("'wrong'"), e.getMessage());
  }
}
