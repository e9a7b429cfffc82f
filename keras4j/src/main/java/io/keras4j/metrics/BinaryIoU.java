package io.keras4j.metrics;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Intersection-over-union of class 0 and/or class 1 for binary labels and scores: a score counts as class 1 when it
 * is at least {@code threshold}.
 *
 * <p>Keras equivalent: {@code keras.metrics.BinaryIoU(target_class_ids=(0, 1), threshold=0.5, name=None,
 * dtype=None)}, named "binary_io_u" by default: {@link IoU} over 2 classes of the thresholded predictions; the state
 * is {@code total_confusion_matrix} of shape (2, 2).
 * <pre>{@code new BinaryIoU().targetClassIds(1).threshold(0.3)}</pre>
 */
public class BinaryIoU extends BaseIoU<BinaryIoU> {
  private double threshold = 0.5;

  /** The mean IoU of classes 0 and 1 at threshold 0.5. */
  public BinaryIoU() {
    super("binary_io_u", 2, new int[] {0, 1}, true, true);
  }

  /**
   * Sets the classes averaged: {@code 0}, {@code 1} or both (Keras' {@code target_class_ids=}). Default
   * {@code (0, 1)}.
   */
  public BinaryIoU targetClassIds(int... targetClassIds) {
    setTargetClassIds(targetClassIds);
    return this;
  }

  /** Sets the score from which a prediction is class 1 (Keras' {@code threshold=}). Default 0.5. */
  public BinaryIoU threshold(double threshold) {
    if (Double.isNaN(threshold)) {
      throw new IllegalArgumentException("BinaryIoU '" + name() + "': threshold must be a number. Received: "
          + "threshold=NaN");
    }
    this.threshold = threshold;
    return this;
  }

  public double threshold() {
    return threshold;
  }

  /** y_true as the dtype reads it, y_pred as 1 where {@code y_pred >= threshold}, else 0. */
  @Override
  protected Tensor[] classIds(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    Tensor t = ops.cast(yTrue, "float32");
    Tensor p = ops.cast(ops.greaterEqual(ops.cast(yPred, "float32"), ops.constant((float) threshold)), "float32");
    return super.classIds(dtype().startsWith("int") ? truncate(t) : t, p);
  }

  /** Keras' keys: target_class_ids, threshold, name, dtype. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.remove("num_classes");
    c.remove("ignore_class");
    c.remove("sparse_y_true");
    c.remove("sparse_y_pred");
    c.remove("axis");
    c.put("threshold", threshold);
    return c;
  }

  /** The metric of Keras' config (Keras' {@code BinaryIoU.from_config}). */
  public static BinaryIoU fromConfig(Map<String, Object> config) {
    Config c = new Config("BinaryIoU", config);
    BinaryIoU m = new BinaryIoU().threshold(c.number("threshold", 0.5));
    if (c.has("target_class_ids")) {
      m.targetClassIds(c.ints("target_class_ids", null));
    }
    return withBaseConfig(m, c);
  }
}
