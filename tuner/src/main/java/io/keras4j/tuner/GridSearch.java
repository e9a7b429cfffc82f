package io.keras4j.tuner;

/**
 * Grid search: the trials walk through every combination of the hyperparameters' values (a float without step
 * contributes ten values), defaults first, until the grid or {@code max_trials} is exhausted.
 *
 * <p>Keras equivalent: {@code keras_tuner.GridSearch(hypermodel=None, objective=None, max_trials=None, seed=None,
 * ...)}.
 */
public class GridSearch extends Tuner<GridSearch> {

  /** A grid search over {@code hypermodel}'s space optimizing {@code objective}. */
  public GridSearch(HyperModel hypermodel, Object objective) {
    super(hypermodel, objective);
  }

  /** Sets the most trials to run (Keras' {@code max_trials=}). Default: no limit, the whole grid. */
  public GridSearch maxTrials(int maxTrials) {
    checkOpen();
    settings.maxTrials = Checks.positive("max_trials", maxTrials);
    return self();
  }

  @Override
  protected Oracle createOracle(Oracle.Settings s) {
    return new GridSearchOracle(s);
  }
}
