package io.keras4j.saving.formats;

import io.keras4j.saving.KerasFileException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.layers.Concatenate;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Dropout;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.Input;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .keras format: round trips, Keras 3's layout read back with plain zip and HDF5 readers, bad files. */
class KerasZipTest {
  static float[][][][] images(int n) {
    Random r = new Random(1);
    float[][][][] x = new float[n][8][8][1];
    for (float[][][] img : x) {
      for (float[][] row : img) {
        for (float[] px : row) {
          px[0] = (float) r.nextGaussian();
        }
      }
    }
    return x;
  }

  static Sequential cnn() {
    return cnn(true);
  }

  /** A small CNN; with Dropout unless {@code dropout} is false (SeedStateSavingTest resumes fits with random layers). */
  static Sequential cnn(boolean dropout) {
    Backend.setRandomSeed(4);
    Sequential m = new Sequential();
    m.add(new Conv2D(4, 3).activation("relu").inputShape(8, 8, 1));
    m.add(new BatchNormalization());
    m.add(new MaxPooling2D(2));
    m.add(new Flatten());
    if (dropout) {
      m.add(new Dropout(0.2));
    }
    m.add(new Dense(3).activation("softmax"));
    m.compile(new CompileOptions().optimizer(new Adam(1e-3)).loss("sparse_categorical_crossentropy")
        .metrics("accuracy"));
    return m;
  }

  @Test
  void roundTripGivesIdenticalPredictionsAndResumesTraining(@TempDir Path dir) {
    float[][][][] x = images(32);
    int[] y = new int[32];
    for (int i = 0; i < 32; i++) {
      y[i] = i % 3;
    }
    Sequential m = cnn(false);
    m.fit(x, y, new FitOptions().epochs(2).batchSize(8).shuffle(false).verbose(0));
    Path file = dir.resolve("cnn.keras");
    m.save(file);
    Model loaded = Models.loadModel(file);
    assertArrayEquals(m.predict(x).toFloatArray(), loaded.predict(x).toFloatArray(), 0f);
    assertEquals(m.optimizer().iterations(), loaded.optimizer().iterations());

    // one more epoch on each gives the same weights: the optimizer state came back too
    m.fit(x, y, new FitOptions().epochs(1).batchSize(8).shuffle(false).verbose(0));
    loaded.fit(x, y, new FitOptions().epochs(1).batchSize(8).shuffle(false).verbose(0));
    for (int i = 0; i < m.getWeights().size(); i++) {
      assertArrayEquals(m.getWeights().get(i).toFloatArray(), loaded.getWeights().get(i).toFloatArray(), 1e-6f,
          "weight " + i);
    }
  }

