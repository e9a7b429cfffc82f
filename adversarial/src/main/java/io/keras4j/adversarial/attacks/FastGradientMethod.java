package io.keras4j.adversarial.attacks;

import io.keras4j.adversarial.KerasClassifier;
import io.keras4j.adversarial.Utils;
import io.keras4j.data.NDArray;
import java.util.Arrays;
import java.util.Random;

/**
 * The fast gradient method: one step of size eps along the normalized gradient of the loss (FGSM for the inf norm).
 *
 * <pre>{@code
 * NDArray xAdv = new FastGradientMethod(classifier).norm("inf").eps(0.1).generate(x, y);
 * }</pre>
 *
 * <p>ART equivalent: {@code art.attacks.evasion.FastGradientMethod(estimator, norm=np.inf, eps=0.3, eps_step=0.1,
 * targeted=False, num_random_init=0, batch_size=32, minimal=False)} (Goodfellow et al., 2014). With
 * {@code minimal=true} each sample gets the smallest multiple of eps_step up to eps that fools the classifier.
 */
public class FastGradientMethod extends EvasionAttack {
  protected double norm = Double.POSITIVE_INFINITY;
  protected double eps = 0.3;
  protected double epsStep = 0.1;
  protected boolean targeted;
  protected int numRandomInit;
  protected int batchSize = 32;
  protected boolean minimal;
  protected Random random = new Random(0);

  public FastGradientMethod(KerasClassifier estimator) {
    super(estimator);
  }

  /** The norm of the perturbation: "inf", "1" or "2" ({@code norm}). Default: "inf". */
  public FastGradientMethod norm(String norm) {
    this.norm = Utils.parseNorm(norm, getClass().getSimpleName());
    return this;
  }

  /** The norm as a number: {@code Double.POSITIVE_INFINITY}, 1 or 2. Default: infinity. */
  public FastGradientMethod norm(double norm) {
    this.norm = Utils.checkNorm(norm, getClass().getSimpleName());
    return this;
  }

  /** The attack step size and maximum perturbation ({@code eps}). Default: 0.3. */
  public FastGradientMethod eps(double eps) {
    this.eps = nonNegative("eps", eps);
    return this;
  }

