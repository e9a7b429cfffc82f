package io.keras4j.layers;

// Follows keras/src/applications/inception_resnet_v2.py (CustomScaleLayer).

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The first input plus the second times {@code scale}: InceptionResNetV2's residual sum {@code x + scale * r}.
 *
 * <pre>{@code x = new CustomScaleLayer(0.17).apply(List.of(shortcut, residual)).get(0);}</pre>
 *
 * <p>Keras equivalent: {@code keras.src.applications.inception_resnet_v2.CustomScaleLayer(scale)}, the layer Keras'
 * InceptionResNetV2 models are saved with.
 */
public class CustomScaleLayer extends Merge<CustomScaleLayer> {
  private final double scale;

  /** A residual sum whose second input is multiplied by {@code scale}. */
  public CustomScaleLayer(double scale) {
    if (!Double.isFinite(scale)) {
      throw new IllegalArgumentException("CustomScaleLayer: `scale` must be a finite number. Received: scale="
          + scale);
    }
    this.scale = scale;
  }

  /** Keras' module, {@code "keras.src.applications.inception_resnet_v2"}. */
  @Override
  public String kerasModule() {
    return "keras.src.applications.inception_resnet_v2";
  }

  /**
   * Checks that there are two inputs. Porting note: Keras' layer would ignore a third input; here it is an error.
   */
  @Override
  protected void build(List<Shape> inputShapes) {
    if (inputShapes.size() != 2) {
      throw new IllegalArgumentException("CustomScaleLayer '" + name() + "' should be called on exactly 2 inputs. "
          + "Received: " + inputShapes.size() + " inputs.");
    }
    super.build(inputShapes);
  }

  @Override
  protected Tensor merge(List<Tensor> inputs) {
    return ops().add(inputs.get(0), ops().multiply(inputs.get(1), (float) scale));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("scale", scale);
    return c;
  }

  /** A CustomScaleLayer from its Keras config. */
  public static CustomScaleLayer fromConfig(Map<String, Object> config) {
    Config c = new Config("CustomScaleLayer", config);
    return withBaseConfig(new CustomScaleLayer(c.number("scale")), c);
  }
}
