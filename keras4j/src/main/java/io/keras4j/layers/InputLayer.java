package io.keras4j.layers;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The entry point of a model: holds the input's shape and makes its Keras tensor.
 *
 * <p>Keras equivalent: {@code keras.layers.InputLayer(shape=None, batch_size=None, dtype=None, sparse=None,
 * batch_shape=None, name=None, optional=False)}; dense, required float32 inputs only. Use {@link Input#of} for the
 * Keras tensor.
 */
public class InputLayer extends BaseLayer<InputLayer> {
  private final Shape batchShape;
  private final KerasTensor output;
  private String integerDtype;

  /** An input of {@code shape} (without batch dimension). */
  public InputLayer(int... shape) {
    this(Shape.of(shape).withBatch(Shape.UNKNOWN), null);
  }

  /** An input of {@code batchShape} (batch dimension first, -1 for any), optionally named. */
  public InputLayer(Shape batchShape, String name) {
    if (batchShape.rank() == 0) {
      throw new IllegalArgumentException("InputLayer needs a shape of rank >= 1 (batch included). Received: "
          + batchShape);
    }
    if (name != null) {
      name(name);
    }
    this.batchShape = batchShape;
    this.output = new KerasTensor(batchShape, "float32", this, 0, 0);
    inboundNodes().add(new Node(this, List.of(), List.of(output)));
    markBuilt(List.of(batchShape));
  }

  /**
   * Sets the input's dtype (Keras' {@code dtype=}): "float32", or "int32"/"int64" for indices, as a Keras file with
   * {@code keras.Input(shape, dtype="int32")} before an Embedding has it. Porting note: keras4j feeds every model input
   * as float32; an integer dtype is kept for the file, and the layers that take indices cast them (exact below 2^24).
   */
  @Override
  public InputLayer dtype(String dtype) {
    if ("int32".equals(dtype) || "int64".equals(dtype)) {
      this.integerDtype = dtype;
      return this;
    }
    if (!"float32".equals(dtype)) { // Keras' Input(dtype=None) is floatx() whatever the dtype policy
      throw new IllegalArgumentException("InputLayer '" + name() + "': keras4j feeds inputs as float32. Expected "
          + "dtype float32, int32 or int64. Received: dtype=" + dtype);
    }
    this.integerDtype = null;
    return this;
  }

  @Override
  public String dtype() {
    return integerDtype != null ? integerDtype : "float32";
  }

  /** The shape, batch dimension first. */
  public Shape batchShape() {
    return batchShape;
  }

  /** The Keras tensor this layer makes. */
  @Override
  public KerasTensor output() {
    return output;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    return input;
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("batch_shape", batchShape.toJson());
    c.put("dtype", dtype());
    c.put("sparse", false);
    c.put("ragged", false);
    c.put("name", name());
    c.put("optional", false);
    return c;
  }

  /**
   * An InputLayer from its Keras config (Keras' {@code InputLayer.from_config}): {@code batch_shape} (or Keras 2's
   * {@code batch_input_shape}), {@code dtype}, {@code name}; sparse, ragged and optional inputs are refused.
   */
  public static InputLayer fromConfig(Map<String, Object> config) {
    Config c = new Config("InputLayer", config);
    for (String flag : List.of("sparse", "ragged", "optional")) {
      if (c.bool(flag, false)) {
        throw new IllegalArgumentException("InputLayer: " + flag + " inputs are not supported. Expected " + flag
            + "=false. Received: " + flag + "=true");
      }
    }
    int[] batch = LayerConfigs.batchShape(c);
    if (batch == null) {
      throw new IllegalArgumentException("InputLayer config lacks `batch_shape`. Received: " + config);
    }
    InputLayer layer = new InputLayer(Shape.of(batch), c.string("name", null));
    if (LayerConfigs.dtype(c) instanceof String d) {
      layer.dtype(d);
    }
    return layer;
  }
}
