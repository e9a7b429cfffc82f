package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.initializers.GlorotUniform;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The lecture's maxout unit: {@code max_k (x W_k + b_k)} over {@code pieces} affine maps, each of {@code units}
 * outputs.
 *
 * <p>Keras equivalent: none in Keras 3 (Keras 1 had {@code MaxoutDense(output_dim, nb_feature=4)}); kernel shape
 * {@code (input_dim, pieces * units)}, piece-major. Its config ({@code units}, {@code pieces},
 * {@code kernel_initializer}) is keras4j's own.
 * <pre>{@code model.add(new Maxout(64, 4));}</pre>
 */
public class Maxout extends BaseLayer<Maxout> {
  private final int units;
  private final int pieces;
  private Initializer kernelInitializer = new GlorotUniform();
  private Variable kernel;
  private Variable bias;

  /** {@code units} outputs, each the maximum of {@code pieces} affine maps. */
  public Maxout(int units, int pieces) {
    if (units <= 0 || pieces <= 0) {
      throw new IllegalArgumentException("Maxout needs units > 0 and pieces > 0. Received: units=" + units
          + ", pieces=" + pieces);
    }
    this.units = units;
    this.pieces = pieces;
  }

  /** Sets the kernel's initializer. Default {@code GlorotUniform}. */
  public Maxout kernelInitializer(Initializer initializer) {
    checkNotBuilt("kernel_initializer");
    this.kernelInitializer = require(initializer, "kernel_initializer");
    return this;
  }

  /** Sets the kernel's initializer by name, such as "he_normal". Default "glorot_uniform". */
  public Maxout kernelInitializer(String initializer) {
    return kernelInitializer(Initializers.get(initializer));
  }

  @Override
  protected void build(Shape inputShape) {
    long in = inputShape.get(-1);
    kernel = addWeight("kernel", Shape.of(in, (long) pieces * units), kernelInitializer, null, null, true);
    bias = addWeight("bias", Shape.of((long) pieces * units), "zeros", null, null, true);
    inputSpec(new InputSpec().ndim(2).axis(-1, in));
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    Tensor z = ops.add(ops.matmul(input, ops.read(kernel)), ops.read(bias));
    Tensor pieced = ops.reshape(z, -1, pieces, units);
    return ops.max(pieced, new int[] {1}, false);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return List.of(Shape.of(in.get(0).get(0), units));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("units", units);
    c.put("pieces", pieces);
    c.put("kernel_initializer", ser(kernelInitializer));
    return c;
  }

  /** A Maxout layer from its (keras4j) config. */
  public static Maxout fromConfig(Map<String, Object> config) {
    Config c = new Config("Maxout", config);
    Maxout m = new Maxout(c.integer("units"), c.integer("pieces"));
    if (c.has("kernel_initializer")) {
      m.kernelInitializer(Initializers.get(c.get("kernel_initializer")));
    }
    return withBaseConfig(m, c);
  }
}
