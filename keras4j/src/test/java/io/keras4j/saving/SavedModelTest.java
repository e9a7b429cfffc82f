package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Flatten;
import io.keras4j.models.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedModelTest {
  @Test
  void exportedModelRunsThroughSavedModelBundleWithIdenticalPredictions(@TempDir Path dir) {
    Sequential m = new Sequential();
    m.add(new Conv2D(3, 3).activation("relu").padding("same").inputShape(5, 5, 1));
    m.add(new BatchNormalization());
    m.add(new Flatten());
    m.add(new Dense(2).activation("softmax"));
    m.compile("adam", "sparse_categorical_crossentropy");
    float[][][][] x = new float[4][5][5][1];
    for (int i = 0; i < 4; i++) {
      x[i][i][i][0] = 1 + i;
    }
    m.fit(x, new int[] {0, 1, 0, 1}, new io.keras4j.models.FitOptions().epochs(2).verbose(0));
    Path export = dir.resolve("export");
    m.export(export);
    assertTrue(Files.exists(export.resolve("saved_model.pb")) && Files.exists(export.resolve("variables")));
    try (SavedModel sm = SavedModel.load(export)) {
      assertEquals(List.of("serving_default"), sm.signatures());
      String input = ((io.keras4j.layers.Layer) m.inputs().get(0).layer()).name();
      assertEquals(Shape.of(-1, 5, 5, 1), sm.inputs("serving_default").get(input));
      assertEquals(Map.of("output_0", Shape.of(-1, 2)), sm.outputs("serving_default"));
      float[][] expected = m.predict(x).toFloat2D();
      float[][] got = sm.predict(x).toFloat2D();
      for (int i = 0; i < 4; i++) {
        assertArrayEquals(expected[i], got[i], 0f);
      }
      Map<String, NDArray> named = sm.call("serving_default", Map.of(input, x));
      assertArrayEquals(new long[] {4, 2}, named.get("output_0").shape());
    }
    assertThrows(KerasFileException.class, () -> SavedModel.load(dir.resolve("nothing")));
  }
}
