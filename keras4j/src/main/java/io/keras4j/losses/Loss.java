package io.keras4j.losses;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The base of every loss: a per-sample loss, weighted by sample weights and reduced as Keras reduces.
 *
 * <p>Keras equivalent: {@code keras.losses.Loss(name=None, reduction="sum_over_batch_size")}. Subclasses implement
 * {@link #call}; {@link #apply} matches ranks, weights and reduces. keras4j's losses extend {@link BaseLoss},
 * whose setters return the concrete class. A custom loss is a subclass or {@link #of(String, BiFunction)}.
 * <pre>{@code
 * Loss mse = Loss.of("my_mse", (t, p) -> ops.mean(ops.square(ops.subtract(p, t)), new int[] {-1}, false));
 * }</pre>
 */
public abstract class Loss implements io.keras4j.saving.KerasSerializable {
  /** Keras' module, {@code "keras.losses"}. */
  @Override
  public String kerasModule() {
    return "keras.losses";
  }

  private static final List<String> REDUCTIONS = List.of("sum_over_batch_size", "sum", "mean",
      "mean_with_sample_weight", "none");
  private String name;
  private String reduction = "sum_over_batch_size";

  protected Loss(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Sets the name (Keras' {@code name=}). Default: Keras' snake-case name of the loss. */
  public Loss name(String name) {
    this.name = name;
    return this;
  }

  public String reduction() {
    return reduction;
  }

  /**
   * Sets the reduction (Keras' {@code reduction=}): "sum_over_batch_size" (default) or "mean", the mean over all
   * elements; "sum"; "mean_with_sample_weight", the sum divided by the sum of the sample weights (the mean over all
   * elements when there are none); or "none".
   */
  public Loss reduction(String reduction) {
    if (!REDUCTIONS.contains(reduction)) {
      throw new IllegalArgumentException("Invalid value for argument `reduction`. Expected one of " + REDUCTIONS
          + ". Received: reduction=" + reduction);
    }
    this.reduction = reduction;
    return this;
  }

  /** The unreduced loss: one value per sample (the last axis reduced). */
  public abstract Tensor call(Tensor yTrue, Tensor yPred);

  /**
   * The reduced loss (Keras' {@code loss(y_true, y_pred, sample_weight)}); {@code sampleWeight} may be null. As in
   * Keras, the mask attached to {@code yPred} ({@link Backend#getKerasMask}, such as an Embedding's with
   * {@code mask_zero}) and {@link #mask} leave the masked entries out: "sum_over_batch_size" divides by the number of
   * entries kept.
   */
  public Tensor apply(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    Ops ops = Backend.ops();
    Tensor inMask = Backend.getKerasMask(yPred);
    yTrue = matchRank(ops, ops.cast(yTrue, yPred.dtype()), yPred);
    Tensor losses = call(yTrue, yPred);
    Tensor mask = mask(yTrue, yPred);
    if (inMask != null) {
      Tensor m = ops.cast(inMask, "float32");
      mask = mask == null ? m : ops.multiply(mask, m);
    }
    if (mask != null) {
      sampleWeight = withMask(ops, mask, sampleWeight);
    }
    if (sampleWeight != null) {
      Tensor sw = ops.cast(sampleWeight, losses.dtype());
      while (sw.rank() > losses.rank() && sw.shape().get(-1) == 1) {
        sw = ops.squeeze(sw, -1);
      }
      while (sw.rank() < losses.rank()) {
        sw = ops.expandDims(sw, -1);
      }
      losses = ops.multiply(losses, sw);
      if (reduction.equals("mean_with_sample_weight")) {
        return ops.divideNoNan(ops.sum(losses, null, false), ops.sum(sw, null, false));
      }
    }
    return reduce(ops, losses);
  }

  /**
   * A 0/1 float mask of the per-sample losses marking the entries that count, or null when all do (the default).
   * Keras equivalent: the Keras mask a loss function sets on its result, such as
   * {@code sparse_categorical_crossentropy}'s with {@code ignore_class}.
   */
  protected Tensor mask(Tensor yTrue, Tensor yPred) {
    return null;
  }

  /**
   * Keras' {@code apply_mask}: the mask merged into the sample weights; for "sum_over_batch_size" and "mean" the
   * valid entries weigh total/valid, so that the reduction averages over them only.
   */
  private Tensor withMask(Ops ops, Tensor mask, Tensor sampleWeight) {
    Tensor m = mask;
    if (reduction.equals("sum_over_batch_size") || reduction.equals("mean")) {
      Tensor total = ops.cast(ops.prod(ops.shapeOf(mask), null, false), "float32");
      m = ops.multiply(mask, ops.divideNoNan(total, ops.sum(mask, null, false)));
    }
    if (sampleWeight == null) {
      return m;
    }
    Tensor sw = ops.cast(sampleWeight, m.dtype());
    if (sw.rank() == m.rank() + 1 && sw.shape().get(-1) == 1) {
      sw = ops.squeeze(sw, -1);
    } else if (m.rank() == sw.rank() + 1 && m.shape().get(-1) == 1) {
      m = ops.squeeze(m, -1);
    }
    while (sw.rank() < m.rank()) {
      sw = ops.expandDims(sw, -1); // porting note: (batch,) weights meet a (batch, steps) mask along the batch axis
    }
    return ops.multiply(sw, m);
  }

  private Tensor reduce(Ops ops, Tensor losses) {
    return switch (reduction) {
      case "none" -> losses;
      case "sum" -> ops.sum(losses, null, false);
      default -> ops.divide(ops.sum(losses, null, false),
          ops.cast(ops.prod(ops.shapeOf(losses), null, false), "float32"));
    };
  }

  /** Expands or squeezes {@code yTrue}'s last axis so its rank matches {@code yPred}'s, as Keras does. */
  public static Tensor matchRank(Ops ops, Tensor yTrue, Tensor yPred) {
    if (yTrue.rank() == yPred.rank() - 1 && yPred.shape().get(-1) == 1) {
      return ops.expandDims(yTrue, -1);
    }
    if (yTrue.rank() == yPred.rank() + 1 && yTrue.shape().get(-1) == 1) {
      return ops.squeeze(yTrue, -1);
    }
    return yTrue;
  }

  /** Keras' config: name and reduction plus the subclass' keyword arguments. */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("reduction", reduction);
    return c;
  }

  /** Reads {@code name} and {@code reduction} into {@code l} (the end of each subclass' {@code fromConfig}). */
  protected static <T extends Loss> T withBaseConfig(T l, Config c) {
    if (c.has("name")) {
      l.name(c.string("name", l.name()));
    }
    if (c.asMap().containsKey("reduction")) {
      l.reduction(c.string("reduction", "none")); // Keras' None is "none"
    }
    return l;
  }

  /** A loss from a function of (y_true, y_pred) returning one value per sample. */
  public static Loss of(String name, BiFunction<Tensor, Tensor, Tensor> fn) {
    return new Loss(name) {
      @Override
      public Tensor call(Tensor yTrue, Tensor yPred) {
        return fn.apply(yTrue, yPred);
      }
    };
  }

  protected static Ops ops() {
    return Backend.ops();
  }

  /** mean over the last axis. */
  protected static Tensor meanLast(Tensor x) {
    return ops().mean(x, new int[] {-1}, false);
  }

  /** sum over the last axis. */
  protected static Tensor sumLast(Tensor x) {
    return ops().sum(x, new int[] {-1}, false);
  }
}
