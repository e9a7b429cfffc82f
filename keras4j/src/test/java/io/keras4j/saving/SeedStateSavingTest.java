package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Dropout;
import io.keras4j.layers.GaussianNoise;
import io.keras4j.layers.Layer;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random layers' generator states travel with the model, so a resumed fit equals an uninterrupted one. */
class SeedStateSavingTest {
  private static final float[][] X = new float[16][5];
  private static final float[][] Y = new float[16][1];

  static {
    Random r = new Random(3);
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 5; j++) {
        X[i][j] = (float) r.nextGaussian();
      }
      Y[i][0] = X[i][0] - 2 * X[i][3] + (float) r.nextGaussian() * 0.1f;
    }
  }

  private static Sequential model() {
    Sequential m = new Sequential();
    m.add(new Dense(8).activation("relu").kernelInitializer(new io.keras4j.initializers.GlorotUniform(1)).inputShape(5));
    m.add(new Dropout(0.3).seed(11));
    m.add(new GaussianNoise(0.1).seed(12));
    m.add(new Dense(1).kernelInitializer(new io.keras4j.initializers.GlorotUniform(2)));
    m.compile(new CompileOptions().optimizer(new Adam(0.01)).loss("mse"));
    return m;
  }

  private static FitOptions epochs(int initial, int epochs) {
    return new FitOptions().initialEpoch(initial).epochs(epochs).batchSize(4).shuffle(false).verbose(0);
  }

  private static long[] state(Model m, int layer) {
    return m.getLayer(layer).seedGenerators().get(0).state().longValue();
  }

  @Test
  void resumedFitEqualsAnUninterruptedOne(@TempDir Path dir) {
    try (Sequential whole = model(); Sequential first = model()) {
      whole.fit(X, Y, epochs(0, 4));
      first.fit(X, Y, epochs(0, 2));
      assertArrayEquals(new long[] {11, 8}, state(first, 1), "4 steps an epoch, 2 epochs");
      Path file = dir.resolve("half.keras");
      first.save(file);
      try (Model resumed = Models.loadModel(file)) {
        assertArrayEquals(new long[] {11, 8}, state(resumed, 1));
        assertArrayEquals(new long[] {12, 8}, state(resumed, 2));
        resumed.fit(X, Y, epochs(2, 4));
        for (int i = 0; i < whole.getWeights().size(); i++) {
          assertArrayEquals(whole.getWeights().get(i).toFloatArray(), resumed.getWeights().get(i).toFloatArray(),
              1e-6f, "weight " + i);
        }
        assertArrayEquals(state(whole, 1), state(resumed, 1));
      }
    }
  }

  @Test
  void withoutTheStateTheResumedFitDiffers(@TempDir Path dir) {
    // the check above can fail: restarting the streams at [seed, 0] gives other weights
    try (Sequential whole = model(); Sequential first = model()) {
      whole.fit(X, Y, epochs(0, 4));
      first.fit(X, Y, epochs(0, 2));
      for (Layer l : first.layers()) {
        l.seedGenerators().forEach(io.keras4j.random.SeedGenerator::reset);
      }
      first.fit(X, Y, epochs(2, 4));
      assertFalse(Arrays.equals(whole.getWeights().get(0).toFloatArray(), first.getWeights().get(0).toFloatArray()));
    }
  }

  @Test
  void theStateIsWrittenBesideTheLayerAndIsOptionalOnLoading(@TempDir Path dir) throws Exception {
    try (Sequential m = model()) {
      m.fit(X, Y, epochs(0, 1));
      Path weights = dir.resolve("m.weights.h5");
      m.saveWeights(weights);
      try (HdfFile h5 = new HdfFile(weights)) {
        Dataset d = assertInstanceOf(Dataset.class, h5.getByPath("layers/dropout/seed_generator/vars/0"));
        assertArrayEquals(new long[] {11, 4}, (long[]) d.getData());
        assertInstanceOf(Dataset.class, h5.getByPath("layers/gaussian_noise/seed_generator/vars/0"));
        assertFalse(h5.getByPath("layers/dropout") instanceof Dataset);
      }
      Path keras = dir.resolve("m.keras");
      m.save(keras);
      try (ZipFile zip = new ZipFile(keras.toFile())) {
        ZipEntry e = zip.getEntry("model.weights.h5");
        assertTrue(e != null && e.getSize() > 0);
      }
      try (Sequential fresh = model()) {
        fresh.loadWeights(weights);
        assertArrayEquals(new long[] {11, 4}, state(fresh, 1));
        assertEquals(m.countParams(), fresh.countParams());
        assertEquals(4, fresh.getWeights().size(), "the states are not weights");
      }
    }
  }

  @Test
  void aFileWithoutStatesLeavesTheStreamsAsTheyAre(@TempDir Path dir) {
    Path weights = dir.resolve("plain.weights.h5");
    try (Sequential m = model()) {
      // a Keras-like file: the weights only
      java.util.Map<String, io.keras4j.backend.Variable> vars = new java.util.LinkedHashMap<>(
          io.keras4j.saving.formats.WeightsH5.paths(m, null));
      vars.keySet().removeIf(k -> k.contains("seed_generator"));
      assertEquals(4, vars.size());
      io.keras4j.saving.formats.WeightsH5.write(weights, vars);
    }
    try (Sequential fresh = model()) {
      fresh.fit(X, Y, epochs(0, 1));
      fresh.loadWeights(weights);
      assertArrayEquals(new long[] {11, 4}, state(fresh, 1), "an absent state leaves the stream as it is");
    }
  }
}
