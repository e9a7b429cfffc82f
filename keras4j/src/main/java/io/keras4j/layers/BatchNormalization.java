package io.keras4j.layers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.initializers.Ones;
import io.keras4j.initializers.Zeros;
import io.keras4j.saving.Config;
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
 * moving_variance. Batch renormalization ({@code renorm=True}) is not supported.
 * <pre>{@code model.add(new BatchNormalization().momentum(0.9).gammaRegularizer("l2"));}</pre>
 */
public class BatchNormalization extends BaseNormalization<BatchNormalization> {
  private int axis = -1;
  private double momentum = 0.99;
  private Initializer movingMeanInitializer = new Zeros();
  private Initializer movingVarianceInitializer = new Ones();
  private boolean synchronizedAcrossReplicas;
  private double renormMomentum = 0.99;
  private Variable gamma;
  private Variable beta;
  private Variable movingMean;
  private Variable movingVariance;

  /** Sets the feature axis, negative counting from the end (Keras' {@code axis=}). Default -1. */
  public BatchNormalization axis(int axis) {
    checkNotBuilt("axis");
    this.axis = axis;
    return this;
  }

  /** Sets the moving averages' momentum, in [0, 1] (Keras' {@code momentum=}). Default 0.99. */
  public BatchNormalization momentum(double momentum) {
    checkNotBuilt("momentum");
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException("Layer '" + name() + "': momentum must be in [0, 1]. Received: momentum="
          + momentum);
    }
    this.momentum = momentum;
    return this;
  }

  /** Sets the moving mean's initializer (Keras' {@code moving_mean_initializer=}). Default {@code Zeros}. */
  public BatchNormalization movingMeanInitializer(Initializer initializer) {
    checkNotBuilt("moving_mean_initializer");
    this.movingMeanInitializer = require(initializer, "moving_mean_initializer");
    return this;
  }

  /** Sets the moving mean's initializer by name. Default "zeros". */
  public BatchNormalization movingMeanInitializer(String initializer) {
    return movingMeanInitializer(Initializers.get(initializer));
  }

  /** Sets the moving variance's initializer (Keras' {@code moving_variance_initializer=}). Default {@code Ones}. */
  public BatchNormalization movingVarianceInitializer(Initializer initializer) {
    checkNotBuilt("moving_variance_initializer");
    this.movingVarianceInitializer = require(initializer, "moving_variance_initializer");
    return this;
  }

  /** Sets the moving variance's initializer by name. Default "ones". */
  public BatchNormalization movingVarianceInitializer(String initializer) {
    return movingVarianceInitializer(Initializers.get(initializer));
  }

  /**
   * Sets whether batch statistics are synchronised across replicas (Keras' {@code synchronized=}); keras4j trains
   * on one device, where both settings compute the same. Default false. Porting note: {@code synchronized} is a
   * Java keyword.
   */
  public BatchNormalization synchronize(boolean synchronize) {
    checkNotBuilt("synchronized");
    this.synchronizedAcrossReplicas = synchronize;
    return this;
  }

  private int resolvedAxis(int rank) {
    int a = axis < 0 ? axis + rank : axis;
    if (a <= 0 || a >= rank) {
      throw new IllegalArgumentException("Layer '" + name() + "': invalid axis " + axis + " for inputs of rank "
          + rank);
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
    if (scale()) {
      gamma = addGamma(s);
    }
    if (center()) {
      beta = addBeta(s);
    }
    movingMean = addWeight("moving_mean", s, movingMeanInitializer, null, null, false);
    movingVariance = addWeight("moving_variance", s, movingVarianceInitializer, null, null, false);
    for (Variable v : weights()) {
      v.autocast(false); // Keras: add_weight(..., autocast=False); call computes in float32
    }
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
    return call(input, null, training);
  }

  /**
   * With a mask of one axis less than the input, such as (batch, steps) from an Embedding with {@code mask_zero},
   * the batch statistics of training count only the kept steps (Keras' {@code _moments(inputs, mask)}: masked sums
   * divided by the kept count plus {@code backend.epsilon()}); inference does not use the mask.
   */
  @Override
  protected Tensor call(Tensor input, Tensor mask, boolean training) {
    if (mask != null && mask.rank() != input.rank() - 1) {
      throw new IllegalArgumentException("Layer '" + name() + "': the mask provided should be one dimension less "
          + "than the inputs. Received: mask.shape=" + mask.shape() + ", inputs.shape=" + input.shape());
    }
    // Keras: BN is prone to overflow in float16/bfloat16, so the statistics and the output are computed in
    // float32 and the result is cast to the compute dtype
    Tensor y = normalize(ops().cast(input, "float32"), mask, training);
    return ops().cast(y, computeDtype());
  }

  private Tensor normalize(Tensor input, Tensor mask, boolean training) {
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
      if (mask == null) {
        mean = ops.mean(input, axes, true);
        variance = ops.mean(ops.square(ops.subtract(input, ops.stopGradient(mean))), axes, true);
      } else {
        Tensor keep = ops.broadcastTo(ops.expandDims(ops.cast(mask, "bool"), -1), ops.shapeOf(input));
        Tensor zeros = ops.zerosLike(input);
        Tensor count = ops.add(ops.sum(ops.cast(keep, "float32"), axes, true), ops.constant(Backend.epsilon()));
        mean = ops.divide(ops.sum(ops.where(keep, input, zeros), axes, true), count);
        Tensor centred = ops.where(keep, ops.subtract(input, mean), zeros);
        variance = ops.divide(ops.sum(ops.square(centred), axes, true), count);
      }
      float m = (float) momentum;
      Tensor batchMean = ops.reshape(mean, dim);
      Tensor batchVar = ops.reshape(variance, dim);
      // readAs: a later call in the same trace (TimeDistributed's steps, a shared layer) updates from these values,
      // as Keras' automatic control dependencies order the assignments
      ops.readAs(movingMean, ops.assign(movingMean,
          ops.add(ops.multiply(ops.read(movingMean), m), ops.multiply(batchMean, 1 - m))));
      ops.readAs(movingVariance, ops.assign(movingVariance,
          ops.add(ops.multiply(ops.read(movingVariance), m), ops.multiply(batchVar, 1 - m))));
    } else if (!training && rank == 4 && resolvedAxis(rank) == 3) {
      return fusedInference(input, dim);
    } else {
      mean = ops.reshape(ops.read(movingMean), bshape);
      variance = ops.reshape(ops.read(movingVariance), bshape);
    }
    Tensor inv = ops.rsqrt(ops.add(variance, (float) epsilon()));
    if (gamma != null) {
      inv = ops.multiply(inv, ops.reshape(ops.read(gamma), bshape));
    }
    // tf.nn.batch_normalization's form, as Keras on TensorFlow: x * inv + (beta - mean * inv), two element-wise ops
    // over the input
    Tensor shift = ops.negative(ops.multiply(mean, inv));
    if (beta != null) {
      shift = ops.add(ops.reshape(ops.read(beta), bshape), shift);
    }
    return ops.add(ops.multiply(input, inv), shift);
  }

  /**
   * Inference ({@code training=false}) on channels-last images through the backend's fused op, which TensorFlow's
   * graph optimiser folds into a convolution before it. Porting note: Keras on TensorFlow writes
   * {@code tf.nn.batch_normalization}'s element-wise ops; the formula is the same. A frozen layer in a training step
   * keeps the element-wise form, whose gradient needs no input.
   */
  private Tensor fusedInference(Tensor input, long dim) {
    Ops ops = ops();
    float[] ones = new float[(int) dim];
    java.util.Arrays.fill(ones, 1f);
    Tensor g = gamma != null ? ops.read(gamma) : ops.constant(ones, Shape.of(dim));
    Tensor b = beta != null ? ops.read(beta) : ops.zeros(Shape.of(dim));
    return ops.fusedBatchNormInference(input, g, b, ops.read(movingMean), ops.read(movingVariance),
        (float) epsilon());
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
    putEpsilonCenterScale(c);
    putInitializers(c);
    c.put("moving_mean_initializer", ser(movingMeanInitializer));
    c.put("moving_variance_initializer", ser(movingVarianceInitializer));
    putRegularizersAndConstraints(c);
    c.put("synchronized", synchronizedAcrossReplicas);
    c.put("renorm", false);
    c.put("renorm_clipping", null);
    c.put("renorm_momentum", renormMomentum);
    return c;
  }

  /**
   * A BatchNormalization layer from its Keras config (Keras' {@code BatchNormalization.from_config}); a config with
   * {@code renorm=true} is refused.
   */
  public static BatchNormalization fromConfig(Map<String, Object> config) {
    Config c = new Config("BatchNormalization", config);
    if (c.bool("renorm", false)) {
      throw new IllegalArgumentException("BatchNormalization: batch renormalization is not supported. Expected "
          + "renorm=false. Received: renorm=true");
    }
    BatchNormalization b = readShared(new BatchNormalization(), c).axis(singleAxis(c, "axis", -1))
        .momentum(c.number("momentum", 0.99)).synchronize(c.bool("synchronized", false));
    b.renormMomentum = c.number("renorm_momentum", 0.99);
    if (c.has("moving_mean_initializer")) {
      b.movingMeanInitializer(Initializers.get(c.get("moving_mean_initializer")));
    }
    if (c.has("moving_variance_initializer")) {
      b.movingVarianceInitializer(Initializers.get(c.get("moving_variance_initializer")));
    }
    return withBaseConfig(b, c);
  }
}
