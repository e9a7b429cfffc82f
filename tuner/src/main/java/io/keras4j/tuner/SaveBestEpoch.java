package io.keras4j.tuner;

import io.keras4j.callbacks.Callback;
import java.nio.file.Path;
import java.util.Map;

/**
 * Saves the model's weights at each epoch that improves the objective (every epoch when the objective is not in the
 * logs): the trial's best checkpoint across its executions.
 *
 * <p>Keras equivalent: {@code keras_tuner.engine.tuner_utils.SaveBestEpoch(objective, filepath)}.
 */
public class SaveBestEpoch extends Callback {
  private final Objective objective;
  private final Path filepath;
  private double bestValue;

  /** Saves to {@code filepath} (a .weights.h5 file). */
  public SaveBestEpoch(Objective objective, Path filepath) {
    this.objective = objective;
    this.filepath = filepath;
    this.bestValue = objective.direction().equals("max") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    if (!objective.hasValue(logs)) {
      model().saveWeights(filepath);
      return;
    }
    double current = objective.getValue(logs);
    if (objective.betterThan(current, bestValue)) {
      bestValue = current;
      model().saveWeights(filepath);
    }
  }

  /** The best objective value seen. */
  public double bestValue() {
    return bestValue;
  }
}
