package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Blurs images with a Gaussian kernel of random width, each image with a random probability, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomGaussianBlur(factor=1.0, kernel_size=3, sigma=1.0,
 * value_range=(0, 255), seed=None)}: per call a pair of standard deviations is drawn in {@code sigma} (one number s
 * means (0, s), bounds [0, 1]), each image is blurred (zero padding, "same") when a uniform draw falls below a
 * probability drawn in {@code factor}, and the output is clipped to the value range.
 * <pre>{@code model.add(new RandomGaussianBlur().kernelSize(5).sigma(0.5, 1.0));}</pre>
 */
public class RandomGaussianBlur extends BaseImageColorLayer<RandomGaussianBlur> {
  private double[] factor = {0, 1};
  private int[] kernelSize = {3, 3};
  private double[] sigma = {0, 1};

  /** Blur with probabilities in (0, 1), a 3x3 kernel and sigma in (0, 1). */
  public RandomGaussianBlur() {}

  /** Sets the probability range (0, f), f in [0, 1] (Keras' {@code factor=f}). Default 1.0: (0, 1). */
  public RandomGaussianBlur factor(double f) {
    checkNotBuilt("factor");
    this.factor = KerasFactors.of(new double[] {f}, 0, 1, "factor");
    return this;
  }

  /** Sets the probability range (lower, upper) (Keras' {@code factor=(lower, upper)}). */
  public RandomGaussianBlur factor(double lower, double upper) {
    checkNotBuilt("factor");
    this.factor = KerasFactors.of(new double[] {lower, upper}, 0, 1, "factor");
    return this;
  }

  /** Sets an odd square kernel size (Keras' {@code kernel_size=}). Default 3. */
  public RandomGaussianBlur kernelSize(int size) {
    return kernelSize(size, size);
  }

  /** Sets odd kernel sizes (Keras' {@code kernel_size=(a, b)}). */
  public RandomGaussianBlur kernelSize(int a, int b) {
    checkNotBuilt("kernel_size");
    if (a % 2 == 0 || b % 2 == 0 || a < 1 || b < 1) {
      throw new IllegalArgumentException("kernel_size must be an odd number. Received: kernel_size=(" + a + ", " + b
          + ")");
    }
    this.kernelSize = new int[] {a, b};
    return this;
  }

  /** Sets the standard deviations' range (0, s), s in [0, 1] (Keras' {@code sigma=s}). Default 1.0: (0, 1). */
  public RandomGaussianBlur sigma(double s) {
    checkNotBuilt("sigma");
    this.sigma = KerasFactors.of(new double[] {s}, 0, 1, "sigma");
    return this;
  }

  /** Sets the standard deviations' range (lower, upper) (Keras' {@code sigma=(lower, upper)}). */
  public RandomGaussianBlur sigma(double lower, double upper) {
    checkNotBuilt("sigma");
    this.sigma = KerasFactors.of(new double[] {lower, upper}, 0, 1, "sigma");
    return this;
  }

  /** The normalised 1-D Gaussian of {@code size} taps with standard deviation {@code s} (a scalar tensor). */
  private static Tensor gaussian(Ops ops, int size, Tensor s) {
    float[] taps = new float[size];
    for (int i = 0; i < size; i++) {
      taps[i] = i - (size - 1) / 2f;
    }
    Tensor k = ops.exp(ops.multiply(ops.square(ops.divide(ops.constant(taps, Shape.of(size)), s)), -0.5f));
    return ops.divide(k, ops.sum(k, null, false));
  }

  /** {@code x} blurred by Keras' {@code gaussian_blur} with standard deviations {@code s} (2,). */
  static Tensor blur(Ops ops, Tensor x, int[] kernelSize, Tensor s) {
    int c = (int) x.shape().get(3);
    Tensor kx = gaussian(ops, kernelSize[0], ops.reshape(ops.slice(s, new int[] {0}, new int[] {1}), new long[0]));
    Tensor ky = gaussian(ops, kernelSize[1], ops.reshape(ops.slice(s, new int[] {1}, new int[] {1}), new long[0]));
    // Keras' tensordot(ky, kx) of shape (k1, k0), read as (k0, k1)
    Tensor k2 = ops.multiply(ops.reshape(ky, kernelSize[1], 1), ops.reshape(kx, 1, kernelSize[0]));
    Tensor kernel = ops.tile(ops.reshape(k2, kernelSize[0], kernelSize[1], 1, 1), 1, 1, c, 1);
    return ops.depthwiseConv(x, kernel, new int[] {1, 1}, "same", new int[] {1, 1});
  }

  @Override
  protected Tensor transform(Ops ops, Tensor x) {
    Tensor batch = ops.dimension(x, 0);
    Tensor probability = uniform(ops, batch, (float) factor[0], (float) factor[1]);
    Tensor apply = ops.less(uniform(ops, batch, 0, 1), probability);
    Tensor s = ops.add(draw(ops, ImageColors.shape1(ops, 2), (float) sigma[0], (float) sigma[1]), 1e-6f);
    Tensor y = ImageColors.select(ops, apply, blur(ops, x, kernelSize, s), x);
    return ops.clip(y, (float) range()[0], (float) range()[1]);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("factor", ConfigLists.of(factor));
    c.put("kernel_size", ConfigLists.of(kernelSize));
    c.put("sigma", ConfigLists.of(sigma));
    return c;
  }

  /** A RandomGaussianBlur layer from its Keras config (Keras' {@code RandomGaussianBlur.from_config}). */
  public static RandomGaussianBlur fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomGaussianBlur", config);
    RandomGaussianBlur r = new RandomGaussianBlur();
    r.factor = KerasFactors.read(c, "factor", new double[] {1}, 0, 1);
    r.sigma = KerasFactors.read(c, "sigma", new double[] {1}, 0, 1);
    int[] k = c.ints("kernel_size", new int[] {3});
    r.kernelSize(k[0], k.length > 1 ? k[1] : k[0]);
    return withColorConfig(r, c);
  }
}
