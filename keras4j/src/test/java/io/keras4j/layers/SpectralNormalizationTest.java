package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.golden.Golden;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SpectralNormalization: the power iteration and the kernel assignment by hand, the weights Keras leaves after a
 * training call (golden file), a training step taken at the normalized kernel, weights order, config and errors.
 */
class SpectralNormalizationTest {
  @Test
  void passesTheHarness() {
    LayerHarness.of(() -> new SpectralNormalization(new Dense(3))).input(4).output(-1, 3).weights(2, 1).run();
  }

  @Test
  void weightsAreKernelVectorUThenTheRest() {
    SpectralNormalization s = new SpectralNormalization(new Conv2D(2, 3));
    s.apply(Input.of(5, 5, 1));
    List<String> names = new ArrayList<>();
    s.weights().forEach(v -> names.add(v.name()));
    assertEquals(List.of("kernel", "vector_u", "bias"), names);
    assertEquals(Shape.of(1, 2), s.weights().get(1).shape());
    assertEquals(2, s.trainableWeights().size());
  }

  @Test
  void aTrainingCallDividesTheKernelByItsLargestSingularValue() {
    // kernel diag(3, 1), u = (1, 0): v = (1, 0), u = (1, 0), sigma = 3; the kernel becomes diag(1, 1/3)
    SpectralNormalization s = new SpectralNormalization(new Dense(2).useBias(false));
    s.apply(Input.of(2));
    s.setWeights(List.of(NDArray.of(new float[][] {{3, 0}, {0, 1}}), NDArray.of(new float[][] {{1, 0}})));
    float[] inference = GraphFixture.eval1(new float[] {1, 1}, Shape.of(1, 2), t -> s.apply(t, false));
    assertArrayEquals(new float[] {3, 1}, inference, 1e-6f);
    float[] training = GraphFixture.eval1(new float[] {1, 1}, Shape.of(1, 2), t -> s.apply(t, true));
    assertArrayEquals(new float[] {1, 1 / 3f}, training, 1e-6f);
    assertArrayEquals(new float[] {1, 0, 0, 1 / 3f}, s.getWeights().get(0).toFloatArray(), 1e-6f);
    assertArrayEquals(new float[] {1, 0}, s.getWeights().get(1).toFloatArray(), 1e-6f);
  }

  @Test
  void anAllZeroKernelIsLeftAlone() {
    SpectralNormalization s = new SpectralNormalization(new Dense(2).useBias(false));
    s.apply(Input.of(2));
    s.setWeights(List.of(NDArray.of(new float[][] {{0, 0}, {0, 0}}), NDArray.of(new float[][] {{0.5f, 0.5f}})));
    GraphFixture.eval1(new float[] {1, 1}, Shape.of(1, 2), t -> s.apply(t, true));
    assertArrayEquals(new float[] {0, 0, 0, 0}, s.getWeights().get(0).toFloatArray());
    assertArrayEquals(new float[] {0.5f, 0.5f}, s.getWeights().get(1).toFloatArray());
  }

  @Test
  void aTrainingStepTakesTheGradientAtTheNormalizedKernel() {
    // kernel (2, 0)^T, u = 1: sigma = 2, kernel (1, 0); x = (1, 1), y = 0: prediction 1, mse gradient 2 (1, 1);
    // SGD 0.1 then leaves (1 - 0.2, 0 - 0.2)
    SpectralNormalization s = new SpectralNormalization(new Dense(1).useBias(false));
    Sequential m = new Sequential();
    m.add(s.inputShape(2));
    m.compile(new CompileOptions().optimizer(new SGD(0.1)).loss("mse"));
    s.setWeights(List.of(NDArray.of(new float[][] {{2}, {0}}), NDArray.of(new float[][] {{1}})));
    m.trainOnBatch(new float[][] {{1, 1}}, new float[] {0});
    assertArrayEquals(new float[] {0.8f, -0.2f}, s.getWeights().get(0).toFloatArray(), 1e-6f);
    m.close();
  }

  @Test
  void leavesTheWeightsKerasLeavesAfterATrainingCall() {
    Path file = Golden.files("layers").stream().filter(p -> p.endsWith("SpectralNormalization.json")).findFirst()
        .orElseThrow();
    for (JsonNode c : Golden.read(file).get("cases")) {
      String id = c.get("name").asText();
      Layer layer = Layers.deserialize(Map.of("class_name", "SpectralNormalization", "config",
          Golden.map(c.get("config"))));
      NDArray x = Golden.array(c.get("inputs").get(0));
      long[] shape = x.shape();
      layer.apply(Input.of(Shape.of(java.util.Arrays.copyOfRange(shape, 1, shape.length)), null));
      List<NDArray> before = new ArrayList<>();
      c.get("weights").forEach(w -> before.add(Golden.array(w)));
      layer.setWeights(before);
      boolean training = c.get("training").asBoolean();
      GraphFixture.eval1(x.toFloatArray(), Shape.of(shape), t -> layer.apply(t, training));
      List<NDArray> after = layer.getWeights();
      for (int i = 0; i < after.size(); i++) {
        Golden.assertClose(Golden.array(c.get("weights_after").get(i)), after.get(i), 1e-5, 1e-5, id + " weight " + i);
      }
    }
  }

  @Test
  void configAndErrors() {
    SpectralNormalization s = new SpectralNormalization(new Dense(4).name("d")).powerIterations(3);
    Map<String, Object> c = s.getConfig();
    assertEquals(3, c.get("power_iterations"));
    assertEquals("Dense", ((Map<?, ?>) c.get("layer")).get("class_name"));
    SpectralNormalization again = SpectralNormalization.fromConfig(c);
    assertEquals(EveryConfig.json(c), EveryConfig.json(again.getConfig()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SpectralNormalization(new Dense(2)).powerIterations(0));
    assertTrue(e.getMessage().contains("`power_iterations=0`"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new SpectralNormalization(new Activation("relu")).apply(Input.of(3)));
    assertTrue(e.getMessage().contains("no attribute 'kernel' nor 'embeddings'"), e.getMessage());
  }
}
