package io.keras4j.backend;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The engine behind the backend seam: creates graphs and native arrays, and reads and writes SavedModels.
 *
 * <p>Keras equivalent: the backend module chosen by {@code KERAS_BACKEND}. An engine is a public class with a public
 * no-argument constructor, annotated with its {@link EngineName}, found by {@link Engines} through
 * {@link java.util.ServiceLoader}; keras4j ships one,
 * TensorFlow Java, named "tensorflow". Nothing outside the engine's own package refers to its classes.
 */
public interface Engine {
  /** The engine's name, such as "tensorflow", matched against {@code -Dkeras4j.backend} / {@code KERAS_BACKEND}. */
  String name();

  /**
   * Starts preparing, in the background, what training needs and a first prediction does not (TensorFlow: the
   * classes of traced step loops); called by {@code Model.compile} and when {@link Backend#engine()} starts the
   * engine. Repeated calls do nothing. By default nothing.
   */
  default void prepareTraining() {}

  /**
   * Returns once the engine's native runtime is loaded and its operations registered (TensorFlow: its native
   * library), loading it on the calling thread or waiting for the background load already under way; what Python's
   * {@code import keras} does before any model exists. Repeated calls return at once. By default nothing.
   */
  default void loadRuntime() {}

  /** A new graph with its session. */
  ComputeGraph newGraph();

  /** Copies {@code data} (row-major) into a native float32 array of {@code shape}. */
  NativeArray array(float[] data, Shape shape);

  /** Copies {@code data} (row-major) into a native int32 array of {@code shape}. */
  NativeArray array(int[] data, Shape shape);

  /**
   * Copies {@code array}'s values, cast to float32, into a native float32 array of its shape; by default through
   * {@link HostArray#values}, an engine that can write its native memory in chunks takes a deferred array's values
   * straight from its Java array ({@link HostArray#copyTo(HostArray.FloatSink)}).
   */
  default NativeArray array(HostArray array) {
    return array(array.values(), array.shape());
  }

  /**
   * Writes {@code fn} as a SavedModel in {@code dir}: inputs named {@code inputNames} with {@code inputShapes}
   * (batch first), outputs {@code output_0, output_1, ...}, signature "serving_default", tag "serve", with the
   * current values of the variables it reads.
   */
  void exportSavedModel(Path dir, List<String> inputNames, List<Shape> inputShapes,
      Function<List<Tensor>, List<Tensor>> fn);

  /** Loads a SavedModel's signatures for inference. */
  SavedModelRunner loadSavedModel(Path dir, String tag);

  /**
   * Reads {@code signature} of the SavedModel in {@code dir} (tag {@code tag}) so that it can be copied into traced
   * graphs, its variables becoming keras4j {@link Variable}s.
   *
   * @throws IllegalArgumentException when the SavedModel, the tag or the signature is missing, or the signature
   *     cannot be copied by this engine
   */
  ImportedFunction importSavedModel(Path dir, String tag, String signature);

  /**
   * The engine's own host array (TensorFlow Java's {@code NdArray}) as a HostArray with its dtype, or null when
   * {@code engineArray} is not one.
   */
  default HostArray hostArray(Object engineArray) {
    return null;
  }

  /**
   * A copy of {@code array} as the engine's own host array (TensorFlow Java's {@code FloatNdArray},
   * {@code DoubleNdArray}, {@code IntNdArray}, {@code LongNdArray} or {@code BooleanNdArray}).
   *
   * @throws UnsupportedOperationException when the engine has no host array type of its own
   */
  default Object engineArray(HostArray array) {
    throw new UnsupportedOperationException("The " + name() + " engine has no host array type of its own");
  }

  /**
   * Starts tracing every run of a traced function, op by op, until the returned trace is stopped (the profiler of
   * {@code keras.callbacks.TensorBoard(profile_batch=...)}). Tracing slows the runs.
   *
   * @throws UnsupportedOperationException when the engine cannot profile
   */
  default ProfileTrace startProfile() {
    throw new UnsupportedOperationException("The " + name() + " engine cannot profile");
  }
}
