package io.keras4j.adversarial.defences;

import io.keras4j.data.NDArray;
import java.util.Arrays;
import java.util.Random;

/**
 * Gaussian noise augmentation: adds noisy copies of randomly chosen samples to the training data (or replaces the
 * data by a noisy version), so that the model learns to ignore small perturbations.
 *
 * <pre>{@code
 * KerasClassifier trained = classifier.withDefences(new GaussianAugmentation().sigma(0.1).ratio(1));
 * trained.fit(x, y, 64, 10);
 * }</pre>
 *
 * <p>ART equivalent: {@code art.defences.preprocessor.GaussianAugmentation(sigma=1.0, augmentation=True, ratio=1.0,
 * clip_values=None, apply_fit=True, apply_predict=False)} (Zantedeschi et al., 2017): with augmentation,
 * {@code int(n * ratio)} samples drawn with replacement get N(0, sigma^2) noise and are appended after the originals,
 * with their labels; without it, every sample gets noise.
 */
public final class GaussianAugmentation extends BasePreprocessor<GaussianAugmentation> {
  private double sigma = 1.0;
  private boolean augmentation = true;
  private double ratio = 1.0;
  private float[] clipValues;
  private Random random = new Random(0);

  /** Augmentation with sigma 1 and ratio 1, applied when training (apply_fit true, apply_predict false). */
  public GaussianAugmentation() {
    super(true, false);
  }

  /** The standard deviation of the noise ({@code sigma}). Default: 1.0. */
  public GaussianAugmentation sigma(double sigma) {
    if (!(sigma >= 0)) {
      throw new IllegalArgumentException("GaussianAugmentation expects sigma >= 0. Received: sigma=" + sigma);
    }
    this.sigma = sigma;
    return this;
  }

  /** Whether noisy copies are appended (true) or replace the data (false) ({@code augmentation}). Default: true. */
  public GaussianAugmentation augmentation(boolean augmentation) {
    this.augmentation = augmentation;
    return this;
  }

  /** The number of noisy copies as a fraction of the data ({@code ratio}). Default: 1.0. */
  public GaussianAugmentation ratio(double ratio) {
    if (!(ratio > 0)) {
      throw new IllegalArgumentException("GaussianAugmentation expects ratio > 0. Received: ratio=" + ratio);
    }
    this.ratio = ratio;
    return this;
  }

  /** The range the noisy values are clipped to ({@code clip_values}). Default: none. */
  public GaussianAugmentation clipValues(double min, double max) {
    this.clipValues = FeatureSqueezing.checkRange(min, max, "GaussianAugmentation");
    return this;
  }

  /** The seed of the noise and of the choice of samples (porting note: ART uses NumPy's global generator). */
  public GaussianAugmentation seed(long seed) {
    this.random = new Random(seed);
    return this;
  }

  @Override
  public Output apply(NDArray x, float[][] y) {
    int n = (int) x.shape()[0];
    int d = (int) (x.size() / n);
    float[] v = x.toFloatArray();
    if (!augmentation) {
      for (int k = 0; k < v.length; k++) {
        v[k] = noisy(v[k]);
      }
      return new Output(NDArray.of(v, x.shape()), y);
    }
    int size = (int) (n * ratio);
    float[] out = Arrays.copyOf(v, (n + size) * d);
    float[][] labels = y == null ? null : Arrays.copyOf(y, n + size);
    for (int a = 0; a < size; a++) {
      int i = random.nextInt(n);
      for (int k = 0; k < d; k++) {
        out[(n + a) * d + k] = noisy(v[i * d + k]);
      }
      if (labels != null) {
        labels[n + a] = y[i].clone();
      }
    }
    long[] shape = x.shape().clone();
    shape[0] = n + size;
    return new Output(NDArray.of(out, shape), labels);
  }

  private float noisy(float value) {
    float v = (float) (value + sigma * random.nextGaussian());
    return clipValues == null ? v : Math.max(clipValues[0], Math.min(clipValues[1], v));
  }
}
