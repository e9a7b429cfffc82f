package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.layers.CategoryEncoding;
import io.keras4j.layers.Discretization;
import io.keras4j.layers.Hashing;
import io.keras4j.layers.IntegerLookup;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Pipeline;
import io.keras4j.layers.Rescaling;
import io.keras4j.layers.STFTSpectrogram;
import io.keras4j.layers.MelSpectrogram;
import io.keras4j.layers.Input;
import io.keras4j.layers.Layer;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each preprocessing layer, with its state (boundaries, vocabulary, kernels), saved in a .keras file and loaded
 * back: same class, same config, same outputs. Inputs are float32 as a keras4j model feeds them.
 */
class PreprocessingSavingTest {
  @TempDir
  Path dir;

  static Arguments of(String name, Supplier<Layer> layer, float[] x, int... inputShape) {
    return Arguments.of(name, layer, x, inputShape);
  }

  static Stream<Arguments> layers() {
    float[] ids = {0, 3, 1, 1, 2, 0};
    float[] values = {-1.5f, 1.0f, 3.4f, .5f, 0.0f, 3.0f};
    return Stream.of(
        of("CategoryEncoding", () -> new CategoryEncoding(4).outputMode("count"), ids, 2),
        of("Discretization", () -> new Discretization().binBoundaries(0, 1, 2), values, 2),
        of("DiscretizationAdapted", () -> {
          Discretization d = new Discretization().numBins(3).outputMode("one_hot");
          d.adapt(values);
          return d;
        }, values, 1),
        of("Hashing", () -> new Hashing(7).maskValue(0).salt(4, 5), ids, 2),
        of("IntegerLookupVocabulary", () -> new IntegerLookup().vocabulary(3, 1).outputMode("count"), ids, 3),
        of("IntegerLookupAdapted", () -> {
          IntegerLookup l = new IntegerLookup().numOovIndices(2);
          l.adapt(new long[] {1, 1, 2, 5});
          return l;
        }, ids, 2),
        of("Pipeline", () -> {
          IntegerLookup l = new IntegerLookup();
          l.adapt(new long[] {0, 0, 3, 2});
          return new Pipeline(new Rescaling(2.0), l, new CategoryEncoding(6).outputMode("one_hot"));
        }, ids, 1),
        of("IntegerLookupTfIdfAdapted", () -> {
          IntegerLookup l = new IntegerLookup().outputMode("tf_idf");
          l.adapt(new long[][] {{1, 1, 2}, {5, 2, 2}});
          return l;
        }, ids, 3),
        of("PipelineWithWeights", () -> new Pipeline(new Rescaling(0.5), new Dense(2)), values, 3),
        of("STFTSpectrogram", () -> new STFTSpectrogram().frameLength(4).mode("log"), values, 6, 1),
        of("MelSpectrogram", () -> new MelSpectrogram().fftLength(4).sequenceStride(2).numMelBins(2)
            .samplingRate(100), values, 6));
  }

  /**
   * A .keras file Keras 3.15.1 saved with an adapted "tf_idf" IntegerLookup: the IDF weights come from
   * {@code layers/integer_lookup/vars/idf_weights}, the vocabulary from the assets; the outputs are Keras' (the
   * golden case adapt_tf_idf: the same data and inputs). Saved again by keras4j, both come back.
   */
  @org.junit.jupiter.api.Test
  void kerasAdaptedTfIdfIsReadFromWeightsAndAssets() throws java.io.IOException {
    Path file = dir.resolve("tfidf.keras");
    try (var in = getClass().getResourceAsStream("integer_lookup_tf_idf_adapted.keras")) {
      java.nio.file.Files.copy(in, file);
    }
    com.fasterxml.jackson.databind.JsonNode golden = null;
    for (var c : io.keras4j.golden.Golden.read(io.keras4j.golden.Golden.files("layers-direct").stream()
        .filter(p -> p.endsWith("IntegerLookup.json")).findFirst().orElseThrow()).get("cases")) {
      if (c.get("name").asText().equals("adapt_tf_idf")) {
        golden = c;
      }
    }
    float[] x = io.keras4j.golden.Golden.array(golden.get("inputs").get(0)).toFloatArray();
    io.keras4j.data.NDArray expected = io.keras4j.golden.Golden.array(golden.get("outputs").get(0));
    HostArray xs = new HostArray(x, Shape.of(2, 3));
    try (Model m = Models.loadModel(file)) {
      io.keras4j.golden.Golden.assertClose(expected, m.predictOutputs(xs, 2).get(0), 1e-6, 1e-5, "tf_idf");
      Path again = dir.resolve("tfidf-again.keras");
      m.save(again);
      try (Model back = Models.loadModel(again)) {
        io.keras4j.golden.Golden.assertClose(expected, back.predictOutputs(xs, 2).get(0), 1e-6, 1e-5, "again");
      }
    }
  }

