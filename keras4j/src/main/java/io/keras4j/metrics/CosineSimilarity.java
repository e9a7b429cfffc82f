package io.keras4j.metrics;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The mean over the samples of the cosine similarity of y_true and y_pred along {@code axis}: 1 for identical
 * directions, -1 for opposite ones.
 *
 * <p>Keras equivalent: {@code keras.metrics.CosineSimilarity(name="cosine_similarity", dtype=None, axis=-1)}: the
 * negative of {@link io.keras4j.losses.CosineSimilarity}'s per-sample values. Porting note: Keras 3.15.1's
 * {@code get_config} leaves {@code axis} out; keras4j writes it when it differs from -1, so that it survives a save.
 * <pre>{@code new CosineSimilarity().axis(1)}</pre>
 */
public class CosineSimilarity
    extends LossMean<CosineSimilarity, io.keras4j.losses.CosineSimilarity> {

  /** Cosine similarity along the last axis. */
  public CosineSimilarity() {
    super("cosine_similarity", new io.keras4j.losses.CosineSimilarity());
  }

  /** Sets the axis the similarity is computed along (Keras' {@code axis=}). Default -1. */
  public CosineSimilarity axis(int axis) {
    loss().axis(axis);
    return this;
  }

  public int axis() {
    return loss().axis();
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return ops().negative(super.values(yTrue, yPred));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    if (axis() != -1) {
      c.put("axis", axis());
    }
    return c;
  }

  /** The metric of Keras' config (Keras' {@code CosineSimilarity.from_config}). */
  public static CosineSimilarity fromConfig(Map<String, Object> config) {
    Config c = new Config("CosineSimilarity", config);
    return withBaseConfig(new CosineSimilarity().axis(c.integer("axis", -1)), c);
  }
}
