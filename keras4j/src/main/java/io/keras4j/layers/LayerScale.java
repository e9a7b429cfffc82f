package io.keras4j.layers;

// Follows keras/src/applications/convnext.py (LayerScale).

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.initializers.Constant;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Multiplies its input by a learned per-channel scale {@code gamma} of size {@code projectionDim}, initialised to
 * {@code initValues}: ConvNeXt's layer scale.
 *
 * <pre>{@code x = new LayerScale(1e-6, 96).apply(x);}</pre>
 *
 * <p>Keras equivalent: {@code keras.src.applications.convnext.LayerScale(init_values, projection_dim)}, the layer
 * Keras' ConvNeXt models are saved with.
 */
public class LayerScale extends BaseLayer<LayerScale> {
  private final double initValues;
  private final int projectionDim;
  private Variable gamma;

  /** A scale of {@code projectionDim} channels, each starting at {@code initValues}. */
  public LayerScale(double initValues, int projectionDim) {
    if (projectionDim <= 0) {
      throw new IllegalArgumentException("LayerScale: `projection_dim` must be positive. Received: projection_dim="
          + projectionDim);
    }
    this.initValues = initValues;
    this.projectionDim = projectionDim;
  }

  @Override
  protected void build(Shape inputShape) {
    // Porting note: Keras names the weight automatically ("variable"); files store it by position
    gamma = addWeight("gamma", Shape.of(projectionDim), new Constant(initValues), null, null, true);
  }

  /** Keras' module, {@code "keras.src.applications.convnext"}. */
  @Override
  public String kerasModule() {
    return "keras.src.applications.convnext";
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    return ops().multiply(input, ops().read(gamma));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return List.of(in.get(0));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("init_values", initValues);
    c.put("projection_dim", projectionDim);
    return c;
  }

  /** A LayerScale layer from its Keras config. */
  public static LayerScale fromConfig(Map<String, Object> config) {
    Config c = new Config("LayerScale", config);
    return withBaseConfig(new LayerScale(c.number("init_values"), c.integer("projection_dim")), c);
  }
}
