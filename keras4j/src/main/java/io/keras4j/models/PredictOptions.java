package io.keras4j.models;

import io.keras4j.callbacks.Callback;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The keyword arguments of {@link Model#predict(Object, PredictOptions)}, as fluent setters.
 *
 * <p>Keras equivalent: {@code model.predict(x, batch_size=None, callbacks=None)}.
 * <pre>{@code model.predict(x, new PredictOptions().batchSize(64).callbacks(myCallback));}</pre>
 */
public final class PredictOptions {
  int batchSize = 32;
  List<Callback> callbacks = new ArrayList<>();

  /** Sets the samples per step (Keras' {@code batch_size=}). Default 32. */
  public PredictOptions batchSize(int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch_size must be positive. Received: batch_size=" + batchSize);
    }
    this.batchSize = batchSize;
    return this;
  }

  /** Sets the callbacks, whose {@code onPredict*} hooks are called (Keras' {@code callbacks=}). Default none. */
  public PredictOptions callbacks(Callback... callbacks) {
    this.callbacks = new ArrayList<>(Arrays.asList(callbacks));
    return this;
  }
}