  @Test
  void theFileFollowsKerasLayout(@TempDir Path dir) throws Exception {
    Sequential m = cnn();
    m.trainOnBatch(images(4), new int[] {0, 1, 2, 0});
    Path file = dir.resolve("m.keras");
    m.save(file);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      List<String> names = new ArrayList<>();
      zip.stream().forEach(e -> names.add(e.getName()));
      assertEquals(List.of("metadata.json", "config.json", "model.weights.h5"), names);
      ObjectMapper json = new ObjectMapper();
      JsonNode meta = json.readTree(zip.getInputStream(zip.getEntry("metadata.json")));
      assertTrue(meta.get("keras_version").asText().startsWith("3.") && meta.has("date_saved"));
      JsonNode config = json.readTree(zip.getInputStream(zip.getEntry("config.json")));
      assertEquals("keras", config.get("module").asText());
      assertEquals("Sequential", config.get("class_name").asText());
      assertTrue(config.has("registered_name") && config.has("build_config") && config.has("compile_config"));
      JsonNode layers = config.get("config").get("layers");
      assertEquals("InputLayer", layers.get(0).get("class_name").asText());
      assertEquals("[null,8,8,1]", layers.get(0).get("config").get("batch_shape").toString());
      JsonNode conv = layers.get(1);
      assertEquals("keras.layers", conv.get("module").asText());
      assertEquals("Conv2D", conv.get("class_name").asText());
      assertEquals(4, conv.get("config").get("filters").asInt());
      assertEquals("[3,3]", conv.get("config").get("kernel_size").toString());
      assertEquals("GlorotUniform", conv.get("config").get("kernel_initializer").get("class_name").asText());
      assertEquals("Adam", config.get("compile_config").get("optimizer").get("class_name").asText());
      assertEquals("sparse_categorical_crossentropy", config.get("compile_config").get("loss").asText());
      Path h5 = dir.resolve("w.h5");
      Files.copy(zip.getInputStream(zip.getEntry("model.weights.h5")), h5);
      try (HdfFile f = new HdfFile(h5)) {
        // layers by snake-case class name, variables numbered: kernel, bias; BN gamma, beta, mean, variance
        assertArrayEquals(new int[] {3, 3, 1, 4}, f.getDatasetByPath("layers/conv2d/vars/0").getDimensions());
        assertArrayEquals(new int[] {4}, f.getDatasetByPath("layers/conv2d/vars/1").getDimensions());
        assertArrayEquals(new int[] {4}, f.getDatasetByPath("layers/batch_normalization/vars/3").getDimensions());
        assertArrayEquals(new int[] {36, 3}, f.getDatasetByPath("layers/dense/vars/0").getDimensions());
        assertEquals(1L, ((Number) f.getDatasetByPath("optimizer/vars/0").getData()).longValue()); // iterations
        assertNotNull(f.getDatasetByPath("optimizer/vars/1")); // learning rate
      }
    }
  }

  @Test
  void functionalModelsWithTwoInputsRoundTrip(@TempDir Path dir) {
    KerasTensor a = Input.of(3);
    KerasTensor b = Input.of(2);
    Dense da = new Dense(4).activation("relu");
    KerasTensor merged = new Concatenate().apply(List.of(da.apply(a), new Dense(4).apply(b))).get(0);
    Model m = new Model(List.of(a, b), List.of(new Dense(1).apply(merged)));
    List<Object> x = List.of(new float[][] {{1, 2, 3}, {0, 1, 0}}, new float[][] {{1, -1}, {2, 0}});
    Path file = dir.resolve("f.keras");
    m.save(file);
    Model loaded = Models.loadModel(file);
    assertArrayEquals(m.predict(x, 8).toFloatArray(), loaded.predict(x, 8).toFloatArray(), 0f);
    assertEquals(null, loaded.compileConfig());
  }

  @Test
  void aFailedSaveLeavesTheOldFileIntact(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("keep.keras");
    Files.writeString(file, "previous");
    Sequential unbuilt = new Sequential();
    unbuilt.add(new Dense(2));
    unbuilt.add(new io.keras4j.layers.Lambda(t -> t));
    assertThrows(RuntimeException.class, () -> unbuilt.save(file));
    assertEquals("previous", Files.readString(file));
    try (var s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temporary file left behind");
    }
  }

  @Test
  void badFilesGetClearErrors(@TempDir Path dir) throws Exception {
    Path truncated = dir.resolve("t.keras");
    Sequential m = cnn();
    Path good = dir.resolve("g.keras");
    m.save(good);
    byte[] bytes = Files.readAllBytes(good);
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    KerasFileException t = assertThrows(KerasFileException.class, () -> Models.loadModel(truncated));
    assertTrue(t.getMessage().contains("t.keras"), t.getMessage());

    Path slip = dir.resolve("slip.keras");
    try (OutputStream out = Files.newOutputStream(slip); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("../../evil.sh"));
      zip.write("x".getBytes());
      zip.closeEntry();
    }
    KerasFileException s = assertThrows(KerasFileException.class, () -> Models.loadModel(slip));
    assertTrue(s.getMessage().contains("escapes"), s.getMessage());
    assertFalse(Files.exists(dir.getParent().getParent().resolve("evil.sh")));

    Path notZip = dir.resolve("n.keras");
    Files.writeString(notZip, "not a zip");
    assertThrows(KerasFileException.class, () -> Models.loadModel(notZip));
    assertThrows(KerasFileException.class, () -> Models.loadModel(dir.resolve("missing.keras")));
  }
}
