package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.initializers.TruncatedNormal;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Wraps a layer with a kernel and, in training, divides the kernel by its largest singular value (its spectral
 * norm), estimated by power iteration, before the wrapped layer runs.
 *
 * <p>Keras equivalent: {@code keras.layers.SpectralNormalization(layer, power_iterations=1)}
 * (keras/src/layers/normalization/spectral_normalization.py). The kernel, reshaped to {@code (-1, units)}, is W;
 * starting from the non-trainable {@code vector_u} of shape {@code (1, units)}, each iteration sets
 * {@code v = normalize(u W^T)}, {@code u = normalize(v W)}; then {@code sigma = v W u^T}. A training call assigns
 * {@code kernel / sigma} to the wrapped layer's kernel and the new u to {@code vector_u} (an all-zero kernel is
 * left alone), and the wrapped layer then runs on the assigned kernel; the gradient is taken at that kernel and
 * the optimizer updates it, as in Keras. At inference the wrapped layer runs on its kernel as it is. Weights, as
 * Keras orders them: the kernel, {@code vector_u}, then the wrapped layer's other weights.
 * <pre>{@code model.add(new SpectralNormalization(new Conv2D(64, 3)));}</pre>
 */
public class SpectralNormalization extends BaseLayer<SpectralNormalization> {
  private final Layer layer;
  private int powerIterations = 1;
  private Variable kernel;
  private Variable vectorU;

  /** Spectral normalization of {@code layer}'s kernel (Keras' {@code layer}). */
  public SpectralNormalization(Layer layer) {
    if (layer == null) {
      throw new IllegalArgumentException("Layer None supplied to Wrapper isn't a supported layer type. Please "
          + "ensure wrapped layer is a valid Keras layer.");
    }
    this.layer = track(layer);
  }

  /** Sets the number of power iterations per training call, > 0 (Keras' {@code power_iterations=}). Default 1. */
  public SpectralNormalization powerIterations(int powerIterations) {
    checkNotBuilt("power_iterations");
    if (powerIterations <= 0) {
      throw new IllegalArgumentException("Layer '" + name() + "': `power_iterations` should be greater than zero. "
          + "Received: `power_iterations=" + powerIterations + "`");
    }
    this.powerIterations = powerIterations;
    return this;
  }

  /** The wrapped layer. */
  public Layer layer() {
    return layer;
  }

  public int powerIterations() {
    return powerIterations;
  }

  @Override
  protected void build(Shape inputShape) {
    if (!layer.built()) {
      layer.build(List.of(inputShape));
      layer.markBuilt(List.of(inputShape));
    }
    for (Variable v : layer.weights()) {
      if (kernel == null && (v.name().equals("kernel") || v.name().equals("embeddings"))) {
        kernel = v;
      }
    }
    if (kernel == null) {
      throw new IllegalArgumentException(layer.getClass().getSimpleName() + " object has no attribute 'kernel' nor "
          + "'embeddings'");
    }
    trackVariable(kernel); // Keras tracks the kernel as this layer's own weight, first
    vectorU = addWeight("vector_u", Shape.of(1, kernel.shape().get(-1)), new TruncatedNormal(0, 0.02), null, null,
        false);
    inputSpec(new InputSpec().minNdim(1).axis(-1, inputShape.get(-1)));
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    if (training) {
      Ops ops = ops();
      Tensor k = ops.read(kernel);
      Tensor u0 = ops.read(vectorU);
      Tensor w = ops.reshape(k, -1, kernel.shape().get(-1));
      Tensor u = u0;
      Tensor v = null;
      for (int i = 0; i < powerIterations; i++) {
        v = normalize(ops, ops.matmul(u, ops.transpose(w, 1, 0)));
        u = normalize(ops, ops.matmul(v, w));
      }
      u = ops.stopGradient(u);
      v = ops.stopGradient(v);
      Tensor sigma = ops.matmul(ops.matmul(v, w), ops.transpose(u, 1, 0));
      Tensor normalized = ops.divide(k, sigma);
      Tensor allZero = ops.equal(ops.max(ops.abs(k), null, false), ops.constant(0f));
      Tensor newU = ops.where(ops.broadcastTo(allZero, ops.shapeOf(u0)), u0, u);
      Tensor newKernel = ops.where(ops.broadcastTo(allZero, ops.shapeOf(k)), k, normalized);
      ops.assign(vectorU, newU);
      ops.readAs(kernel, ops.assign(kernel, newKernel));
    }
    return layer.apply(input, training);
  }

  /** Keras' {@code normalize(x, axis=None)}: {@code x * min(rsqrt(sum(x^2)), 1 / 1e-7)}. */
  private static Tensor normalize(Ops ops, Tensor x) {
    return ops.multiply(x, ops.minimum(ops.rsqrt(ops.sum(ops.square(x), null, true)), 1e7f));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return layer.computeOutputShapes(in, dtypes);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("layer", ser(layer));
    c.put("power_iterations", powerIterations);
    return c;
  }

  /** A SpectralNormalization layer from its Keras config, the wrapped layer read through {@link Layers}. */
  public static SpectralNormalization fromConfig(Map<String, Object> config) {
    Config c = new Config("SpectralNormalization", config);
    if (c.get("layer") == null) {
      throw new IllegalArgumentException("SpectralNormalization: the config lacks the wrapped `layer`");
    }
    SpectralNormalization s = new SpectralNormalization(Layers.deserialize(c.get("layer")))
        .powerIterations(c.integer("power_iterations", 1));
    return withBaseConfig(s, c);
  }
}
