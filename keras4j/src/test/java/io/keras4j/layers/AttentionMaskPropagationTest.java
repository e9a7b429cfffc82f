package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.keras4j.backend.KerasTensor;
import io.keras4j.models.Model;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The attention layers read the Keras masks of their inputs as Keras does (Attention: {@code mask=[query's,
 * value's]}; MultiHeadAttention: the query's, value's and key's): a model whose inputs carry masks predicts what
 * the same layer predicts with those masks given explicitly (whose numbers AttentionGoldenTest checks against
 * Keras), and differs from the unmasked layer.
 */
class AttentionMaskPropagationTest {
  @Test
  void attentionUsesTheQueryAndValueMasks() {
    check(() -> new Attention().useScale(true), List.of("query", "value"));
  }

  @Test
  void additiveAttentionUsesTheQueryAndValueMasks() {
    check(AdditiveAttention::new, List.of("query", "value"));
  }

  @Test
  void multiHeadAttentionUsesTheQueryValueAndKeyMasks() {
    check(() -> new MultiHeadAttention(2, 2).seed(1), List.of("query", "value", "key"));
  }

  private static void check(Supplier<Layer> make, List<String> names) {
    float[][] xs = new float[names.size()][];
    Random r = new Random(3);
    for (int i = 0; i < xs.length; i++) {
      xs[i] = new float[2 * 4 * 3];
      for (int j = 0; j < xs[i].length; j++) {
        xs[i][j] = (float) r.nextGaussian();
      }
    }
    Layer implicit = make.get();
    float[] withMasks = predict(implicit, names, xs, "implicit", null);
    float[] expected = predict(make.get(), names, xs, "explicit", implicit);
    float[] unmasked = predict(make.get(), names, xs, "none", implicit);
    assertArrayEquals(expected, withMasks, 1e-6f);
    assertFalse(java.util.Arrays.equals(unmasked, withMasks), "the masks must matter");
  }

  /** The layer's first output on {@code xs} (batch 2, 4 steps, 3 features), with the masks passed as {@code how}. */
  private static float[] predict(Layer layer, List<String> names, float[][] xs, String how, Layer weightsFrom) {
    List<KerasTensor> ins = new java.util.ArrayList<>();
    List<Object> feed = new java.util.ArrayList<>();
    Map<String, KerasTensor> args = new java.util.LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      KerasTensor in = Input.of(4, 3);
      ins.add(in);
      feed.add(io.keras4j.data.NDArray.of(xs[i], new long[] {2, 4, 3}));
      args.put(names.get(i), how.equals("implicit") ? new MaskFromFirstFeature().apply(in) : in);
    }
    if (how.equals("explicit")) {
      for (int i = 0; i < names.size(); i++) {
        KerasTensor m = Input.of(4);
        ins.add(m);
        feed.add(io.keras4j.data.NDArray.of(mask(xs[i]), new long[] {2, 4}));
        args.put(names.get(i) + "_mask", m);
      }
    }
    List<KerasTensor> out = layer instanceof MultiHeadAttention mha ? mha.apply(args)
        : ((BaseAttention<?>) layer).apply(args);
    if (weightsFrom != null) {
      layer.setWeights(weightsFrom.getWeights());
    }
    try (Model model = new Model(ins, List.of(out.get(0)))) {
      return model.predictOutputs(feed, 2).get(0).toFloatArray();
    }
  }

  /** MaskFromFirstFeature's mask as 0/1 values: the first feature positive, or step 0. */
  private static float[] mask(float[] x) {
    float[] m = new float[8];
    for (int i = 0; i < 8; i++) {
      m[i] = x[i * 3] > 0 || i % 4 == 0 ? 1 : 0;
    }
    return m;
  }
}
