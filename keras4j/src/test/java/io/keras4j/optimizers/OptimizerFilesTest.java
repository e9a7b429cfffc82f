package io.keras4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.backend.Variable;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code .keras} files that Keras 3.15.1 trained with Ftrl, Lamb (EMA with overwrites) and a LossScaleOptimizer
 * around Adafactor (EMA, gradient accumulation): keras4j reads every optimizer variable in Keras' order, and one
 * more epoch from that state gives Keras' weights ({@code tools/keras-reference/optimizer_files.py}).
 */
class OptimizerFilesTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"loss_scale_adafactor", "ftrl", "lamb_ema_overwrite"})
  void loadsTheStateAndTrainsOnAsKerasDoes(String name) throws Exception {
    JsonNode doc;
    Path file = dir.resolve(name + ".keras");
    try (InputStream json = getClass().getResourceAsStream(name + ".json");
        InputStream keras = getClass().getResourceAsStream(name + ".keras")) {
      doc = new ObjectMapper().readTree(json);
      Files.copy(keras, file);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    Model m = Models.loadModel(file);
    try {
      List<Variable> vars = m.optimizer().variables();
      JsonNode expected = doc.get("optimizer_variables");
      assertEquals(expected.size(), vars.size(), "optimizer variables: " + vars);
      for (int i = 0; i < vars.size(); i++) {
        String path = expected.get(i).get("path").asText();
        // Keras' slot names carry the model's name too ("sequential_dense_kernel_average")
        String ours = vars.get(i).path().substring(vars.get(i).path().lastIndexOf('/') + 1);
        assertTrue(path.endsWith(ours), "variable " + i + ": Keras' " + path + ", keras4j's " + ours);
        assertClose(expected.get(i).get("value"), values(vars.get(i)), path);
      }
      float[][] x = rows(doc.get("x"), 3);
      float[][] y = rows(doc.get("y"), 2);
      m.fit(x, y, new FitOptions().epochs(1).batchSize(2).shuffle(false).verbose(0));
      List<Variable> weights = m.weights();
      for (int i = 0; i < weights.size(); i++) {
        assertClose(doc.get("weights_after_next_epoch").get(i), values(weights.get(i)), "weight " + i);
      }
    } finally {
      m.close();
    }
  }

  @org.junit.jupiter.api.Test
  void aSavedLossScaleOptimizerComesBackWithItsInnerState() throws Exception {
    Path file = dir.resolve("lso.keras");
    LossScaleOptimizer opt = new LossScaleOptimizer(new Adafactor(0.1).useEma(true).gradientAccumulationSteps(2))
        .initialScale(8);
    List<double[]> saved = new ArrayList<>();
    GradientSteps.fitLossDecreases(opt, m -> {
      m.save(file);
      m.optimizer().variables().forEach(v -> saved.add(values(v)));
    });
    // Keras reads the inner optimizer's own copy too (optimizer/inner_optimizer/vars), or refuses the file
    try (io.jhdf.HdfFile h5 = weightsOf(file)) {
      assertTrue(h5.getByPath("optimizer/inner_optimizer/vars/9") != null);
    }
    Model back = Models.loadModel(file);
    try {
      List<Variable> vars = back.optimizer().variables();
      assertEquals(saved.size(), vars.size());
      for (int i = 0; i < vars.size(); i++) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(saved.get(i), values(vars.get(i)), 0, "variable " + i);
      }
    } finally {
      back.close();
    }
  }

  private io.jhdf.HdfFile weightsOf(Path keras) throws java.io.IOException {
    Path h5 = dir.resolve("model.weights.h5");
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(keras.toFile());
        InputStream in = zip.getInputStream(zip.getEntry("model.weights.h5"))) {
      Files.copy(in, h5, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return new io.jhdf.HdfFile(h5);
  }

  private static double[] values(Variable v) {
    if ("int64".equals(v.dtype())) {
      return java.util.Arrays.stream(v.longValue()).asDoubleStream().toArray();
    }
    float[] f = v.floatValue();
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  private static void assertClose(JsonNode expected, double[] actual, String what) {
    assertEquals(expected.size(), actual.length, what + ": size");
    for (int i = 0; i < actual.length; i++) {
      double e = expected.get(i).asDouble();
      assertEquals(e, actual[i], 1e-4 + 1e-4 * Math.abs(e), what + "[" + i + "]");
    }
  }

  private static float[][] rows(JsonNode flat, int width) {
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < flat.size(); i += width) {
      float[] row = new float[width];
      for (int j = 0; j < width; j++) {
        row[j] = (float) flat.get(i + j).asDouble();
      }
      out.add(row);
    }
    return out.toArray(new float[0][]);
  }
}
