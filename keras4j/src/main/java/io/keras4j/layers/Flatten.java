package io.keras4j.layers;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Flattens every axis but the batch axis.
 *
 * <p>Keras equivalent: {@code keras.layers.Flatten(data_format=None)}; with "channels_first" the channel axis is
 * moved last before flattening, so that the order matches a channels-last model's.
 * <pre>{@code model.add(new Flatten());}</pre>
 */
public class Flatten extends BaseLayer<Flatten> {
  private String dataFormat = "channels_last";

  /** Sets "channels_last" or "channels_first" (Keras' {@code data_format=}). Default "channels_last". */
  public Flatten dataFormat(String dataFormat) {
    checkNotBuilt("data_format");
    this.dataFormat = DataFormats.check(dataFormat, name());
    return this;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    long n = input.shape().withoutBatch().size();
    Tensor x = input;
    int rank = input.rank();
    if (dataFormat.equals("channels_first") && rank > 2) {
      int[] perm = new int[rank];
      for (int i = 1; i < rank - 1; i++) {
        perm[i] = i + 1;
      }
      perm[rank - 1] = 1;
      x = ops().transpose(input, perm);
    }
    return ops().reshape(x, -1, n < 0 ? -1 : n);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    Shape s = in.get(0);
    if (s.rank() < 1) {
      throw new IllegalArgumentException("Layer '" + name() + "' needs inputs of rank >= 1. Received: " + s);
    }
    return List.of(Shape.of(s.get(0), s.withoutBatch().size()));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("data_format", dataFormat);
    return c;
  }

  /** A Flatten layer from its Keras config (Keras' {@code Flatten.from_config}). */
  public static Flatten fromConfig(Map<String, Object> config) {
    Config c = new Config("Flatten", config);
    return withBaseConfig(new Flatten().dataFormat(c.string("data_format", "channels_last")), c);
  }
}
