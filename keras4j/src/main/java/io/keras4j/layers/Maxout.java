package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.List;
import java.util.Map;

/**
 * The lecture's maxout unit: {@code max_k (x W_k + b_k)} over {@code pieces} affine maps, each of {@code units}
 * outputs.
 *
 * <p>Keras equivalent: none in Keras 3 (Keras 1 had {@code MaxoutDense(output_dim, nb_feature=4)}); kernel shape
 * {@code (input_dim, pieces * units)}, piece-major.
 */
public class Maxout extends Layer {
  private final int units;
  private final int pieces;
  private Object kernelInitializer = "glorot_uniform";
  private Variable kernel;
  private Variable bias;

  public Maxout(int units, int pieces) {
    if (units <= 0 || pieces <= 0) {
      throw new IllegalArgumentException("Maxout needs units > 0 and pieces > 0. Received: units=" + units
          + ", pieces=" + pieces);
    }
    this.units = units;
    this.pieces = pieces;
  }

  /** Sets the kernel's initializer. Default "glorot_uniform". */
  public Maxout kernelInitializer(Object init) {
    checkNotBuilt("kernel_initializer");
    this.kernelInitializer = init;
    return this;
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
    return c;
  }
}
