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
import io.keras4j.layers.Input;
import io.keras4j.layers.Layer;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.nio.file.Path;
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
        of("PipelineWithWeights", () -> new Pipeline(new Rescaling(0.5), new Dense(2)), values, 3),
        of("STFTSpectrogram", () -> new STFTSpectrogram().frameLength(4).mode("log"), values, 6, 1));
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
