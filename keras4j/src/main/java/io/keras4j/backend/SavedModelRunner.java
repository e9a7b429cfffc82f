package io.keras4j.backend;

import java.util.List;
import java.util.Map;

/**
 * A loaded SavedModel's signatures, run for inference.
 *
 * <p>Keras equivalent: what {@code tf.saved_model.load(path).signatures["serving_default"]} gives a Python user.
 */
public interface SavedModelRunner extends AutoCloseable {
  /** The signature keys, such as "serving_default". */
  List<String> signatures();

  /** The input names and shapes of {@code signature}. */
  Map<String, Shape> inputs(String signature);

  /** The output names and shapes of {@code signature}. */
  Map<String, Shape> outputs(String signature);

  /** Runs {@code signature} on float inputs by name; returns every output by name. */
  Map<String, HostArray> call(String signature, Map<String, HostArray> inputs);

  @Override
  void close();
}
