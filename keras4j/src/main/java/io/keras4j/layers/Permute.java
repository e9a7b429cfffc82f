package io.keras4j.layers;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Permutes the axes of each sample; {@code dims} are 1-based and exclude the batch axis.
 *
 * <p>Keras equivalent: {@code keras.layers.Permute(dims)}.
 * <pre>{@code new Permute(2, 1)  // (None, 10, 64) -> (None, 64, 10)}</pre>
 */
public class Permute extends BaseLayer<Permute> {
  private final int[] dims;

  /** Permutes the axes after the batch axis to {@code dims} (Keras' {@code dims}, 1-based). */
  public Permute(int... dims) {
    int[] sorted = dims.clone();
    java.util.Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] != i + 1) {
        throw new IllegalArgumentException("Invalid permutation argument `dims` for Permute Layer. The set of "
            + "indices in `dims` must be consecutive and start from 1. Received dims=" + java.util.Arrays.toString(dims));
      }
    }
    this.dims = dims.clone();
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    int[] perm = new int[dims.length + 1];
    for (int i = 0; i < dims.length; i++) {
      perm[i + 1] = dims[i];
    }
    return ops().transpose(input, perm);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    Shape s = in.get(0);
    if (s.rank() != dims.length + 1) {
      throw new IllegalArgumentException("Layer '" + name() + "' permutes " + dims.length + " axes; expected inputs "
          + "of rank " + (dims.length + 1) + ". Received: " + s);
    }
    long[] out = new long[s.rank()];
    out[0] = s.get(0);
    for (int i = 0; i < dims.length; i++) {
      out[i + 1] = s.get(dims[i]);
    }
    return List.of(Shape.of(out));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("dims", ConfigLists.of(dims));
    return c;
  }

  /** A Permute layer from its Keras config (Keras' {@code Permute.from_config}). */
  public static Permute fromConfig(Map<String, Object> config) {
    Config c = new Config("Permute", config);
    if (!c.has("dims")) {
      throw new IllegalArgumentException("Permute config lacks the required `dims`. Received: " + config);
    }
    return withBaseConfig(new Permute(c.ints("dims", null)), c);
  }
}
