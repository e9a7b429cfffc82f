package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Intersection-over-union {@code tp / (tp + fp + fn)} of given classes, averaged over them: the common metric of
 * semantic segmentation.
 *
 * <p>Keras equivalent: {@code keras.metrics.IoU(num_classes, target_class_ids, name=None, dtype=None,
 * ignore_class=None, sparse_y_true=True, sparse_y_pred=True, axis=-1)}, named "io_u" by default: a weighted
 * confusion matrix of class ids (state {@code total_confusion_matrix}, dtype "int64" unless set), from which the
 * IoU of each class in {@code target_class_ids} is taken and averaged over the classes that occur.
 * <pre>{@code new IoU(3, 0, 2).ignoreClass(255).sparseYPred(false)}</pre>
 */
public class IoU extends BaseIoU<IoU> {
  /**
   * The IoU over {@code numClasses} classes, averaged over {@code targetClassIds} (Keras' required
   * {@code num_classes} and {@code target_class_ids}).
   *
   * @throws IllegalArgumentException when no class is given or one lies outside [0, num_classes)
   */
  public IoU(int numClasses, int... targetClassIds) {
    super("io_u", numClasses, targetClassIds, true, true);
  }

  /**
   * Sets a class id whose labels add nothing, such as a "void" class (Keras' {@code ignore_class=}). Default none.
   */
  public IoU ignoreClass(int ignoreClass) {
    setIgnoreClass(ignoreClass);
    return this;
  }

  /**
   * Sets whether y_true holds class ids; else the argmax along {@code axis} is taken (Keras'
   * {@code sparse_y_true=}). Default true.
   */
  public IoU sparseYTrue(boolean sparseYTrue) {
    setSparseYTrue(sparseYTrue);
    return this;
  }

  /**
   * Sets whether y_pred holds class ids; else the argmax along {@code axis} is taken (Keras'
   * {@code sparse_y_pred=}). Default true.
   */
  public IoU sparseYPred(boolean sparseYPred) {
    setSparseYPred(sparseYPred);
    return this;
  }

  /** Sets the axis of the class scores that argmax reduces (Keras' {@code axis=}). Default -1. */
  public IoU axis(int axis) {
    setAxis(axis);
    return this;
  }

  /** The metric of Keras' config (Keras' {@code IoU.from_config}). */
  public static IoU fromConfig(Map<String, Object> config) {
    Config c = new Config("IoU", config);
    return withIoUConfig(new IoU(c.integer("num_classes"), c.ints("target_class_ids", null)), c);
  }
}
