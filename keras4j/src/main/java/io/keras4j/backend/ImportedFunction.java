package io.keras4j.backend;

import java.util.List;

/**
 * A signature of a SavedModel whose graph is copied into the graph being traced, its variables held as keras4j
 * {@link Variable}s.
 *
 * <p>Keras equivalent: the function behind {@code keras.layers.TFSMLayer}. {@link #apply} must be called while
 * a graph is traced (inside a layer's call).
 */
public interface ImportedFunction {
  /** The SavedModel's variables, with the values it was saved with. */
  List<Variable> variables();

  /** The signature's input names, in the order {@link #apply} takes them. */
  List<String> inputNames();

  /** The signature's input shapes (batch first). */
  List<Shape> inputShapes();

  /** The signature's output shapes (batch first). */
  List<Shape> outputShapes();

  /**
   * The op types between the variables and the outputs that have no registered gradient: fine-tuning is refused
   * while this is not empty (inference works).
   */
  List<String> opsWithoutGradient();

  /** Copies the signature's computation into the graph being traced, on {@code inputs}; returns its outputs. */
  List<Tensor> apply(List<Tensor> inputs);
}
