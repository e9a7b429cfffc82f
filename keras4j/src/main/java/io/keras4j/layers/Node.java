package io.keras4j.layers;

import io.keras4j.backend.KerasTensor;
import java.util.List;

/**
 * One call of a layer in the functional graph: the Keras tensors it took and the ones it made.
 *
 * <p>Keras equivalent: {@code keras.src.ops.node.Node}.
 */
public final class Node {
  private final Layer layer;
  private final List<KerasTensor> inputs;
  private final List<KerasTensor> outputs;

  Node(Layer layer, List<KerasTensor> inputs, List<KerasTensor> outputs) {
    this.layer = layer;
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
  }

  public Layer layer() {
    return layer;
  }

  /** The Keras tensors the layer was called on (empty for an InputLayer). */
  public List<KerasTensor> inputs() {
    return inputs;
  }

  public List<KerasTensor> outputs() {
    return outputs;
  }

  /** True for the node of an InputLayer. */
  public boolean isInput() {
    return inputs.isEmpty();
  }
}
