package io.keras4j.backend;

import java.util.List;

/**
 * The engine behind the backend seam: creates graphs and native arrays.
 *
 * <p>Keras equivalent: the module chosen by {@code KERAS_BACKEND}. keras4j has one engine, TensorFlow Java
 * ({@code io.keras4j.backend.tensorflow}).
 */
public interface Engine {
  /** Engine's name, such as "tensorflow". */
  String name();

  ComputeGraph newGraph();

  NativeArray array(float[] data, Shape shape);

  NativeArray array(int[] data, Shape shape);

  /**
   * Writes {@code fn} as a SavedModel in {@code dir}: inputs named {@code inputNames} with {@code inputShapes}
   * (batch first), outputs {@code output_0, output_1, ...}, signature "serving_default", tag "serve", with the
   * current values of the variables it reads.
   */
  void exportSavedModel(java.nio.file.Path dir, List<String> inputNames, List<Shape> inputShapes,
      java.util.function.Function<List<Tensor>, List<Tensor>> fn);

  /** Loads a SavedModel's signatures for inference. */
  SavedModelRunner loadSavedModel(java.nio.file.Path dir, String tag);

  /**
   * The engine's own host array (TensorFlow Java's {@code NdArray}) as a HostArray with its dtype, or null when
   * {@code engineArray} is not one.
   */
  default HostArray hostArray(Object engineArray) {
    return null;
  }
}
