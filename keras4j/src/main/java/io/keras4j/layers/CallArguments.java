package io.keras4j.layers;

import io.keras4j.backend.KerasTensor;
import java.util.List;
import java.util.Map;

/**
 * A layer whose functional calls Keras records with keyword arguments: a node's {@code "args"} and
 * {@code "kwargs"} in a {@code .keras} file's {@code inbound_nodes}, such as
 * {@code {"args": [query, value], "kwargs": {"use_causal_mask": true}}} for MultiHeadAttention.
 *
 * <p>Keras equivalent: the {@code call_args}/{@code call_kwargs} of {@code keras.src.ops.node.Node}. Porting note:
 * keras4j's layers take a list of tensors, so such a layer maps the node's arguments to that list (and to its own
 * call settings) when a file is read, and back when one is written.
 */
public interface CallArguments {
  /**
   * Keras' record of one call: {@code {"args": [...], "kwargs": {...}}}, where {@code serializedInputs} are the
   * call's input tensors (in {@link Node#inputs()} order) as a file writes them.
   */
  Map<String, Object> nodeArguments(List<Object> serializedInputs);

  /**
   * Keras' {@code build_config} of the layer built on inputs of {@code inputShapes} (in {@link Node#inputs()}
   * order, each as a file writes it), such as MultiHeadAttention's
   * {@code {"shapes_dict": {"query_shape": ..., "value_shape": ...}}}.
   */
  Map<String, Object> buildConfig(List<Object> inputShapes);

  /**
   * Calls the layer as a Keras node recorded it: {@code args} and {@code kwargs} as in the file, each
   * {@code __keras_tensor__} replaced by its {@link KerasTensor}.
   *
   * @throws IllegalArgumentException for an argument the layer does not take
   */
  List<KerasTensor> applyNode(List<Object> args, Map<String, Object> kwargs);
}
