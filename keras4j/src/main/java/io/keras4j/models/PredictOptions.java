package io.keras4j.models;

import io.keras4j.callbacks.Callback;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The keyword arguments of {@link Model#predict(Object, PredictOptions)}, as fluent setters.
 *
 * <p>Keras equivalent: {@code model.predict(x, batch_size=None, steps=None, callbacks=None)}.
 * <pre>{@code model.predict(x, new PredictOptions().batchSize(64).steps(2).callbacks(myCallback));}</pre>
 */
public final class PredictOptions {
  /** Null: Keras' {@code batch_size=None}, 32 or, with {@code steps}, the samples over the steps. */
  Integer batchSize;
  Integer steps;
  List<Callback> callbacks = new ArrayList<>();

  /**
   * Sets the samples per step (Keras' {@code batch_size=}). Default, as Keras' None (and 0, which Keras reads as
   * None): 32, or with {@code steps} the samples over the steps rounded up (Keras' array adapter). Porting note: a
   * negative size is refused, where Keras fails inside its data pipeline.
   */
  public PredictOptions batchSize(int batchSize) {
    this.batchSize = FitOptions.checkedBatchSize(batchSize, "batch_size");
    return this;
  }

  /**
   * Sets the batches to predict (Keras' {@code steps=}): the first {@code steps} batches, whose rows alone the
   * result holds, or all of them when the data has fewer (with Keras' warning that the input ran out); rounded up to
   * whole calls of the model's {@code steps_per_execution}, as Keras' loop reads them. Default null (or 0): every
   * batch. Porting note: a negative count is refused, where Keras does not refuse it.
   */
  public PredictOptions steps(Integer steps) {
    this.steps = FitOptions.checkedSteps(steps, "steps");
    return this;
  }

  /** Sets the callbacks, whose {@code onPredict*} hooks are called (Keras' {@code callbacks=}). Default none. */
  public PredictOptions callbacks(Callback... callbacks) {
    this.callbacks = new ArrayList<>(Arrays.asList(callbacks));
    return this;
  }
}