  /** HashedCrossing, a two-input layer, in a functional model saved and loaded. */
  @org.junit.jupiter.api.Test
  void hashedCrossingSavedAndLoaded() {
    KerasTensor a = Input.of(1);
    KerasTensor b = Input.of(1);
    HostArray xa = new HostArray(new float[] {1, 2, 1, 5}, Shape.of(4, 1));
    HostArray xb = new HostArray(new float[] {10, 10, 20, 3}, Shape.of(4, 1));
    try (Model m = new Model(List.of(a, b), List.of(new io.keras4j.layers.HashedCrossing(50).apply(List.of(a, b))
        .get(0)))) {
      Path file = dir.resolve("crossing.keras");
      m.save(file);
      try (Model back = Models.loadModel(file)) {
        float[] expected = m.predictOutputs(List.of(xa, xb), 4).get(0).toFloatArray();
        assertArrayEquals(expected, back.predictOutputs(List.of(xa, xb), 4).get(0).toFloatArray(), 0f);
      }
    }
  }

  /** A Pipeline's layers' weights lie where Keras puts them: layers/pipeline/layers/dense/vars/0. */
  @org.junit.jupiter.api.Test
  void pipelineWeightPathsAreKeras() {
    KerasTensor in = Input.of(3);
    try (Model m = new Model(in, new Pipeline(new Rescaling(0.5), new Dense(2)).apply(in))) {
      assertEquals(java.util.List.of("layers/pipeline/layers/dense/vars/0", "layers/pipeline/layers/dense/vars/1"),
          java.util.List.copyOf(io.keras4j.saving.formats.WeightsH5.paths(m, null).keySet()));
    }
  }

  /** A .keras file Keras 3.15.1 saved with an adapted IntegerLookup: the vocabulary is read from its assets. */
  @org.junit.jupiter.api.Test
  void kerasAdaptedVocabularyIsReadFromAssets() throws java.io.IOException {
    Path file = dir.resolve("keras.keras");
    try (var in = getClass().getResourceAsStream("integer_lookup_adapted.keras")) {
      java.nio.file.Files.copy(in, file);
    }
    try (Model m = Models.loadModel(file)) {
      IntegerLookup l = (IntegerLookup) m.layers().get(0);
      assertEquals(java.util.List.of(-1L, 12L, 42L, 1138L, 1000L), l.getVocabulary(true));
      float[] y = m.predictOutputs(new HostArray(new float[] {12, 1138, 42, 42, 1000, 36}, Shape.of(2, 3)), 2).get(0)
          .toFloatArray();
      assertArrayEquals(new float[] {1, 3, 2, 2, 4, 0}, y);
      Path again = dir.resolve("again.keras");
      m.save(again);
      try (Model back = Models.loadModel(again)) {
        assertEquals(l.getVocabulary(true), ((IntegerLookup) back.layers().get(0)).getVocabulary(true));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layers")
  void savedAndLoaded(String name, Supplier<Layer> factory, float[] x, int[] inputShape) {
    KerasTensor in = Input.of(inputShape);
    Layer layer = factory.get();
    try (Model m = new Model(in, layer.apply(in))) {
      Shape batch = Shape.of(inputShape).withBatch(x.length / (int) Shape.of(inputShape).size());
      HostArray xs = new HostArray(x, batch);
      Path file = dir.resolve(name + ".keras");
      m.save(file);
      try (Model loaded = Models.loadModel(file)) {
        Layer back = loaded.layers().get(1);
        assertEquals(layer.getClass(), back.getClass());
        assertEquals(EveryLayerRoundTripTest.json(layer.getConfig()), EveryLayerRoundTripTest.json(back.getConfig()));
        float[] expected = m.predictOutputs(xs, 3).get(0).toFloatArray();
        assertArrayEquals(expected, loaded.predictOutputs(xs, 3).get(0).toFloatArray(), 0f, name);
      }
    }
  }
}
