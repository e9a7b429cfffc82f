package io.keras4j.layers;

import io.keras4j.backend.Shape;
import io.keras4j.saving.NestedSaveables;
import java.util.List;
import java.util.Map;

/**
 * The base of layers that wrap another layer and change how it is applied.
 *
 * <p>Keras equivalent: {@code keras.layers.Wrapper(layer)} (keras/src/layers/core/wrapper.py): the wrapped layer is
 * built on the shape the wrapper gives it, its config is the wrapper's {@code layer} key, and its weights are saved
 * under {@code <path>/layer} in a {@code .keras} file.
 *
 * @param <T> the concrete wrapper class
 */
public abstract class Wrapper<T extends Wrapper<T>> extends BaseLayer<T> implements NestedSaveables {
  private final Layer layer;

  /** Wraps {@code layer} (Keras' {@code layer}). */
  protected Wrapper(Layer layer) {
    if (layer == null) {
      throw new IllegalArgumentException("Layer None supplied to Wrapper isn't a supported layer type. Please "
          + "ensure wrapped layer is a valid Keras layer.");
    }
    this.layer = track(layer);
  }

  /** The wrapped layer (Keras' {@code layer}). */
  public Layer layer() {
    return layer;
  }

  /** Keras saves the wrapped layer's weights under {@code <path>/layer} in a {@code .keras} file. */
  @Override
  public Map<String, Object> nestedSaveables() {
    return Map.of("layer", layer);
  }

  /** Builds the wrapped layer for inputs of {@code shape} unless it is built already. */
  protected void buildWrapped(Shape shape) {
    if (!layer.built()) {
      layer.build(List.of(shape));
      layer.markBuilt(List.of(shape));
    }
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("layer", ser(layer));
    return c;
  }

  /** The wrapped layer of a wrapper's config, read through {@link Layers}. */
  protected static Layer wrappedLayer(String className, io.keras4j.saving.Config c) {
    if (c.get("layer") == null) {
      throw new IllegalArgumentException(className + ": the config lacks the wrapped `layer`");
    }
    return Layers.deserialize(c.get("layer"));
  }
}
