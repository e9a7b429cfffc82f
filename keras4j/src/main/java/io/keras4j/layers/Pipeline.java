package io.keras4j.layers;

// Follows keras/src/layers/preprocessing/pipeline.py (Keras 3.15.1).

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a list of layers in order, as one layer: a preprocessing pipeline.
 *
 * <p>Keras equivalent: {@code keras.layers.Pipeline(layers, name=None)}. Unlike a Sequential model it is a layer,
 * meant for preprocessing (in Keras also inside {@code tf.data}). Its layers' weights are its own; in a
 * {@code .keras} file they lie under {@code layers/pipeline/layers/<layer>/vars}, as Keras writes them.
 * <pre>{@code new Pipeline(List.of(new Rescaling(1 / 255.0), new RandomFlip("horizontal")))}</pre>
 */
public class Pipeline extends BaseLayer<Pipeline> {
  private final List<Layer> layers;

  /** Applies {@code layers} in order (Keras' {@code layers}). */
  public Pipeline(List<? extends Layer> layers) {
    if (layers == null) {
      throw new IllegalArgumentException("Pipeline: `layers` must be a list of layers. Received: layers=null");
    }
    this.layers = List.copyOf(layers);
    for (Layer l : this.layers) {
      track(l);
    }
  }

  /** The same as {@code new Pipeline(List.of(layers))}. */
  public Pipeline(Layer... layers) {
    this(List.of(layers));
  }

  /** The layers, in order (Keras' {@code Pipeline.layers}). */
  public List<Layer> layers() {
    return layers;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, boolean training) {
    List<Tensor> x = inputs;
    for (Layer l : layers) {
      x = l.applyAll(x, training);
    }
    return x;
  }

  @Override
  protected String outputDtype() {
    return layers.isEmpty() ? super.outputDtype() : layers.get(layers.size() - 1).outputDtype();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    List<Object> serialized = new ArrayList<>();
    for (Layer l : layers) {
      serialized.add(ser(l));
    }
    c.put("layers", serialized);
    c.put("name", name());
    return c;
  }

  /** A Pipeline from its Keras config (Keras' {@code Pipeline.from_config}): each layer deserialized. */
  public static Pipeline fromConfig(Map<String, Object> config) {
    Config c = new Config("Pipeline", config);
    if (!(c.get("layers") instanceof List<?> specs)) {
      throw new IllegalArgumentException("`Pipeline` config must contain a `layers` key mapping to a list of "
          + "serialized layers. Received config with layers=" + c.get("layers") + ".");
    }
    List<Layer> layers = new ArrayList<>();
    for (Object spec : specs) {
      layers.add(Layers.deserialize(spec));
    }
    Pipeline p = new Pipeline(layers);
    if (c.has("name")) {
      p.name(c.string("name", null));
    }
    return p;
  }
}
