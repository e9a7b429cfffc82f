package io.keras4j.metrics;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Area under the ROC or precision-recall curve, from confusion counts at {@code num_thresholds} thresholds.
 *
 * <p>Keras equivalent: {@code keras.metrics.AUC(num_thresholds=200, curve="ROC", summation_method="interpolation",
 * name="auc", dtype=None, thresholds=None, multi_label=False, num_labels=None, label_weights=None,
 * from_logits=False)}: thresholds {@code i/(n-1)} with the ends moved by 1e-7; a Riemann sum over them, the
 * heights averaged ("interpolation"; for PR Davis and Goadrich's interpolation), or their minimum ("minoring") or
 * maximum ("majoring"). With {@code multi_label} each label gets its own curve and the areas are averaged,
 * weighted by {@code label_weights}.
 * <pre>{@code new AUC().curve("PR").numThresholds(100).fromLogits(true)}</pre>
 */
public class AUC extends ConfusionMetric<AUC> {
  private static final List<String> CURVES = List.of("ROC", "PR");
  private static final List<String> SUMMATIONS = List.of("interpolation", "minoring", "majoring");
  private int numThresholds = 200;
  private double[] thresholds;
  private String curve = "ROC";
  private String summationMethod = "interpolation";
  private boolean multiLabel;
  private int numLabels;
  private double[] labelWeights;
  private boolean fromLogits;

  /** AUC of the ROC curve at 200 thresholds. */
  public AUC() {
    super("auc");
  }

  /** Sets the number of evenly spaced thresholds, > 1 (Keras' {@code num_thresholds=}). Default 200. */
  public AUC numThresholds(int numThresholds) {
    checkNotBuilt("num_thresholds");
    if (numThresholds <= 1) {
      throw new IllegalArgumentException("Argument `num_thresholds` must be an integer > 1. Received: "
          + "num_thresholds=" + numThresholds);
    }
    this.numThresholds = numThresholds;
    this.thresholds = null;
    return this;
  }

  /**
   * Sets the thresholds, each in [0, 1], replacing the evenly spaced ones; 0 - 1e-7 and 1 + 1e-7 are added at the
   * ends (Keras' {@code thresholds=}). Default none.
   */
  public AUC thresholds(double... thresholds) {
    checkNotBuilt("thresholds");
    checkThresholds("AUC", thresholds);
    this.thresholds = thresholds.clone();
    Arrays.sort(this.thresholds);
    this.numThresholds = thresholds.length + 2;
    return this;
  }

  /** Sets the curve, "ROC" or "PR" (Keras' {@code curve=}). Default "ROC". */
  public AUC curve(String curve) {
    if (!CURVES.contains(curve.toUpperCase(Locale.ROOT))) {
      throw new IllegalArgumentException("Invalid AUC curve value: \"" + curve + "\". Expected values are " + CURVES);
    }
    this.curve = curve.toUpperCase(Locale.ROOT);
    return this;
  }

  /**
   * Sets how the area is summed: "interpolation", "minoring" or "majoring" (Keras' {@code summation_method=}).
   * Default "interpolation".
   */
  public AUC summationMethod(String summationMethod) {
    if (!SUMMATIONS.contains(summationMethod.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("Invalid AUC summation method value: \"" + summationMethod
          + "\". Expected values are " + SUMMATIONS);
    }
    this.summationMethod = summationMethod.toLowerCase(Locale.ROOT);
    return this;
  }

  /** Sets one curve per label, the areas averaged (Keras' {@code multi_label=}). Default false. */
  public AUC multiLabel(boolean multiLabel) {
    checkNotBuilt("multi_label");
    this.multiLabel = multiLabel;
    return this;
  }

  /** Sets the number of labels of a multi-label AUC (Keras' {@code num_labels=}). Default: y_pred's last axis. */
  public AUC numLabels(int numLabels) {
    checkNotBuilt("num_labels");
    if (numLabels < 1) {
      throw new IllegalArgumentException("AUC: num_labels must be >= 1. Received: num_labels=" + numLabels);
    }
    this.numLabels = numLabels;
    return this;
  }

  /**
   * Sets per-label weights, non-negative: of the averaged areas with {@code multi_label}, else of the counts
   * (Keras' {@code label_weights=}). Default none.
   */
  public AUC labelWeights(double... labelWeights) {
    checkNotBuilt("label_weights");
    for (double w : labelWeights) {
      if (!(w >= 0)) {
        throw new IllegalArgumentException("All values of `label_weights` must be non-negative. Received: "
            + "label_weights=" + Arrays.toString(labelWeights));
      }
    }
    this.labelWeights = labelWeights.clone();
    return this;
  }

  /** Sets whether y_pred are logits, put through a sigmoid first (Keras' {@code from_logits=}). Default false. */
  public AUC fromLogits(boolean fromLogits) {
    this.fromLogits = fromLogits;
    return this;
  }

  @Override
  protected float[] thresholdValues() {
    float[] t = new float[numThresholds];
    for (int i = 1; i < numThresholds - 1; i++) {
      t[i] = thresholds != null ? (float) thresholds[i - 1] : (float) i / (numThresholds - 1);
    }
    t[0] = -1e-7f;
    t[numThresholds - 1] = 1f + 1e-7f;
    return t;
  }

  /** Keras counts by buckets with its own thresholds, and with given ones when they are evenly spaced. */
  @Override
  protected boolean evenlyDistributed(float[] th) {
    if (thresholds == null) {
      return true;
    }
    float[] ends = th.clone();
    ends[0] = 0f;
    ends[ends.length - 1] = 1f;
    return isEvenlyDistributed(ends);
  }

  @Override
  protected int labelsApart(Shape yPred) {
    return !multiLabel ? 0 : numLabels > 0 ? numLabels : (int) yPred.get(-1);
  }

  @Override
  protected float[] countWeights() {
    return multiLabel || labelWeights == null ? null : floats(labelWeights);
  }

  @Override
  protected Tensor[] prepare(Tensor yTrue, Tensor yPred) {
    return new Tensor[] {yTrue, fromLogits ? ops().sigmoid(yPred) : yPred};
  }

  @Override
  public Tensor result() {
    checkBuilt();
    Ops ops = ops();
    Tensor tpv = ops.read(tp);
    Tensor fpv = ops.read(fp);
    Tensor fnv = ops.read(fn);
    Tensor area;
    if (curve.equals("PR") && summationMethod.equals("interpolation")) {
      area = interpolatedPrArea(ops, tpv, fpv, fnv);
    } else {
      Tensor x;
      Tensor y;
      if (curve.equals("ROC")) {
        Tensor tnv = ops.read(tn);
        x = ops.divideNoNan(fpv, ops.add(fpv, tnv));
        y = ops.divideNoNan(tpv, ops.add(tpv, fnv));
      } else {
        x = ops.divideNoNan(tpv, ops.add(tpv, fnv));
        y = ops.divideNoNan(tpv, ops.add(tpv, fpv));
      }
      Tensor heights = switch (summationMethod) {
        case "minoring" -> ops.minimum(head(ops, y), tail(ops, y));
        case "majoring" -> ops.maximum(head(ops, y), tail(ops, y));
        default -> ops.multiply(ops.add(head(ops, y), tail(ops, y)), 0.5f);
      };
      area = ops.sum(ops.multiply(ops.subtract(head(ops, x), tail(ops, x)), heights), new int[] {0}, false);
    }
    if (!multiLabel) {
      return area;
    }
    if (labelWeights == null) {
      return ops.mean(area, null, false);
    }
    Tensor w = ops.constant(floats(labelWeights), Shape.of(labelWeights.length));
    return ops.divideNoNan(ops.sum(ops.multiply(area, w), null, false), ops.sum(w, null, false));
  }

  /** Davis and Goadrich's interpolated area under the PR curve (Keras' {@code interpolate_pr_auc}). */
  private Tensor interpolatedPrArea(Ops ops, Tensor tpv, Tensor fpv, Tensor fnv) {
    Tensor dtp = ops.subtract(head(ops, tpv), tail(ops, tpv));
    Tensor p = ops.add(tpv, fpv);
    Tensor dp = ops.subtract(head(ops, p), tail(ops, p));
    Tensor slope = ops.divideNoNan(dtp, ops.maximum(dp, 0f));
    Tensor intercept = ops.subtract(tail(ops, tpv), ops.multiply(slope, tail(ops, p)));
    Tensor zero = ops.constant(0f);
    Tensor bothPositive = ops.logicalAnd(ops.greater(head(ops, p), zero), ops.greater(tail(ops, p), zero));
    Tensor ratio = ops.where(bothPositive, ops.divideNoNan(head(ops, p), ops.maximum(tail(ops, p), 0f)),
        ops.onesLike(tail(ops, p)));
    Tensor increment = ops.divideNoNan(ops.multiply(slope, ops.add(dtp, ops.multiply(intercept, ops.log(ratio)))),
        ops.maximum(ops.add(tail(ops, tpv), tail(ops, fnv)), 0f));
    return ops.sum(increment, new int[] {0}, false);
  }

  /** The first n-1 thresholds' rows of {@code x}. */
  private Tensor head(Ops ops, Tensor x) {
    return ops.slice(x, new int[x.rank()], sliceSize(x));
  }

  /** The last n-1 thresholds' rows of {@code x}. */
  private Tensor tail(Ops ops, Tensor x) {
    int[] begin = new int[x.rank()];
    begin[0] = 1;
    return ops.slice(x, begin, sliceSize(x));
  }

  private int[] sliceSize(Tensor x) {
    int[] size = new int[x.rank()];
    Arrays.fill(size, -1);
    size[0] = numThresholds - 1;
    return size;
  }

  private static float[] floats(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("num_thresholds", numThresholds);
    c.put("curve", curve);
    c.put("summation_method", summationMethod);
    c.put("multi_label", multiLabel);
    c.put("num_labels", numLabels > 0 ? numLabels : null);
    c.put("label_weights", labelWeights == null ? null : Arrays.stream(labelWeights).boxed().toList());
    c.put("from_logits", fromLogits);
    if (thresholds != null) {
      c.put("thresholds", Arrays.stream(thresholds).boxed().toList());
    }
    return c;
  }

  /** The metric of Keras' config (Keras' {@code AUC.from_config}). */
  public static AUC fromConfig(Map<String, Object> config) {
    Config c = new Config("AUC", config);
    AUC auc = new AUC().numThresholds(c.integer("num_thresholds", 200)).curve(c.string("curve", "ROC"))
        .summationMethod(c.string("summation_method", "interpolation")).multiLabel(c.bool("multi_label", false))
        .fromLogits(c.bool("from_logits", false));
    if (c.has("thresholds")) {
      auc.thresholds(c.numbers("thresholds", null));
    }
    if (c.has("num_labels")) {
      auc.numLabels(c.integer("num_labels", 1));
    }
    if (c.has("label_weights")) {
      auc.labelWeights(c.numbers("label_weights", null));
    }
    return withBaseConfig(auc, c);
  }
}
