package io.keras4j.callbacks;

import io.keras4j.models.Model;
import java.util.Map;

/**
 * Hooks into {@code fit}, {@code evaluate} and {@code predict}.
 *
 * <p>Keras equivalent: {@code keras.callbacks.Callback}. Override the hooks you need; {@code logs} maps metric
 * names ("loss", "accuracy", "val_loss", ...) to values.
 */
public abstract class Callback {
  private Model model;

  /** Engine use: the model being trained. */
  public void setModel(Model model) {
    this.model = model;
  }

  public Model model() {
    return model;
  }

  /** Called at the start of {@code fit} (Keras' {@code on_train_begin}). */
  public void onTrainBegin(Map<String, Double> logs) {}

  /** Called at the end of {@code fit} with the last epoch's logs (Keras' {@code on_train_end}). */
  public void onTrainEnd(Map<String, Double> logs) {}

  /** Called at the start of each epoch of {@code fit} (Keras' {@code on_epoch_begin}). */
  public void onEpochBegin(int epoch, Map<String, Double> logs) {}

  /** Called at the end of each epoch; callbacks may add entries to {@code logs} (Keras' {@code on_epoch_end}). */
  public void onEpochEnd(int epoch, Map<String, Double> logs) {}

  /**
   * Called before a training step, or a group of {@code steps_per_execution} steps (Keras'
   * {@code on_train_batch_begin}).
   */
  public void onTrainBatchBegin(int batch, Map<String, Double> logs) {}

  /**
   * Called after a training step with the running loss and metrics (Keras' {@code on_train_batch_end}); with
   * {@code steps_per_execution} k, after each call of k batches, {@code batch} being the call's first batch plus
   * k - 1 as in Keras, also for a last call of fewer batches ({@link #onTrainBatchBegin} gets the first).
   */
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {}

  /** Called at the start of {@code evaluate} and of validation inside {@code fit} (Keras' {@code on_test_begin}). */
  public void onTestBegin(Map<String, Double> logs) {}

  /** Called at the end of {@code evaluate} and of validation, with the results (Keras' {@code on_test_end}). */
  public void onTestEnd(Map<String, Double> logs) {}

  /** Called before an evaluation step (Keras' {@code on_test_batch_begin}). */
  public void onTestBatchBegin(int batch, Map<String, Double> logs) {}

  /** Called after an evaluation step with the running results (Keras' {@code on_test_batch_end}). */
  public void onTestBatchEnd(int batch, Map<String, Double> logs) {}

  /** Called at the start of {@code predict} (Keras' {@code on_predict_begin}). */
  public void onPredictBegin(Map<String, Double> logs) {}

  /** Called at the end of {@code predict} (Keras' {@code on_predict_end}). */
  public void onPredictEnd(Map<String, Double> logs) {}

  /** Called before a prediction step (Keras' {@code on_predict_batch_begin}). */
  public void onPredictBatchBegin(int batch, Map<String, Double> logs) {}

  /**
   * Called after a prediction step (Keras' {@code on_predict_batch_end}); with {@code steps_per_execution} k, after
   * each call of k batches, {@code batch} being the call's first batch plus k - 1 as in Keras, also for a last call
   * of fewer batches. Porting note: Keras passes the batch's outputs as {@code logs["outputs"]}; here {@code logs} is
   * empty, and {@code predict} returns the outputs.
   */
  public void onPredictBatchEnd(int batch, Map<String, Double> logs) {}

  /**
   * Whether this callback reads the logs of each batch of {@code mode} ("train" or "test"), which makes the engine
   * fetch them at every step: by default, when it overrides a batch hook of that mode.
   */
  boolean readsBatchLogs(String mode) {
    String suffix = "train".equals(mode) ? "TrainBatch" : "TestBatch";
    for (String hook : new String[] {"on" + suffix + "Begin", "on" + suffix + "End"}) {
      try {
        if (getClass().getMethod(hook, int.class, java.util.Map.class).getDeclaringClass() != Callback.class) {
          return true;
        }
      } catch (NoSuchMethodException e) {
        return true;
      }
    }
    return false;
  }
}
