package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.List;
import java.util.Map;

/**
 * Normalises each feature along {@code axis} by batch statistics in training and by moving statistics at
 * inference.
 *
 * <p>Keras equivalent: {@code keras.layers.BatchNormalization(axis=-1, momentum=0.99, epsilon=0.001, center=True,
 * scale=True, beta_initializer="zeros", gamma_initializer="ones", moving_mean_initializer="zeros",
 * moving_variance_initializer="ones", ...)}. In training: {@code y = gamma (x - mean_B) / sqrt(var_B + eps) + beta}
 * with the biased batch variance, and {@code moving = moving * momentum + batch * (1 - momentum)}. A frozen layer
 * ({@code trainable=false}) runs in inference mode, as in Keras 3. Weights: gamma, beta, moving_mean,
 * moving_variance.
 */
public class BatchNormalization extends Layer {
  private int axis = -1;
  private double momentum = 0.99;
  private double epsilon = 1e-3;
  private boolean center = true;
  private boolean scale = true;
  private Object betaInitializer = "zeros";
  private Object gammaInitializer = "ones";
  private Object movingMeanInitializer = "zeros";
  private Object movingVarianceInitializer = "ones";
  private Variable gamma;
  private Variable beta;
  private Variable movingMean;
  private Variable movingVariance;

  /** Sets the normalised axis (Keras' {@code axis=}). Default -1. */
  public BatchNormalization axis(int axis) {
    checkNotBuilt("axis");
    this.axis = axis;
    return this;
  }

  /** Sets the moving average's momentum (Keras' {@code momentum=}). Default 0.99. */
  public BatchNormalization momentum(double momentum) {
    checkNotBuilt("momentum");
    this.momentum = momentum;
    return this;
  }

  /** Sets the variance epsilon (Keras' {@code epsilon=}). Default 1e-3. */
  public BatchNormalization epsilon(double epsilon) {
    checkNotBuilt("epsilon");
    this.epsilon = epsilon;
    return this;
  }

  /** Sets whether beta is added (Keras' {@code center=}). Default true. */
  public BatchNormalization center(boolean center) {
    checkNotBuilt("center");
    this.center = center;
    return this;
  }

  /** Sets whether gamma multiplies (Keras' {@code scale=}). Default true. */
  public BatchNormalization scale(boolean scale) {
    checkNotBuilt("scale");
    this.scale = scale;
    return this;
  }

  /** Sets beta's initializer (Keras' {@code beta_initializer=}). Default "zeros". */
  public BatchNormalization betaInitializer(Object init) {
    checkNotBuilt("beta_initializer");
    this.betaInitializer = init;
    return this;
  }

  /** Sets gamma's initializer (Keras' {@code gamma_initializer=}). Default "ones". */
  public BatchNormalization gammaInitializer(Object init) {
    checkNotBuilt("gamma_initializer");
    this.gammaInitializer = init;
    return this;
  }

  /** Sets the moving mean's initializer (Keras' {@code moving_mean_initializer=}). Default "zeros". */
  public BatchNormalization movingMeanInitializer(Object init) {
    checkNotBuilt("moving_mean_initializer");
    this.movingMeanInitializer = init;
    return this;
  }

  /** Sets the moving variance's initializer (Keras' {@code moving_variance_initializer=}). Default "ones". */
  public BatchNormalization movingVarianceInitializer(Object init) {
    checkNotBuilt("moving_variance_initializer");
    this.movingVarianceInitializer = init;
    return this;
  }

  private int resolvedAxis(int rank) {
    int a = axis < 0 ? axis + rank : axis;
    if (a <= 0 || a >= rank) {
      throw new IllegalArgumentException("Layer '" + name() + "': invalid axis " + axis + " for inputs of rank " + rank);
    }
    return a;
  }

  @Override
  protected void build(Shape inputShape) {
    long dim = inputShape.get(resolvedAxis(inputShape.rank()));
    if (dim < 0) {
      throw new IllegalArgumentException("Layer '" + name() + "': axis " + axis + " of the input must be known. "
          + "Received: " + inputShape);
    }
    Shape s = Shape.of(dim);
    if (scale) {
      gamma = addWeight("gamma", s, gammaInitializer, null, null, true);
    }
    if (center) {
      beta = addWeight("beta", s, betaInitializer, null, null, true);
    }
    movingMean = addWeight("moving_mean", s, movingMeanInitializer, null, null, false);
    movingVariance = addWeight("moving_variance", s, movingVarianceInitializer, null, null, false);
    inputSpec(new InputSpec().ndim(inputShape.rank()).axis(resolvedAxis(inputShape.rank()), dim));
  }

  /** The shape that broadcasts a per-feature vector against the input. */
  private long[] broadcastShape(int rank, long dim) {
    long[] b = new long[rank];
    java.util.Arrays.fill(b, 1);
    b[resolvedAxis(rank)] = dim;
    return b;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    int rank = input.rank();
    long dim = movingMean.shape().get(0);
    long[] bshape = broadcastShape(rank, dim);
    Tensor mean;
    Tensor variance;
    if (training && trainable()) {
      int[] axes = new int[rank - 1];
      for (int i = 0, j = 0; i < rank; i++) {
        if (i != resolvedAxis(rank)) {
          axes[j++] = i;
        }
      }
      mean = ops.mean(input, axes, true);
      variance = ops.mean(ops.square(ops.subtract(input, ops.stopGradient(mean))), axes, true);
      float m = (float) momentum;
      Tensor batchMean = ops.reshape(mean, dim);
      Tensor batchVar = ops.reshape(variance, dim);
      ops.assign(movingMean, ops.add(ops.multiply(ops.read(movingMean), m), ops.multiply(batchMean, 1 - m)));
      ops.assign(movingVariance, ops.add(ops.multiply(ops.read(movingVariance), m), ops.multiply(batchVar, 1 - m)));
    } else {
      mean = ops.reshape(ops.read(movingMean), bshape);
      variance = ops.reshape(ops.read(movingVariance), bshape);
    }
    Tensor inv = ops.rsqrt(ops.add(variance, (float) epsilon));
    if (gamma != null) {
      inv = ops.multiply(inv, ops.reshape(ops.read(gamma), bshape));
    }
    Tensor y = ops.multiply(ops.subtract(input, mean), inv);
    if (beta != null) {
      y = ops.add(y, ops.reshape(ops.read(beta), bshape));
    }
    return y;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return List.of(in.get(0));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis);
    c.put("momentum", momentum);
    c.put("epsilon", epsilon);
    c.put("center", center);
    c.put("scale", scale);
    return c;
  }
}
