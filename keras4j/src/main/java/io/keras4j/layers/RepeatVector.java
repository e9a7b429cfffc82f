package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Repeats a (batch, features) input {@code n} times: (batch, n, features).
 *
 * <p>Keras equivalent: {@code keras.layers.RepeatVector(n)}.
 */
public class RepeatVector extends BaseLayer<RepeatVector> {
  private final int n;

  /** Repeats the input {@code n} times (Keras' {@code n}), n > 0. */
  public RepeatVector(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("Expected an integer value for `n` > 0. Received: n=" + n);
    }
    this.n = n;
    inputSpec(new InputSpec().ndim(2));
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    return ops.tile(ops.expandDims(input, 1), 1, n, 1);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    Shape s = in.get(0);
    return List.of(Shape.of(s.get(0), n, s.get(1)));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("n", n);
    return c;
  }

  /** A RepeatVector layer from its Keras config (Keras' {@code RepeatVector.from_config}). */
  public static RepeatVector fromConfig(Map<String, Object> config) {
    Config c = new Config("RepeatVector", config);
    return withBaseConfig(new RepeatVector(c.integer("n")), c);
  }
}
