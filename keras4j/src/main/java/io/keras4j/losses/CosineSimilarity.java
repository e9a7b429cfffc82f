package io.keras4j.losses;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The negative cosine similarity of y_true and y_pred along {@code axis}: -1 for identical directions.
 *
 * <p>Keras equivalent: {@code keras.losses.CosineSimilarity(axis=-1, reduction="sum_over_batch_size",
 * name="cosine_similarity")}. Porting note: Keras 3.15.1's {@code get_config} leaves {@code axis} out; keras4j
 * writes it when it differs from -1, so that it survives a save.
 * <pre>{@code new CosineSimilarity().axis(1)}</pre>
 */
public class CosineSimilarity extends BaseLoss<CosineSimilarity> {
  private int axis = -1;

  /** Cosine similarity along the last axis. */
  public CosineSimilarity() {
    super("cosine_similarity");
  }

  /** Sets the axis the similarity is computed along (Keras' {@code axis=}). Default -1. */
  public CosineSimilarity axis(int axis) {
    this.axis = axis;
    return this;
  }

  public int axis() {
    return axis;
  }

  /** {@code x / sqrt(max(sum(x^2), 1e-12))} along {@code axis}. */
  static Tensor l2Normalize(Ops ops, Tensor x, int axis) {
    return ops.multiply(x, ops.rsqrt(ops.maximum(ops.sum(ops.square(x), new int[] {axis}, true), 1e-12f)));
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    Tensor t = l2Normalize(ops, yTrue, axis);
    Tensor p = l2Normalize(ops, yPred, axis);
    return ops.negative(ops.sum(ops.multiply(t, p), new int[] {axis}, false));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    if (axis != -1) {
      c.put("axis", axis);
    }
    return c;
  }

  /** The loss of Keras' config (Keras' {@code CosineSimilarity.from_config}). */
  public static CosineSimilarity fromConfig(Map<String, Object> config) {
    Config c = new Config("CosineSimilarity", config);
    return withBaseConfig(new CosineSimilarity().axis(c.integer("axis", -1)), c);
  }
}
