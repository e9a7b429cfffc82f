package io.keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.Dense;
import io.keras4j.layers.Embedding;
import io.keras4j.layers.Flatten;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code embeddings_freq} / {@code embeddings_metadata}: the projector config and the saved weights, as Keras. */
class ProjectorConfigTest {
  @TempDir
  Path dir;

  static Sequential model() {
    Sequential m = new Sequential();
    m.add(new Embedding(10, 3).name("words").inputShape(2));
    m.add(new Flatten());
    m.add(new Dense(1));
    m.compile(new io.keras4j.optimizers.SGD(0.1), "mse");
    return m;
  }

  @Test
  void writesTheConfigAndTheWeightsEachEpoch() throws IOException {
    Sequential m = model();
    float[][] x = {{1, 2}, {3, 4}};
    m.fit(x, new float[] {0, 1}, new FitOptions().epochs(2).batchSize(2).verbose(0)
        .callbacks(new TensorBoard(dir).embeddingsFreq(1).embeddingsMetadata(Map.of("words", "words.tsv"))));
    // protobuf text format of ProjectorConfig, as Keras' text_format.MessageToString writes it
    assertEquals("embeddings {\n  tensor_name: \"layer_with_weights-0/embeddings/.ATTRIBUTES/VARIABLE_VALUE\"\n"
        + "  metadata_path: \"words.tsv\"\n}\n", Files.readString(dir.resolve("projector_config.pbtxt")));
    assertTrue(Files.exists(dir.resolve("train/keras_embedding.ckpt-0.weights.h5")));
    assertTrue(Files.exists(dir.resolve("train/keras_embedding.ckpt-1.weights.h5")));
  }

  @Test
  void oneMetadataFileForAllAndUnknownNamesRejected() {
    Sequential m = model();
    assertTrue(ProjectorConfig.text(m, "all.tsv").contains("metadata_path: \"all.tsv\""));
    assertEquals("embeddings {\n  tensor_name: \"" + ProjectorConfig.TENSOR_NAME + "\"\n}\n",
        ProjectorConfig.text(m, null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ProjectorConfig.text(m, Map.of("nope", "x.tsv")));
    assertTrue(e.getMessage().contains("[nope]"), e.getMessage());
  }
}
