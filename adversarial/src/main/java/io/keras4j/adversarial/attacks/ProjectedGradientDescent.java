package io.keras4j.adversarial.attacks;

import io.keras4j.adversarial.KerasClassifier;
import io.keras4j.data.NDArray;

/**
 * Projected gradient descent: max_iter steps of eps_step along the normalized loss gradient, each projected back
 * onto the eps-ball around x and clipped to clip_values, optionally from a random start in the ball.
 *
 * <pre>{@code
 * NDArray xAdv = new ProjectedGradientDescent(classifier).norm("2").eps(1.0).epsStep(0.25).maxIter(20)
 *     .numRandomInit(1).generate(x, y);
 * }</pre>
 *
 * <p>ART equivalent: {@code art.attacks.evasion.ProjectedGradientDescent(estimator, norm=np.inf, eps=0.3,
 * eps_step=0.1, max_iter=100, targeted=False, num_random_init=0, batch_size=32)} (Madry et al., 2017), whose NumPy
 * implementation extends FastGradientMethod as this class does.
 */
public class ProjectedGradientDescent extends FastGradientMethod {
  private int maxIter = 100;

  public ProjectedGradientDescent(KerasClassifier estimator) {
    super(estimator);
  }

  /** The number of gradient steps ({@code max_iter}). Default: 100. */
  public ProjectedGradientDescent maxIter(int maxIter) {
    this.maxIter = positive("max_iter", maxIter);
    return this;
  }

  @Override
  public ProjectedGradientDescent norm(String norm) {
    super.norm(norm);
    return this;
  }

  @Override
  public ProjectedGradientDescent norm(double norm) {
    super.norm(norm);
    return this;
  }

  @Override
  public ProjectedGradientDescent eps(double eps) {
    super.eps(eps);
    return this;
  }

  @Override
  public ProjectedGradientDescent epsStep(double epsStep) {
    super.epsStep(epsStep);
    return this;
  }

  @Override
  public ProjectedGradientDescent targeted(boolean targeted) {
    super.targeted(targeted);
    return this;
  }

  @Override
  public ProjectedGradientDescent numRandomInit(int numRandomInit) {
    super.numRandomInit(numRandomInit);
    return this;
  }

  @Override
  public ProjectedGradientDescent batchSize(int batchSize) {
    super.batchSize(batchSize);
    return this;
  }

  @Override
  public ProjectedGradientDescent seed(long seed) {
    super.seed(seed);
    return this;
  }

  /** Not an argument of PGD (ART's PGD has no {@code minimal}). */
  @Override
  public ProjectedGradientDescent minimal(boolean minimal) {
    if (minimal) {
      throw new IllegalArgumentException("ProjectedGradientDescent has no minimal search. Received: minimal=true");
    }
    return this;
  }

  @Override
  protected float[] attackBatch(NDArray xb, float[][] yb, boolean randomInit) {
    float[] adv = xb.toFloatArray();
    for (int i = 0; i < maxIter; i++) {
      adv = compute(adv, xb, yb, eps, epsStep, true, randomInit && i == 0);
    }
    return adv;
  }
}
