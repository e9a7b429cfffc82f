package io.keras4j.layers;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Reshapes each sample to {@code targetShape}; one dimension may be -1 (inferred).
 *
 * <p>Keras equivalent: {@code keras.layers.Reshape(target_shape)}.
 * <pre>{@code model.add(new Reshape(28, 28, 1));}</pre>
 */
public class Reshape extends BaseLayer<Reshape> {
  private final int[] targetShape;

  /** Reshapes each sample to {@code targetShape} (Keras' {@code target_shape}, without the batch axis). */
  public Reshape(int... targetShape) {
    int unknown = 0;
    for (int d : targetShape) {
      if (d == -1) {
        unknown++;
      } else if (d <= 0) {
        throw new IllegalArgumentException("Reshape target_shape dimensions must be positive or -1. Received: "
            + java.util.Arrays.toString(targetShape));
      }
    }
    if (unknown > 1) {
      throw new IllegalArgumentException("There must be at most one unknown dimension in output_shape. Received: "
          + java.util.Arrays.toString(targetShape));
    }
    this.targetShape = targetShape.clone();
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Shape out = computeOutputShapes(List.of(input.shape()), null).get(0);
    long[] dims = out.dims();
    dims[0] = -1;
    return ops().reshape(input, dims);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    Shape s = in.get(0);
    long inSize = s.withoutBatch().size();
    long known = 1;
    int unknownAt = -1;
    for (int i = 0; i < targetShape.length; i++) {
      if (targetShape[i] == -1) {
        unknownAt = i;
      } else {
        known *= targetShape[i];
      }
    }
    long[] dims = new long[targetShape.length + 1];
    dims[0] = s.get(0);
    for (int i = 0; i < targetShape.length; i++) {
      dims[i + 1] = targetShape[i];
    }
    if (inSize >= 0) {
      if (unknownAt >= 0) {
        if (inSize % known != 0) {
          throw new IllegalArgumentException(error(s));
        }
        dims[unknownAt + 1] = inSize / known;
      } else if (inSize != known) {
        throw new IllegalArgumentException(error(s));
      }
    }
    return List.of(Shape.of(dims));
  }

  private String error(Shape s) {
    return "Layer '" + name() + "': total size of the input " + s + " (" + s.withoutBatch().size()
        + " per sample) does not fit the target shape " + java.util.Arrays.toString(targetShape);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("target_shape", ConfigLists.of(targetShape));
    return c;
  }

  /** A Reshape layer from its Keras config (Keras' {@code Reshape.from_config}). */
  public static Reshape fromConfig(Map<String, Object> config) {
    Config c = new Config("Reshape", config);
    if (!c.has("target_shape")) {
      throw new IllegalArgumentException("Reshape config lacks the required `target_shape`. Received: " + config);
    }
    return withBaseConfig(new Reshape(c.ints("target_shape", null)), c);
  }
}
