package io.keras4j.layers;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Applies an activation function.
 *
 * <p>Keras equivalent: {@code keras.layers.Activation(activation)}.
 * <pre>{@code model.add(new Activation("relu"));}</pre>
 */
public class Activation extends Layer {
  private final ActivationFunction activation;

  /** An activation layer; {@code activation} is a name ("relu") or an ActivationFunction. */
  public Activation(Object activation) {
    this.activation = Activations.get(activation);
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    return activation.apply(input);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return List.of(in.get(0));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("activation", activation.name());
    return c;
  }
}
