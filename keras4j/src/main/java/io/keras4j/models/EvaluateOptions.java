package io.keras4j.models;

import io.keras4j.callbacks.Callback;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The keyword arguments of {@link Model#evaluate(Object, Object, EvaluateOptions)} and of
 * {@link Model#evaluate(io.keras4j.data.Dataset, EvaluateOptions)} (its steps and callbacks), as fluent setters.
 *
 * <p>Keras equivalent: {@code model.evaluate(x, y, batch_size=None, sample_weight=None, steps=None,
 * callbacks=None)}.
 * <pre>{@code model.evaluate(x, y, new EvaluateOptions().batchSize(64).callbacks(myCallback));}</pre>
 */
public final class EvaluateOptions {
  /** Null: Keras' {@code batch_size=None}, 32 or, with {@code steps}, the samples over the steps. */
  Integer batchSize;
  Object sampleWeight;
  Integer steps;
  List<Callback> callbacks = new ArrayList<>();

  /**
   * Sets the samples per step (Keras' {@code batch_size=}). Default, as Keras' None: 32, or with {@code steps} and
   * array data, the samples over the steps rounded up (Keras' array adapter); 0 too, as Keras reads it as None.
   * Porting note: a negative size is refused, where Keras fails inside its data pipeline.
   */
  public EvaluateOptions batchSize(int batchSize) {
    this.batchSize = FitOptions.checkedBatchSize(batchSize, "batch_size");
    return this;
  }

  /**
   * Sets a weight per sample, {@code float[]} (Keras' {@code sample_weight=}), weighing the loss and the weighted
   * metrics, not the plain metrics. Default none.
   */
  public EvaluateOptions sampleWeight(Object sampleWeight) {
    this.sampleWeight = sampleWeight;
    return this;
  }

  /**
   * Sets the batches to evaluate (Keras' {@code steps=}): the first {@code steps} batches, or all of them when the
   * data has fewer (with Keras' warning that the input ran out); rounded up to whole calls of the model's
   * {@code steps_per_execution}, as Keras' loop reads them. Default null (or 0): every batch. Porting note: a
   * negative count is refused, where Keras does not refuse it.
   */
  public EvaluateOptions steps(Integer steps) {
    this.steps = FitOptions.checkedSteps(steps, "steps");
    return this;
  }

  /** Sets the callbacks, whose {@code onTest*} hooks are called (Keras' {@code callbacks=}). Default none. */
  public EvaluateOptions callbacks(Callback... callbacks) {
    this.callbacks = new ArrayList<>(Arrays.asList(callbacks));
    return this;
  }
}
