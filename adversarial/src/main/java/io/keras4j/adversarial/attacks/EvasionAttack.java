package io.keras4j.adversarial.attacks;

import io.keras4j.adversarial.KerasClassifier;
import io.keras4j.adversarial.Utils;
import io.keras4j.data.NDArray;

/**
 * An attack that perturbs inputs at test time so that a classifier misclassifies them.
 *
 * <p>ART equivalent: {@code art.attacks.EvasionAttack} with {@code generate(x, y=None)}.
 */
public abstract class EvasionAttack {
  protected final KerasClassifier estimator;

  protected EvasionAttack(KerasClassifier estimator) {
    if (estimator == null) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " expects a classifier. Received: null");
    }
    this.estimator = estimator;
  }

  /** The classifier attacked. */
  public KerasClassifier estimator() {
    return estimator;
  }

  /**
   * Adversarial examples for {@code x}: {@code y} holds the true labels (untargeted) or the target labels
   * (targeted) as one-hot rows; null uses the classifier's predictions (to avoid label leaking), as ART does.
   */
  public abstract NDArray generate(NDArray x, float[][] y);

  /** Adversarial examples for {@code x} against the classifier's own predictions. */
  public NDArray generate(NDArray x) {
    return generate(x, null);
  }

  /** {@code y}, or the classifier's predicted labels when null; throws for a targeted attack without labels. */
  protected float[][] labels(NDArray x, float[][] y, boolean targeted) {
    if (y == null) {
      if (targeted) {
        throw new IllegalArgumentException(getClass().getSimpleName() + " expects target labels y when targeted=true."
            + " Received: y=null");
      }
      return Utils.getLabelsNpArray(estimator.predict(x));
    }
    if (y.length != x.shape()[0]) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " expects one label row per sample: "
          + x.shape()[0] + ". Received: " + y.length + " rows");
    }
    return y;
  }

  /** Checks a positive integer argument. */
  protected int positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " expects " + name + " > 0. Received: " + name
          + "=" + value);
    }
    return value;
  }

  /** Checks a non-negative argument. */
  protected double nonNegative(String name, double value) {
    if (!(value >= 0)) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " expects " + name + " >= 0. Received: " + name
          + "=" + value);
    }
    return value;
  }

  /** Whether any entry is true (samples still being attacked). */
  protected static boolean anyTrue(boolean[] flags) {
    for (boolean f : flags) {
      if (f) {
        return true;
      }
    }
    return false;
  }
}
