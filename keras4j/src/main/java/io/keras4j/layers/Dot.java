package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The dot product of two samples along the given axes (batch axis excluded), optionally of L2-normalised inputs
 * (cosine proximity).
 *
 * <p>Keras equivalent: {@code keras.layers.Dot(axes, normalize=False)} for inputs of rank 2 or 3: (B, n)·(B, n)
 * gives (B, 1); (B, a, b)·(B, c, d) contracting axis i of the first and j of the second gives the remaining axes.
 */
public class Dot extends BaseLayer<Dot> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

  private final int[] axes;
  private final boolean oneAxis;
  private boolean normalize;

  /** The same axis of both inputs (Keras' {@code axes=} as one integer). */
  public Dot(int axes) {
    this.axes = new int[] {axes, axes};
    this.oneAxis = true;
  }

  /** Axis {@code a} of the first input against axis {@code b} of the second (Keras' {@code axes=(a, b)}). */
  public Dot(int a, int b) {
    this.axes = new int[] {a, b};
    this.oneAxis = false;
  }

  /** Sets L2 normalisation along the axes first (Keras' {@code normalize=}). Default false. */
  public Dot normalize(boolean normalize) {
    checkNotBuilt("normalize");
    this.normalize = normalize;
    return this;
  }

  private static int norm(int axis, int rank) {
    return axis < 0 ? axis + rank : axis;
  }

  /** None: the dot product has no steps to mask (Keras' {@code Dot.compute_mask}). */
  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    return null;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, boolean training) {
    if (inputs.size() != 2) {
      throw new IllegalArgumentException("A `Dot` layer should be called on exactly 2 inputs. Received: "
          + inputs.size() + " inputs. Layer: " + name());
    }
    Ops ops = ops();
    Tensor x = inputs.get(0);
    Tensor y = inputs.get(1);
    int ax = norm(axes[0], x.rank());
    int ay = norm(axes[1], y.rank());
    if (normalize) {
      x = ops.multiply(x, ops.rsqrt(ops.maximum(ops.sum(ops.square(x), new int[] {ax}, true), 1e-12f)));
      y = ops.multiply(y, ops.rsqrt(ops.maximum(ops.sum(ops.square(y), new int[] {ay}, true), 1e-12f)));
    }
    if (x.rank() == 2) {
      return List.of(ops.sum(ops.multiply(x, y), new int[] {1}, true));
    }
    // move x's contracted axis last and y's to position 1, then a batched matrix product
    Tensor xt = ax == 2 ? x : ops.transpose(x, 0, 2, 1);
    Tensor yt = ay == 1 ? y : ops.transpose(y, 0, 2, 1);
    return List.of(ops.matmul(xt, yt));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    Shape x = in.get(0);
    Shape y = in.get(1);
    if (x.rank() != y.rank() || x.rank() < 2 || x.rank() > 3) {
      throw new IllegalArgumentException("Layer '" + name() + "' supports two inputs of equal rank 2 or 3. Received: "
          + in);
    }
    if (x.rank() == 2) {
      return List.of(Shape.of(x.get(0), 1));
    }
    int ax = norm(axes[0], 3);
    int ay = norm(axes[1], 3);
    if (x.get(ax) >= 0 && y.get(ay) >= 0 && x.get(ax) != y.get(ay)) {
      throw new IllegalArgumentException("Incompatible input shapes for layer '" + name() + "': axis values "
          + x.get(ax) + " (of " + x + ") != " + y.get(ay) + " (of " + y + ")");
    }
    return List.of(Shape.of(x.get(0), x.get(3 - ax), y.get(3 - ay)));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axes", oneAxis ? (Object) axes[0] : ConfigLists.of(axes));
    c.put("normalize", normalize);
    return c;
  }

  /** A Dot layer from its Keras config (Keras' {@code Dot.from_config}); {@code axes} is one integer or a pair. */
  public static Dot fromConfig(Map<String, Object> config) {
    Config c = new Config("Dot", config);
    int[] axes = c.ints("axes", null);
    if (axes == null || axes.length < 1 || axes.length > 2) {
      throw new IllegalArgumentException("Dot config: `axes` should be an integer or a list of 2 integers. "
          + "Received: axes="
          + c.get("axes"));
    }
    Dot d = c.get("axes") instanceof Number ? new Dot(axes[0]) : new Dot(axes[0], axes[axes.length - 1]);
    return withBaseConfig(d.normalize(c.bool("normalize", false)), c);
  }
}
