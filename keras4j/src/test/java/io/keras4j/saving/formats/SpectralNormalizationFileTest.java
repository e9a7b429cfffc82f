package io.keras4j.saving.formats;

import io.keras4j.golden.Golden;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.backend.KerasTensor;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Input;
import io.keras4j.layers.SpectralNormalization;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SpectralNormalization model saved by Keras 3.15.1 ({@code tools/keras-reference/spectral_normalization_model.py})
 * loads with Keras' weights and predictions; keras4j writes the same Wrapper layout: the layer's own variables
 * (kernel, vector_u) and the wrapped layer's under {@code layer/}.
 */
class SpectralNormalizationFileTest {
  @TempDir
  Path dir;

  @Test
  void aKerasFileLoadsWithKerasWeightsAndPredictions() throws Exception {
    Path file = dir.resolve("sn.keras");
    try (var in = getClass().getResourceAsStream("keras_spectral_normalization.keras")) {
      Files.copy(in, file);
    }
    JsonNode expected;
    try (var in = getClass().getResourceAsStream("keras_spectral_normalization.json")) {
      expected = new ObjectMapper().readTree(in);
    }
    try (Model m = Models.loadModel(file)) {
      SpectralNormalization sn = assertInstanceOf(SpectralNormalization.class, m.layers().get(0));
      assertEquals(2, sn.powerIterations());
      var weights = sn.getWeights();
      assertEquals(3, weights.size());
      for (int i = 0; i < 3; i++) {
        assertArrayEquals(Golden.flatFloats(expected.get("weights").get(i)), weights.get(i).toFloatArray(), 0f,
            "weight " + i);
      }
      float[][] x = matrix(expected.get("x"));
      float[] p = m.predict(x).toFloatArray();
      assertArrayEquals(Golden.flatFloats(expected.get("predictions")), p, 1e-5f);
    }
  }

  @Test
  void keras4jWritesKerasWrapperPaths() {
    KerasTensor in = Input.of(4);
    SpectralNormalization sn = new SpectralNormalization(new Dense(3));
    try (Model m = new Model(in, sn.apply(in))) {
      assertEquals(List.of("layers/spectral_normalization/vars/0", "layers/spectral_normalization/vars/1",
          "layers/spectral_normalization/layer/vars/0", "layers/spectral_normalization/layer/vars/1"),
          List.copyOf(WeightsH5.paths(m, null).keySet()));
      assertEquals("vector_u", WeightsH5.paths(m, null).get("layers/spectral_normalization/vars/1").name());
    }
  }

  private static float[][] matrix(JsonNode rows) {
    float[][] m = new float[rows.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = Golden.flatFloats(rows.get(i));
    }
    return m;
  }
}
