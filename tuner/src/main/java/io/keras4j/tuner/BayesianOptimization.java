package io.keras4j.tuner;

/**
 * Bayesian optimization with a Gaussian process: random trials first, then the values minimizing the lower
 * confidence bound of the surrogate (see {@link BayesianOptimizationOracle}).
 *
 * <p>Keras equivalent: {@code keras_tuner.BayesianOptimization(hypermodel=None, objective=None, max_trials=10,
 * num_initial_points=None, alpha=0.0001, beta=2.6, seed=None, ...)}.
 */
public class BayesianOptimization extends Tuner<BayesianOptimization> {
  private Integer numInitialPoints;
  private double alpha = 1e-4;
  private double beta = 2.6;

  /** A Bayesian search over {@code hypermodel}'s space optimizing {@code objective}. */
  public BayesianOptimization(HyperModel hypermodel, Object objective) {
    super(hypermodel, objective);
    settings.maxTrials = 10;
  }

  /** Sets the number of trials (Keras' {@code max_trials=}). Default 10. */
  public BayesianOptimization maxTrials(int maxTrials) {
    checkOpen();
    settings.maxTrials = Checks.positive("max_trials", maxTrials);
    return self();
  }

  /** Sets the random trials before the surrogate is used (Keras' {@code num_initial_points=}). Default 3 x dimensions (at least 3). */
  public BayesianOptimization numInitialPoints(int n) {
    checkOpen();
    numInitialPoints = Checks.positive("num_initial_points", n);
    return self();
  }

  /** Sets the noise added to the kernel's diagonal (Keras' {@code alpha=}). Default 1e-4. */
  public BayesianOptimization alpha(double alpha) {
    checkOpen();
    if (!(alpha > 0)) {
      throw new IllegalArgumentException("alpha must be positive. Received: alpha=" + alpha);
    }
    this.alpha = alpha;
    return self();
  }

  /** Sets the weight of the standard deviation in the confidence bound (Keras' {@code beta=}). Default 2.6. */
  public BayesianOptimization beta(double beta) {
    checkOpen();
    if (!(beta >= 0)) {
      throw new IllegalArgumentException("beta must be >= 0. Received: beta=" + beta);
    }
    this.beta = beta;
    return self();
  }

  @Override
  protected Oracle createOracle(Oracle.Settings s) {
    return new BayesianOptimizationOracle(s, numInitialPoints, alpha, beta);
  }
}
