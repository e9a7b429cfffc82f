package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Intersection-over-union of given classes for one-hot labels and class scores: {@link IoU} with the argmax of
 * y_true (and of y_pred unless {@code sparse_y_pred}) taken along {@code axis}.
 *
 * <p>Keras equivalent: {@code keras.metrics.OneHotIoU(num_classes, target_class_ids, name=None, dtype=None,
 * ignore_class=None, sparse_y_pred=False, axis=-1)}, named "one_hot_io_u" by default; the state is
 * {@code total_confusion_matrix} as in {@link IoU}.
 * <pre>{@code new OneHotIoU(3, 0, 2)}</pre>
 */
public class OneHotIoU extends BaseIoU<OneHotIoU> {
  /**
   * The IoU over {@code numClasses} classes of one-hot labels, averaged over {@code targetClassIds} (Keras' required
   * {@code num_classes} and {@code target_class_ids}).
   *
   * @throws IllegalArgumentException when no class is given or one lies outside [0, num_classes)
   */
  public OneHotIoU(int numClasses, int... targetClassIds) {
    super("one_hot_io_u", numClasses, targetClassIds, false, false);
  }

  /**
   * Sets a class id whose labels add nothing, such as a "void" class (Keras' {@code ignore_class=}). Default none.
   */
  public OneHotIoU ignoreClass(int ignoreClass) {
    setIgnoreClass(ignoreClass);
    return this;
  }

  /**
   * Sets whether y_pred holds class ids; else the argmax along {@code axis} is taken (Keras'
   * {@code sparse_y_pred=}). Default false.
   */
  public OneHotIoU sparseYPred(boolean sparseYPred) {
    setSparseYPred(sparseYPred);
    return this;
  }

  /** Sets the axis of the class scores that argmax reduces (Keras' {@code axis=}). Default -1. */
  public OneHotIoU axis(int axis) {
    setAxis(axis);
    return this;
  }

  /** Keras' keys of {@code OneHotIoU}: those of {@link IoU} without {@code sparse_y_true}. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.remove("sparse_y_true");
    return c;
  }

  /** The metric of Keras' config (Keras' {@code OneHotIoU.from_config}). */
  public static OneHotIoU fromConfig(Map<String, Object> config) {
    Config c = new Config("OneHotIoU", config);
    return withIoUConfig(new OneHotIoU(c.integer("num_classes"), c.ints("target_class_ids", null)), c);
  }
}
