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

  public void onTrainBegin(Map<String, Double> logs) {}

  public void onTrainEnd(Map<String, Double> logs) {}

  public void onEpochBegin(int epoch, Map<String, Double> logs) {}

  public void onEpochEnd(int epoch, Map<String, Double> logs) {}

  public void onTrainBatchBegin(int batch, Map<String, Double> logs) {}

  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {}

  public void onTestBegin(Map<String, Double> logs) {}

  public void onTestEnd(Map<String, Double> logs) {}

  public void onTestBatchEnd(int batch, Map<String, Double> logs) {}

  public void onPredictBegin(Map<String, Double> logs) {}

  public void onPredictEnd(Map<String, Double> logs) {}
}
