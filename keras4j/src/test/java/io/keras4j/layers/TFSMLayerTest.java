package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.data.NDArray;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transfer learning: an exported feature extractor under a new head, frozen and fine-tuned. */
class TFSMLayerTest {
  static float[][] x(int n) {
    Random r = new Random(2);
    float[][] x = new float[n][4];
    for (float[] row : x) {
      for (int j = 0; j < 4; j++) {
        row[j] = (float) r.nextGaussian();
      }
    }
    return x;
  }

  static Path exportBase(Path dir) {
    Backend.setRandomSeed(5);
    Sequential base = new Sequential();
    base.add(new Dense(8).activation("relu").inputDim(4));
    base.add(new BatchNormalization());
    base.add(new Dense(3).activation("tanh"));
    base.compile("adam", "mse");
    float[][] xs = x(32);
    base.fit(xs, new float[32][3], new FitOptions().epochs(1).verbose(0));
    Path export = dir.resolve("base");
    base.export(export);
    return export;
  }

  static Model withHead(TFSMLayer base) {
    KerasTensor in = Input.of(4);
    Model m = new Model(in, new Dense(1).apply(base.apply(in)));
    m.compile(new CompileOptions().optimizer(new Adam(0.05)).loss("mse"));
    return m;
  }

  static float[] target(float[][] x) {
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i][0] - x[i][3];
    }
    return y;
  }

  @Test
  void aFrozenSavedModelTrainsTheHeadOnly(@TempDir Path dir) {
    Path export = exportBase(dir);
    TFSMLayer base = new TFSMLayer(export);
    assertEquals(List.of(), base.trainableWeights());
    Model m = withHead(base);
    List<NDArray> before = base.getWeights();
    float[] headBefore = m.layers().get(2).getWeights().get(0).toFloatArray();
    float[][] xs = x(64);
    var h = m.fit(xs, target(xs), new FitOptions().epochs(20).batchSize(16).verbose(0));
    for (int i = 0; i < before.size(); i++) {
      assertEquals(before.get(i), base.getWeights().get(i), "imported weight " + i + " stayed frozen");
    }
    assertFalse(Arrays.equals(headBefore, m.layers().get(2).getWeights().get(0).toFloatArray()), "the head trained");
    assertEquals(true, h.get("loss").get(19) < h.get("loss").get(0));
  }

  @Test
  void theImportedGraphComputesWhatTheExportedModelDid(@TempDir Path dir) {
    Path export = exportBase(dir);
    float[][] xs = x(5);
    try (var sm = io.keras4j.saving.SavedModel.load(export)) {
      float[][] expected = sm.predict(xs).toFloat2D();
      KerasTensor in = Input.of(4);
      Model m = new Model(in, new TFSMLayer(export).apply(in));
      float[][] got = m.predict(xs).toFloat2D();
      for (int i = 0; i < xs.length; i++) {
        assertArrayEquals(expected[i], got[i], 1e-6f);
      }
    }
  }

  @Test
  void fineTuningMovesTheImportedWeights(@TempDir Path dir) {
    TFSMLayer base = new TFSMLayer(exportBase(dir));
    base.trainable(true);
    Model m = withHead(base);
    float[] before = base.getWeights().get(0).toFloatArray();
    float[][] xs = x(64);
    m.fit(xs, target(xs), new FitOptions().epochs(2).batchSize(16).verbose(0));
    assertFalse(Arrays.equals(before, base.getWeights().get(0).toFloatArray()));
  }
}
