package io.keras4j.saving;

import io.keras4j.backend.Backend;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.SavedModelRunner;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A TensorFlow SavedModel loaded for inference: run its signatures from Java.
 *
 * <p>Keras equivalent: {@code tf.saved_model.load(path)} and Keras 3's {@code keras.layers.TFSMLayer} used for
 * inference. Porting note: using a SavedModel as a trainable layer inside a keras4j model is not supported yet.
 * <pre>{@code try (SavedModel sm = SavedModel.load(dir)) { NDArray y = sm.predict(x); }}</pre>
 */
public final class SavedModel implements AutoCloseable {
  private final SavedModelRunner runner;

  private SavedModel(SavedModelRunner runner) {
    this.runner = runner;
  }

  /** Loads the SavedModel in {@code dir} with the "serve" tag. */
  public static SavedModel load(Path dir) {
    return load(dir, "serve");
  }

  /** Loads the SavedModel in {@code dir} with {@code tag}. */
  public static SavedModel load(Path dir, String tag) {
    if (!java.nio.file.Files.exists(dir.resolve("saved_model.pb"))) {
      throw new KerasFileException(dir + " is not a SavedModel directory: it has no saved_model.pb");
    }
    return new SavedModel(Backend.loadSavedModel(dir, tag));
  }

  /** The signature keys, such as "serving_default". */
  public List<String> signatures() {
    return runner.signatures();
  }

  /** Input names and shapes of {@code signature}. */
  public Map<String, Shape> inputs(String signature) {
    return runner.inputs(signature);
  }

  /** Output names and shapes of {@code signature}. */
  public Map<String, Shape> outputs(String signature) {
    return runner.outputs(signature);
  }

  /**
   * Runs {@code signature} on named inputs (each an NDArray, a Java array or an NdArray); returns the named outputs.
   */
  public Map<String, NDArray> call(String signature, Map<String, ?> inputs) {
    Map<String, HostArray> in = new java.util.LinkedHashMap<>();
    inputs.forEach((k, v) -> in.put(k, HostArray.of(v)));
    Map<String, NDArray> out = new java.util.LinkedHashMap<>();
    runner.call(signature, in).forEach((k, v) -> out.put(k, NDArray.of(v)));
    return out;
  }

  /** The first output of "serving_default" for a single-input signature, with its shape. */
  public NDArray predict(Object x) {
    Map<String, Shape> in = runner.inputs("serving_default");
    if (in.size() != 1) {
      throw new IllegalArgumentException("predict needs a single-input signature; serving_default takes " + in.keySet()
          + ". Use call(signature, inputs)");
    }
    Map<String, HostArray> out = runner.call("serving_default", Map.of(in.keySet().iterator().next(), HostArray.of(x)));
    HostArray first = out.containsKey("output_0") ? out.get("output_0") : out.values().iterator().next();
    return NDArray.of(first);
  }

  @Override
  public void close() {
    runner.close();
  }
}
