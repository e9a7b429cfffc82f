package io.keras4j.layers;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Applies an activation function.
 *
 * <p>Keras equivalent: {@code keras.layers.Activation(activation)}.
 * <pre>{@code model.add(new Activation("relu"));}</pre>
 */
public class Activation extends BaseLayer<Activation> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

  private final ActivationFunction activation;

  /** An activation layer of the Keras activation {@code activation}, such as "relu". */
  public Activation(String activation) {
    this.activation = Activations.get(activation);
  }

  /** An activation layer applying {@code activation}. */
  public Activation(ActivationFunction activation) {
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

  /** An Activation layer from its Keras config (Keras' {@code Activation.from_config}). */
  public static Activation fromConfig(Map<String, Object> config) {
    Config c = new Config("Activation", config);
    if (!c.has("activation")) {
      throw new IllegalArgumentException("Activation config lacks the required `activation`. Received: " + config);
    }
    return withBaseConfig(new Activation(c.identifier("activation", null)), c);
  }
}
