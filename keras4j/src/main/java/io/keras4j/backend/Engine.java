package io.keras4j.backend;

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
}
