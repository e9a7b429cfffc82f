package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files built by hand in Keras' layouts, with known weights: y = relu(x W1 + b1) W2 + b2 with W1 = [[1, -1], [2, 0]],
 * b1 = [0, 1], W2 = [[3], [5]], b2 = [-2]. For x = (1, 1): hidden = relu(1 + 2 + 0, -1 + 0 + 1) = (3, 0),
 * y = 9 - 2 = 7. For x = (0, 1): hidden = relu(2 + 0, 0 + 1) = (2, 1), y = 6 + 5 - 2 = 9.
 */
class HandBuiltFixturesTest {
  static final float[][] X = {{1, 1}, {0, 1}};
  static final float[] EXPECTED = {7, 9};

  /** Keras 3's config of the model, as keras.Sequential.get_config writes it (trimmed to the needed keys). */
  static final String KERAS3_CONFIG = """
      {"module": "keras", "class_name": "Sequential", "config": {"name": "sequential", "trainable": true,
       "layers": [
        {"module": "keras.layers", "class_name": "InputLayer",
         "config": {"batch_shape": [null, 2], "dtype": "float32", "sparse": false, "name": "input_layer"},
         "registered_name": null},
        {"module": "keras.layers", "class_name": "Dense",
         "config": {"name": "hidden", "trainable": true, "dtype": {"module": "keras", "class_name": "DTypePolicy",
                    "config": {"name": "float32"}, "registered_name": null},
                    "units": 2, "activation": "relu", "use_bias": true},
         "registered_name": null, "build_config": {"input_shape": [null, 2]}},
        {"module": "keras.layers", "class_name": "Dense",
         "config": {"name": "out", "trainable": true, "dtype": "float32", "units": 1, "activation": "linear",
                    "use_bias": true},
         "registered_name": null, "build_config": {"input_shape": [null, 2]}}]},
       "registered_name": null, "build_config": {"input_shape": [null, 2]}}
      """;

  static void writeDenseWeights(WritableGroup vars, float[][] kernel, float[] bias) {
    vars.putDataset("0", kernel);
    vars.putDataset("1", bias);
  }

  @Test
  void aHandMadeKerasZipLoads(@TempDir Path dir) throws Exception {
    Path h5 = dir.resolve("model.weights.h5");
    try (WritableHdfFile f = HdfFile.write(h5)) {
      WritableGroup layers = f.putGroup("layers");
      // Keras names the groups by class: the two Dense layers are "dense" and "dense_1", whatever their names
      writeDenseWeights(layers.putGroup("dense").putGroup("vars"), new float[][] {{1, -1}, {2, 0}}, new float[] {0, 1});
      writeDenseWeights(layers.putGroup("dense_1").putGroup("vars"), new float[][] {{3}, {5}}, new float[] {-2});
    }
    Path keras = dir.resolve("hand.keras");
    try (OutputStream out = Files.newOutputStream(keras); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("metadata.json"));
      zip.write("{\"keras_version\": \"3.5.0\", \"date_saved\": \"2024-01-01@00:00:00\"}".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("config.json"));
      zip.write(KERAS3_CONFIG.getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("model.weights.h5"));
      zip.write(Files.readAllBytes(h5));
      zip.closeEntry();
    }
    Model m = Models.loadModel(keras);
    assertArrayEquals(EXPECTED, new float[] {m.predict(X).toFloat2D()[0][0], m.predict(X).toFloat2D()[1][0]});
  }

  /** tf.keras 2's config: batch_input_shape on the first layer, Keras 2 names. */
  static final String KERAS2_CONFIG = """
      {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
        {"class_name": "Dense", "config": {"name": "hidden", "trainable": true, "batch_input_shape": [null, 2],
         "dtype": "float32", "units": 2, "activation": "relu", "use_bias": true}},
        {"class_name": "Dense", "config": {"name": "out", "trainable": true, "dtype": "float32", "units": 1,
         "activation": "linear", "use_bias": true}}]}}
      """;

  @Test
  void aHandMadeLegacyH5Loads(@TempDir Path dir) {
    Path h5 = dir.resolve("hand.h5");
    try (WritableHdfFile f = HdfFile.write(h5)) {
      f.putAttribute("model_config", KERAS2_CONFIG);
      f.putAttribute("keras_version", "2.2.4-tf");
      WritableGroup weights = f.putGroup("model_weights");
      weights.putAttribute("layer_names", new String[] {"hidden", "out"});
      WritableGroup hidden = weights.putGroup("hidden");
      hidden.putAttribute("weight_names", new String[] {"hidden/kernel:0", "hidden/bias:0"});
      WritableGroup hv = hidden.putGroup("hidden");
      hv.putDataset("kernel:0", new float[][] {{1, -1}, {2, 0}});
      hv.putDataset("bias:0", new float[] {0, 1});
      WritableGroup out = weights.putGroup("out");
      out.putAttribute("weight_names", new String[] {"out/kernel:0", "out/bias:0"});
      WritableGroup ov = out.putGroup("out");
      ov.putDataset("kernel:0", new float[][] {{3}, {5}});
      ov.putDataset("bias:0", new float[] {-2});
    }
    Model m = Models.loadModel(h5);
    assertArrayEquals(EXPECTED, new float[] {m.predict(X).toFloat2D()[0][0], m.predict(X).toFloat2D()[1][0]});
  }

  @Test
  void wrongPathsAndShapesAreClearErrors(@TempDir Path dir) {
    Path h5 = dir.resolve("bad.h5");
    try (WritableHdfFile f = HdfFile.write(h5)) {
      f.putAttribute("model_config", KERAS2_CONFIG);
      WritableGroup weights = f.putGroup("model_weights");
      weights.putAttribute("layer_names", new String[] {"hidden", "out"});
      WritableGroup hidden = weights.putGroup("hidden");
      hidden.putAttribute("weight_names", new String[] {"hidden/kernel:0", "hidden/bias:0"});
      WritableGroup hv = hidden.putGroup("hidden");
      hv.putDataset("kernel:0", new float[][] {{1, -1, 0}, {2, 0, 0}}); // 2x3 where the model has 2x2
      hv.putDataset("bias:0", new float[] {0, 1});
      WritableGroup out = weights.putGroup("out");
      out.putAttribute("weight_names", new String[] {"out/kernel:0", "out/bias:0"});
      out.putGroup("out").putDataset("kernel:0", new float[][] {{3}, {5}}); // no bias dataset
    }
    KerasFileException e = assertThrows(KerasFileException.class, () -> Models.loadModel(h5));
    assertTrue(e.getMessage().contains("hidden") && e.getMessage().contains("(2, 2)")
        && e.getMessage().contains("(2, 3)"), e.getMessage());
  }
}
