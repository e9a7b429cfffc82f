package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The mean intersection-over-union {@code tp / (tp + fp + fn)} over every class: {@link IoU} with all classes as
 * targets.
 *
 * <p>Keras equivalent: {@code keras.metrics.MeanIoU(num_classes, name=None, dtype=None, ignore_class=None,
 * sparse_y_true=True, sparse_y_pred=True, axis=-1)}, named "mean_io_u" by default; the state is
 * {@code total_confusion_matrix} as in {@link IoU}.
 * <pre>{@code new MeanIoU(3).ignoreClass(0)}</pre>
 */
public class MeanIoU extends BaseIoU<MeanIoU> {
  /**
   * The mean IoU over all {@code numClasses} classes (Keras' required {@code num_classes}).
   *
   * @throws IllegalArgumentException when {@code numClasses < 1}
   */
  public MeanIoU(int numClasses) {
    super("mean_io_u", numClasses, allClasses(numClasses), true, true);
  }

  /**
   * Sets a class id whose labels add nothing, such as a "void" class (Keras' {@code ignore_class=}). Default none.
   */
  public MeanIoU ignoreClass(int ignoreClass) {
    setIgnoreClass(ignoreClass);
    return this;
  }

  /**
   * Sets whether y_true holds class ids; else the argmax along {@code axis} is taken (Keras'
   * {@code sparse_y_true=}). Default true.
   */
  public MeanIoU sparseYTrue(boolean sparseYTrue) {
    setSparseYTrue(sparseYTrue);
    return this;
  }

  /**
   * Sets whether y_pred holds class ids; else the argmax along {@code axis} is taken (Keras'
   * {@code sparse_y_pred=}). Default true.
   */
  public MeanIoU sparseYPred(boolean sparseYPred) {
    setSparseYPred(sparseYPred);
    return this;
  }

  /** Sets the axis of the class scores that argmax reduces (Keras' {@code axis=}). Default -1. */
  public MeanIoU axis(int axis) {
    setAxis(axis);
    return this;
  }

  /** Keras' keys of {@code MeanIoU}: those of {@link IoU} without {@code target_class_ids}. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.remove("target_class_ids");
    return c;
  }

  /** The metric of Keras' config (Keras' {@code MeanIoU.from_config}). */
  public static MeanIoU fromConfig(Map<String, Object> config) {
    Config c = new Config("MeanIoU", config);
    return withIoUConfig(new MeanIoU(c.integer("num_classes")), c);
  }
}
