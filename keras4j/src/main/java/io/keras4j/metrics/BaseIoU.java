package io.keras4j.metrics;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Intersection-over-union from a weighted confusion matrix of class ids: the base of {@link IoU}, {@link MeanIoU},
 * {@link BinaryIoU}, {@link OneHotIoU} and {@link OneHotMeanIoU}.
 *
 * <p>Keras equivalent: {@code keras.src.metrics.iou_metrics._IoUBase} with {@code IoU.result}: the state is one
 * {@code total_confusion_matrix} of shape {@code (num_classes, num_classes)}, rows the true class, columns the
 * predicted one, of the metric's dtype ({@code "int64"} by default, so float sample weights are truncated as Keras
 * truncates them). Ids outside {@code [0, num_classes)} and the {@code ignore_class} add nothing. The result is the
 * mean over {@code target_class_ids} of {@code tp / (tp + fp + fn)}, classes that never occur left out.
 * Porting note: the state variable is created at the first update or result, once the dtype is known; an int32
 * dtype is kept in an int64 variable.
 *
 * @param <T> the concrete metric
 */
public abstract class BaseIoU<T extends BaseIoU<T>> extends BaseMetric<T> {
  private static final float EPSILON = 1e-7f;
  private final int numClasses;
  private int[] targetClassIds;
  private Integer ignoreClass;
  private boolean sparseYTrue;
  private boolean sparseYPred;
  private int axis = -1;
  private Variable totalCm;

