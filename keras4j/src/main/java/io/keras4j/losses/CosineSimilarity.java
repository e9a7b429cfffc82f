package io.keras4j.losses;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.Map;

/**
 * The negative cosine similarity of y_true and y_pred along {@code axis}: -1 for identical directions.
 *
 * <p>Keras equivalent: {@code keras.losses.CosineSimilarity(axis=-1)}.
 */
public class CosineSimilarity extends Loss {
  private final int axis;

  public CosineSimilarity() {
    this(-1);
  }

  public CosineSimilarity(int axis) {
    super("cosine_similarity");
    this.axis = axis;
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
    c.put("axis", axis);
    return c;
  }
}
