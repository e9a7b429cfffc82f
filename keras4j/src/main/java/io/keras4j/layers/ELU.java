package io.keras4j.layers;

import io.keras4j.activations.Activations;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Exponential linear unit: {@code x} for x > 0, {@code alpha * (exp(x) - 1)} otherwise.
 *
 * <p>Keras equivalent: {@code keras.layers.ELU(alpha=1.0)}.
 * <pre>{@code model.add(new ELU().alpha(0.5));}</pre>
 */
public class ELU extends BaseLayer<ELU> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

  private double alpha = 1.0;

  /** An ELU of slope 1 for negative inputs. */
  public ELU() {}

  /** The same as {@code new ELU().alpha(alpha)}. */
  public ELU(double alpha) {
    this.alpha = alpha;
  }

  /** Sets the scale of the negative part (Keras' {@code alpha=}). Default 1.0. */
  public ELU alpha(double alpha) {
    checkNotBuilt("alpha");
    this.alpha = alpha;
    return this;
  }

  /** The input's shape (Keras' {@code compute_output_shape}): found without tracing a scratch graph. */
  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes, List<String> dtypes) {
    return List.of(inputShapes.get(0));
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    return Activations.elu(input, alpha);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("alpha", alpha);
    return c;
  }

  /** An ELU layer from its Keras config (Keras' {@code ELU.from_config}). */
  public static ELU fromConfig(Map<String, Object> config) {
    Config c = new Config("ELU", config);
    return withBaseConfig(new ELU(c.number("alpha", 1.0)), c);
  }
}
