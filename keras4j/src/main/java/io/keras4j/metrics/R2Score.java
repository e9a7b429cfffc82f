package io.keras4j.metrics;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.losses.Loss;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The coefficient of determination {@code R2 = 1 - SS_res / SS_tot} of each output over every sample of the epoch,
 * {@code SS_res = sum(w (y_true - y_pred)^2)} and {@code SS_tot = sum(w (y_true - mean(y_true))^2)}, averaged over
 * the outputs as asked; optionally adjusted for the number of regressors.
 *
 * <p>Keras equivalent: {@code keras.metrics.R2Score(class_aggregation="uniform_average", num_regressors=0,
 * name="r2_score", dtype=None)}. The inputs are 2-D, {@code (batch_size, output_dim)}; the state (one value per
 * output) is created at the first update. An output with {@code SS_tot = 0} scores 0 (NaN when its residual is 0
 * too), as in Keras. With {@code num_regressors = p > 0} the score is {@code 1 - (1 - R2)(n - 1) / (n - p - 1)},
 * {@code n} the number of values seen (samples times outputs, as Keras counts), falling back to R2 when
 * {@code p >= n - 1}. Porting note: Keras warns at that fallback; keras4j falls back silently.
 * <pre>{@code new R2Score().classAggregation("variance_weighted_average").numRegressors(2)}</pre>
 */
public class R2Score extends BaseMetric<R2Score> {
  private static final List<String> AGGREGATIONS = Arrays.asList(null, "uniform_average",
      "variance_weighted_average");
  private String classAggregation = "uniform_average";
  private int numRegressors;
  private final Variable numSamples;
  private Variable squaredSum;
  private Variable sum;
  private Variable residual;
  private Variable count;

  /** R2 averaged uniformly over the outputs. */
  public R2Score() {
    super("r2_score");
    numSamples = addVariable("num_samples", Shape.scalar());
  }

  /**
   * Sets how the per-output scores combine (Keras' {@code class_aggregation=}): "uniform_average" (default), their
   * mean; "variance_weighted_average", weighted by each output's {@code SS_tot}; or null, one score per output.
   */
  public R2Score classAggregation(String classAggregation) {
    if (!AGGREGATIONS.contains(classAggregation)) {
      throw new IllegalArgumentException("R2Score: invalid value for argument `class_aggregation`. Expected one of "
          + AGGREGATIONS + ". Received: class_aggregation=" + classAggregation);
    }
    this.classAggregation = classAggregation;
    return this;
  }

  /**
   * Sets the number of independent regressors of the adjusted R2, 0 for plain R2 (Keras' {@code num_regressors=}).
   * Default 0.
   */
  public R2Score numRegressors(int numRegressors) {
    if (numRegressors < 0) {
      throw new IllegalArgumentException("R2Score: invalid value for argument `num_regressors`. Expected a value "
          + ">= 0. Received: num_regressors=" + numRegressors);
    }
    this.numRegressors = numRegressors;
    return this;
  }

  /** The aggregation, or null for one score per output. */
  public String classAggregation() {
    return classAggregation;
  }

  public int numRegressors() {
    return numRegressors;
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    Ops ops = ops();
    Tensor p = ops.cast(yPred, "float32");
    Tensor t = Loss.matchRank(ops, ops.cast(yTrue, "float32"), p);
    if (t.rank() != 2 || p.rank() != 2 || p.shape().get(-1) == Shape.UNKNOWN) {
      throw new IllegalArgumentException("R2Score '" + name() + "' expects 2D inputs with shape (batch_size, "
          + "output_dim), output_dim known. Received input shapes: y_pred.shape=" + p.shape() + " and y_true.shape="
          + t.shape());
    }
    if (sum == null) {
      Shape s = Shape.of(p.shape().get(-1));
      squaredSum = addVariable("squared_sum", s);
      sum = addVariable("sum", s);
      residual = addVariable("residual", s);
      count = addVariable("count", s);
    }
    Tensor w = sampleWeight == null ? ops.onesLike(t) : weightLike(sampleWeight, t);
    Tensor wt = ops.multiply(t, w);
    int[] batch = {0};
    return List.of(
        ops.assignAdd(sum, ops.sum(wt, batch, false)),
        ops.assignAdd(squaredSum, ops.sum(ops.multiply(t, wt), batch, false)),
        ops.assignAdd(residual, ops.sum(ops.multiply(ops.square(ops.subtract(t, p)), w), batch, false)),
        ops.assignAdd(count, ops.sum(w, batch, false)),
        ops.assignAdd(numSamples, ops.cast(ops.prod(ops.shapeOf(t), null, false), "float32")));
  }

  @Override
  public Tensor result() {
    if (sum == null) {
      throw new IllegalStateException("R2Score '" + name() + "' has no state yet; call updateState first");
    }
    Ops ops = ops();
    Tensor s = ops.read(sum);
    Tensor total = ops.subtract(ops.read(squaredSum), ops.multiply(s, ops.divide(s, ops.read(count))));
    Tensor raw = ops.add(ops.negative(ops.divide(ops.read(residual), total)), 1f);
    Tensor isInf = ops.logicalNot(ops.logicalOr(ops.isFinite(raw), ops.isNan(raw)));
    raw = ops.where(isInf, ops.zerosLike(raw), raw);
    Tensor r2;
    if (classAggregation == null) {
      r2 = raw;
    } else if (classAggregation.equals("uniform_average")) {
      r2 = ops.mean(raw, null, false);
    } else {
      r2 = ops.divide(ops.sum(ops.multiply(total, raw), null, false), ops.sum(total, null, false));
    }
    if (numRegressors == 0) {
      return r2;
    }
    // adjusted: 1 - (1 - r2)(n - 1) / (n - p - 1), plain r2 when p >= n - 1
    Tensor nMinus1 = ops.add(ops.read(numSamples), -1f);
    Tensor adjusted = ops.add(ops.negative(ops.divide(ops.multiply(ops.add(ops.negative(r2), 1f), nMinus1),
        ops.add(nMinus1, (float) -numRegressors))), 1f);
    Tensor enough = ops.greater(ops.multiply(ops.onesLike(r2), nMinus1), ops.constant((float) numRegressors));
    return ops.where(enough, adjusted, r2);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("class_aggregation", classAggregation);
    c.put("num_regressors", numRegressors);
    return c;
  }

  /** The metric of Keras' config (Keras' {@code R2Score.from_config}). */
  public static R2Score fromConfig(Map<String, Object> config) {
    Config c = new Config("R2Score", config);
    String aggregation = c.asMap().containsKey("class_aggregation") ? c.string("class_aggregation", null)
        : "uniform_average";
    return withBaseConfig(new R2Score().classAggregation(aggregation)
        .numRegressors(c.integer("num_regressors", 0)), c);
  }
}
