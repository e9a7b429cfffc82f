package io.keras4j.tuner;

import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.tuner.hyperparameters.HyperParameters;
import java.util.Map;

/**
 * Hyperband: many models trained briefly, the best continued longer (see {@link HyperbandOracle}); a continued trial
 * starts from the checkpoint of the trial it continues and trains from epoch {@code tuner/initial_epoch} to
 * {@code tuner/epochs}.
 *
 * <pre>{@code new Hyperband(hypermodel, "val_accuracy").maxEpochs(27).factor(3).search(x, y, fitOptions);}</pre>
 *
 * <p>Keras equivalent: {@code keras_tuner.Hyperband(hypermodel=None, objective=None, max_epochs=100, factor=3,
 * hyperband_iterations=1, seed=None, ...)}.
 */
public class Hyperband extends Tuner<Hyperband> {
  private int maxEpochs = 100;
  private int factor = 3;
  private int hyperbandIterations = 1;

  /** A Hyperband search over {@code hypermodel}'s space optimizing {@code objective}. */
  public Hyperband(HyperModel hypermodel, Object objective) {
    super(hypermodel, objective);
  }

  /** Sets the most epochs one model trains (Keras' {@code max_epochs=}). Default 100. */
  public Hyperband maxEpochs(int maxEpochs) {
    checkOpen();
    this.maxEpochs = Checks.positive("max_epochs", maxEpochs);
    return self();
  }

  /** Sets the reduction factor between rounds (Keras' {@code factor=}). Default 3. */
  public Hyperband factor(int factor) {
    checkOpen();
    if (factor < 2) {
      throw new IllegalArgumentException("factor needs to be a int larger than 1. Received: factor=" + factor);
    }
    this.factor = factor;
    return self();
  }

  /** Sets how often the whole Hyperband schedule runs (Keras' {@code hyperband_iterations=}). Default 1. */
  public Hyperband hyperbandIterations(int n) {
    checkOpen();
    this.hyperbandIterations = Checks.positive("hyperband_iterations", n);
    return self();
  }

  @Override
  protected Oracle createOracle(Oracle.Settings s) {
    return new HyperbandOracle(s, maxEpochs, factor, hyperbandIterations);
  }

  /** Trains from {@code tuner/initial_epoch} to {@code tuner/epochs} (Keras' {@code Hyperband.run_trial}). */
  @Override
  protected Object runTrial(Trial trial, Object x, Object y, FitOptions fit) {
    Map<String, Object> v = trial.hyperparameters().values();
    FitOptions options = fit;
    if (v.containsKey("tuner/epochs")) {
      options = fit.copy().epochs(((Number) v.get("tuner/epochs")).intValue())
          .initialEpoch(((Number) v.get("tuner/initial_epoch")).intValue());
    }
    return super.runTrial(trial, x, y, options);
  }

  /** Builds the model and, for a continued trial, loads the checkpoint of {@code tuner/trial_id}. */
  @Override
  protected Model buildHypermodel(HyperParameters hp) {
    Model model = super.buildHypermodel(hp);
    Object from = hp.values().get("tuner/trial_id");
    if (from != null) {
      model.loadWeights(checkpointPath(String.valueOf(from)));
    }
    return model;
  }
}
