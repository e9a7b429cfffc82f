package io.keras4j.tuner;

/**
 * Random search: each trial draws new values at random from the space.
 *
 * <pre>{@code new RandomSearch(hypermodel, "val_accuracy").maxTrials(20).seed(1).search(x, y, fitOptions);}</pre>
 *
 * <p>Keras equivalent: {@code keras_tuner.RandomSearch(hypermodel=None, objective=None, max_trials=10, seed=None,
 * hyperparameters=None, tune_new_entries=True, allow_new_entries=True, max_retries_per_trial=0,
 * max_consecutive_failed_trials=3, **kwargs)}.
 */
public class RandomSearch extends Tuner<RandomSearch> {

  /** A random search over {@code hypermodel}'s space optimizing {@code objective} (a name or an Objective). */
  public RandomSearch(HyperModel hypermodel, Object objective) {
    super(hypermodel, objective);
    settings.maxTrials = 10;
  }

  /** Sets the number of trials (Keras' {@code max_trials=}). Default 10. */
  public RandomSearch maxTrials(int maxTrials) {
    checkOpen();
    settings.maxTrials = Checks.positive("max_trials", maxTrials);
    return self();
  }

  @Override
  protected Oracle createOracle(Oracle.Settings s) {
    return new RandomSearchOracle(s);
  }
}