  /** A metric over {@code numClasses} classes, reporting {@code targetClassIds}. */
  protected BaseIoU(String name, int numClasses, int[] targetClassIds, boolean sparseYTrue, boolean sparseYPred) {
    super(name);
    if (numClasses < 1) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": num_classes must be >= 1. Received: "
          + "num_classes=" + numClasses);
    }
    this.numClasses = numClasses;
    this.sparseYTrue = sparseYTrue;
    this.sparseYPred = sparseYPred;
    setTargetClassIds(targetClassIds);
    dtype("int64");
  }

  /** Every class id 0..n-1. */
  static int[] allClasses(int numClasses) {
    int[] ids = new int[Math.max(numClasses, 0)];
    Arrays.setAll(ids, i -> i);
    return ids;
  }

  public int numClasses() {
    return numClasses;
  }

  public int[] targetClassIds() {
    return targetClassIds.clone();
  }

  /** The ignored class id, or null. */
  public Integer ignoreClass() {
    return ignoreClass;
  }

  @Override
  protected boolean acceptsDtype(String dtype) {
    return List.of("float32", "int32", "int64").contains(dtype);
  }

  /**
   * Sets the dtype of the confusion matrix: "int64" (Keras' default "int"), "int32" or "float32" (Keras'
   * {@code dtype=}). Default "int64": weights are truncated to integers.
   */
  @Override
  public T dtype(String dtype) {
    if (totalCm != null && !dtype.equals(dtype())) {
      throw new IllegalStateException(getClass().getSimpleName() + " '" + name() + "' is already in use; set "
          + "`dtype` before the first update");
    }
    if (!acceptsDtype(dtype)) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " '" + name() + "': dtype must be one of "
          + "[float32, int32, int64]. Received: dtype=" + dtype);
    }
    return super.dtype(dtype);
  }

  private boolean intDtype() {
    return dtype().startsWith("int");
  }

  /** Sets the reported classes, each in [0, num_classes). */
  protected final void setTargetClassIds(int[] ids) {
    if (ids == null || ids.length == 0) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": target_class_ids must name at least one "
          + "class. Received: target_class_ids=" + Arrays.toString(ids));
    }
    for (int id : ids) {
      if (id >= numClasses || id < 0) {
        throw new IllegalArgumentException(getClass().getSimpleName() + ": Target class id " + id + " is out of "
            + "range, which is [0, " + numClasses + "). Received: target_class_ids=" + Arrays.toString(ids));
      }
    }
    this.targetClassIds = ids.clone();
  }

  /** Sets the class id whose labels add nothing (null: none). */
  protected final void setIgnoreClass(Integer ignoreClass) {
    this.ignoreClass = ignoreClass;
  }

  /** Sets whether y_true holds class ids (else scores, argmax taken along the axis). */
  protected final void setSparseYTrue(boolean sparse) {
    this.sparseYTrue = sparse;
  }

  /** Sets whether y_pred holds class ids (else scores, argmax taken along the axis). */
  protected final void setSparseYPred(boolean sparse) {
    this.sparseYPred = sparse;
  }

  /** Sets the axis of the scores that argmax reduces. */
  protected final void setAxis(int axis) {
    this.axis = axis;
  }

  /** The confusion matrix variable, created with the metric's dtype on first use. */
  private Variable cm() {
    if (totalCm == null) {
      totalCm = addVariable("total_confusion_matrix", Shape.of(numClasses, numClasses),
          intDtype() ? "int64" : "float32");
    }
    return totalCm;
  }

  /** {@code x} as Keras' cast to an integer dtype gives it (truncated toward zero), still float32. */
  protected static Tensor truncate(Tensor x) {
    Ops ops = ops();
    return ops.cast(ops.cast(x, "int32"), "float32");
  }

  /** y_true and y_pred as class ids, before the bounds check (BinaryIoU thresholds y_pred here). */
  protected Tensor[] classIds(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    Tensor t = sparseYTrue ? ops.cast(yTrue, "float32") : ops.cast(ops.argmax(yTrue, axis), "float32");
    Tensor p = sparseYPred ? ops.cast(yPred, "float32") : ops.cast(ops.argmax(yPred, axis), "float32");
    return intDtype() ? new Tensor[] {truncate(t), truncate(p)} : new Tensor[] {t, p};
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    Ops ops = ops();
    Variable v = cm();
    Tensor[] ids = classIds(yTrue, yPred);
    Tensor t = ops.reshape(ids[0], -1);
    Tensor p = ops.reshape(ids[1], -1);
    Tensor w;
    if (sampleWeight == null) {
      w = ops.onesLike(t);
    } else {
      w = ops.cast(sampleWeight, "float32");
      w = w.rank() > 1 ? ops.reshape(w, -1) : w;
      w = ops.multiply(w, ops.onesLike(t));
      w = intDtype() ? truncate(w) : w;
    }
    Tensor n = ops.constant((float) numClasses);
    Tensor zero = ops.constant(0f);
    Tensor inBounds = ops.logicalAnd(ops.logicalAnd(ops.greaterEqual(t, zero), ops.less(t, n)),
        ops.logicalAnd(ops.greaterEqual(p, zero), ops.less(p, n)));
    if (ignoreClass != null) {
      inBounds = ops.logicalAnd(inBounds, ops.notEqual(t, ops.constant((float) ignoreClass)));
    }
    w = ops.where(inBounds, w, ops.zerosLike(w));
    Tensor trueHot = ops.oneHot(ops.cast(ops.where(inBounds, t, ops.zerosLike(t)), "int32"), numClasses);
    Tensor predHot = ops.oneHot(ops.cast(ops.where(inBounds, p, ops.zerosLike(p)), "int32"), numClasses);
    Tensor batchCm = ops.matmul(ops.transpose(ops.multiply(trueHot, ops.expandDims(w, -1)), 1, 0), predHot);
    return List.of(ops.assign(v, ops.add(ops.cast(ops.read(v), "float32"), batchCm)));
  }

  @Override
  public Tensor result() {
    Ops ops = ops();
    Tensor cm = ops.cast(ops.read(cm()), "float32");
    float[] eye = new float[numClasses * numClasses];
    for (int i = 0; i < numClasses; i++) {
      eye[i * numClasses + i] = 1f;
    }
    Tensor tpAll = ops.sum(ops.multiply(cm, ops.constant(eye, Shape.of(numClasses, numClasses))), new int[] {1},
        false);
    Tensor denomAll = ops.subtract(ops.add(ops.sum(cm, new int[] {0}, false), ops.sum(cm, new int[] {1}, false)),
        tpAll);
    Tensor index = ops.constant(targetClassIds, Shape.of(targetClassIds.length));
    Tensor tpv = ops.take(tpAll, index, 0);
    Tensor denom = ops.take(denomAll, index, 0);
    Tensor valid = ops.greater(denom, ops.constant(1e-9f));
    Tensor iou = ops.divide(tpv, ops.add(denom, EPSILON));
    iou = ops.where(valid, iou, ops.zerosLike(iou));
    Tensor numValid = ops.sum(ops.cast(valid, "float32"), null, false);
    return ops.divide(ops.sum(iou, null, false), ops.add(numValid, EPSILON));
  }

  /** Keras' keys of {@code IoU}: name, dtype, num_classes, target_class_ids, ignore_class, sparse_*, axis. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("num_classes", numClasses);
    c.put("target_class_ids", Arrays.stream(targetClassIds).boxed().toList());
    c.put("ignore_class", ignoreClass);
    c.put("sparse_y_true", sparseYTrue);
    c.put("sparse_y_pred", sparseYPred);
    c.put("axis", axis);
    return c;
  }

  /** Reads {@code ignore_class}, {@code sparse_y_true}, {@code sparse_y_pred} and {@code axis} when present. */
  protected static <T extends BaseIoU<T>> T withIoUConfig(T m, Config c) {
    m.setIgnoreClass(c.optionalInteger("ignore_class"));
    if (c.has("sparse_y_true")) {
      m.setSparseYTrue(c.bool("sparse_y_true", true));
    }
    if (c.has("sparse_y_pred")) {
      m.setSparseYPred(c.bool("sparse_y_pred", true));
    }
    m.setAxis(c.integer("axis", -1));
    return withBaseConfig(m, c);
  }
}