  /** The step size of the search when minimal, and of each iteration in PGD ({@code eps_step}). Default: 0.1. */
  public FastGradientMethod epsStep(double epsStep) {
    if (!(epsStep > 0)) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " expects eps_step > 0. Received: eps_step="
          + epsStep);
    }
    this.epsStep = epsStep;
    return this;
  }

  /** Whether y holds target classes to reach rather than true classes to leave ({@code targeted}). Default: false. */
  public FastGradientMethod targeted(boolean targeted) {
    this.targeted = targeted;
    return this;
  }

  /**
   * The number of random starts inside the eps-ball ({@code num_random_init}); 0 starts at x. The start with the
   * highest success rate is kept. Default: 0.
   */
  public FastGradientMethod numRandomInit(int numRandomInit) {
    this.numRandomInit = (int) nonNegative("num_random_init", numRandomInit);
    return this;
  }

  /** The number of samples per gradient call ({@code batch_size}). Default: 32. */
  public FastGradientMethod batchSize(int batchSize) {
    this.batchSize = positive("batch_size", batchSize);
    return this;
  }

  /** Whether to search the smallest successful perturbation in steps of eps_step ({@code minimal}). Default: false. */
  public FastGradientMethod minimal(boolean minimal) {
    this.minimal = minimal;
    return this;
  }

  /** The seed of the random starts (porting note: ART draws from NumPy's global generator). Default: 0. */
  public FastGradientMethod seed(long seed) {
    this.random = new Random(seed);
    return this;
  }

  @Override
  public NDArray generate(NDArray x, float[][] y) {
    float[][] labels = labels(x, y, targeted);
    int n = (int) x.shape()[0];
    float[] out = new float[(int) x.size()];
    for (int start = 0; start < n; start += batchSize) {
      int end = Math.min(n, start + batchSize);
      NDArray xb = Utils.rows(x, start, end);
      float[][] yb = Arrays.copyOfRange(labels, start, end);
      float[] adv = minimal ? minimalPerturbation(xb, yb) : bestOfRandomStarts(xb, yb);
      System.arraycopy(adv, 0, out, (int) (start * (x.size() / n)), adv.length);
    }
    return Utils.like(out, x);
  }

  /** One step of size eps from x (or from a random start), projected onto the eps-ball. */
  protected float[] attackBatch(NDArray xb, float[][] yb, boolean randomInit) {
    return compute(xb.toFloatArray(), xb, yb, eps, eps, true, randomInit);
  }

  private float[] bestOfRandomStarts(NDArray xb, float[][] yb) {
    float[] best = null;
    double bestRate = -1;
    for (int r = 0; r < Math.max(1, numRandomInit); r++) {
      float[] adv = attackBatch(xb, yb, numRandomInit > 0);
      if (numRandomInit <= 1) {
        return adv;
      }
      double rate = Utils.computeSuccess(estimator, xb, yb, Utils.like(adv, xb), targeted);
      if (rate > bestRate) {
        bestRate = rate;
        best = adv;
      }
    }
    return best;
  }

  private float[] minimalPerturbation(NDArray xb, float[][] yb) {
    float[] x = xb.toFloatArray();
    float[] perturbation = perturbation(x, xb, yb);
    float[] adv = x.clone();
    int n = yb.length;
    int d = x.length / n;
    int[] wanted = Utils.argmax(yb);
    boolean[] active = new boolean[n];
    Arrays.fill(active, true);
    for (double e = epsStep; e <= eps + 1e-9 && anyTrue(active); e += epsStep) {
      float[] trial = apply(x.clone(), perturbation, e);
      int[] predicted = Utils.argmax(estimator.predict(Utils.like(trial, xb)));
      for (int i = 0; i < n; i++) {
        if (active[i]) {
          System.arraycopy(trial, i * d, adv, i * d, d);
          active[i] = targeted ? predicted[i] != wanted[i] : predicted[i] == wanted[i];
        }
      }
    }
    return adv;
  }

  /**
   * One iteration (ART's {@code _compute}): from {@code xAdv} (or a random point of the eps-ball around it), a step
   * of {@code epsStep} along the normalized gradient, clipped, then projected onto the eps-ball around
   * {@code xInit}.
   */
  protected float[] compute(float[] xAdv, NDArray xInit, float[][] y, double eps, double epsStep, boolean project,
      boolean randomInit) {
    float[] init = xInit.toFloatArray();
    int d = init.length / y.length;
    if (randomInit) {
      float[] noise = Utils.randomSphere(y.length, d, eps, norm, random);
      for (int k = 0; k < xAdv.length; k++) {
        xAdv[k] = init[k] + noise[k];
      }
      Utils.clip(xAdv, estimator.clipValues());
    }
    float[] adv = apply(xAdv, perturbation(xAdv, xInit, y), epsStep);
    if (project) {
      float[] delta = new float[adv.length];
      for (int k = 0; k < adv.length; k++) {
        delta[k] = adv[k] - init[k];
      }
      Utils.projection(delta, d, eps, norm);
      for (int k = 0; k < adv.length; k++) {
        adv[k] = init[k] + delta[k];
      }
    }
    return adv;
  }

  /** The gradient of the loss at {@code x}, signed for targeted attacks and normalized for the norm. */
  protected float[] perturbation(float[] x, NDArray like, float[][] y) {
    float[] g = estimator.lossGradient(Utils.like(x, like), y).toFloatArray();
    int d = g.length / y.length;
    float sign = targeted ? -1 : 1;
    for (int i = 0; i < y.length; i++) {
      double scale = norm == Double.POSITIVE_INFINITY ? 1 : 1 / (Utils.norm(g, i, d, norm) + Utils.TOL);
      for (int k = i * d; k < (i + 1) * d; k++) {
        g[k] = norm == Double.POSITIVE_INFINITY ? sign * Math.signum(g[k]) : (float) (sign * g[k] * scale);
      }
    }
    return g;
  }

  /** {@code x + step * perturbation}, clipped to the classifier's clip_values (in place). */
  protected float[] apply(float[] x, float[] perturbation, double step) {
    for (int k = 0; k < x.length; k++) {
      x[k] += (float) (step * perturbation[k]);
    }
    return Utils.clip(x, estimator.clipValues());
  }
}
