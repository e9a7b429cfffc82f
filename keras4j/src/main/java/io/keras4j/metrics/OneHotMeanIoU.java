package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The mean intersection-over-union over every class for one-hot labels and class scores: {@link MeanIoU} with the
 * argmax of y_true (and of y_pred unless {@code sparse_y_pred}) taken along {@code axis}.
 *
 * <p>Keras equivalent: {@code keras.metrics.OneHotMeanIoU(num_classes, name=None, dtype=None, ignore_class=None,
 * sparse_y_pred=False, axis=-1)}, named "one_hot_mean_io_u" by default; the state is
 * {@code total_confusion_matrix} as in {@link IoU}.
 * <pre>{@code new OneHotMeanIoU(3)}</pre>
 */
public class OneHotMeanIoU extends BaseIoU<OneHotMeanIoU> {
  /**
   * The mean IoU over all {@code numClasses} classes of one-hot labels (Keras' required {@code num_classes}).
   *
   * @throws IllegalArgumentException when {@code numClasses < 1}
   */
  public OneHotMeanIoU(int numClasses) {
    super("one_hot_mean_io_u", numClasses, allClasses(numClasses), false, false);
  }

  /**
   * Sets a class id whose labels add nothing, such as a "void" class (Keras' {@code ignore_class=}). Default none.
   */
  public OneHotMeanIoU ignoreClass(int ignoreClass) {
    setIgnoreClass(ignoreClass);
    return this;
  }

  /**
   * Sets whether y_pred holds class ids; else the argmax along {@code axis} is taken (Keras'
   * {@code sparse_y_pred=}). Default false.
   */
  public OneHotMeanIoU sparseYPred(boolean sparseYPred) {
    setSparseYPred(sparseYPred);
    return this;
  }

  /** Sets the axis of the class scores that argmax reduces (Keras' {@code axis=}). Default -1. */
  public OneHotMeanIoU axis(int axis) {
    setAxis(axis);
    return this;
  }

  /** Keras' keys: those of {@link IoU} without {@code target_class_ids} and {@code sparse_y_true}. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.remove("target_class_ids");
    c.remove("sparse_y_true");
    return c;
  }

  /** The metric of Keras' config (Keras' {@code OneHotMeanIoU.from_config}). */
  public static OneHotMeanIoU fromConfig(Map<String, Object> config) {
    Config c = new Config("OneHotMeanIoU", config);
    return withIoUConfig(new OneHotMeanIoU(c.integer("num_classes")), c);
  }
}
