package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Inverts the pixels above a random threshold ({@code 255 - x} in the (0, 255) scale), in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.Solarization(addition_factor=0.0, threshold_factor=0.0,
 * value_range=(0, 255), seed=None)}: per image, an addition and a threshold are drawn, the addition is added and
 * clipped to (0, 255), and the pixels at or above the threshold become {@code 255 - x}. A factor f means (0, f).
 * Porting note: as Keras 3.15.1 draws them, the addition and the threshold are uniform in
 * {@code [lower, upper * 255]} (the lower bound is not scaled by 255).
 * <pre>{@code model.add(new Solarization().thresholdFactor(0.5).valueRange(0, 1));}</pre>
 */
public class Solarization extends BaseImageColorLayer<Solarization> {
  private double[] additionFactor = {0, 0};
  private double[] thresholdFactor = {0, 0};

  /** Solarization of every pixel (threshold 0, no addition). */
  public Solarization() {}

  /** Sets the addition's range (0, f), f in [0, 1] (Keras' {@code addition_factor=f}). Default 0. */
  public Solarization additionFactor(double f) {
    return additionFactor(0, check(f, "addition_factor"));
  }

  /** Sets the addition's range (lower, upper) in [0, 1] (Keras' {@code addition_factor=(lower, upper)}). */
  public Solarization additionFactor(double lower, double upper) {
    checkNotBuilt("addition_factor");
    check(lower, "addition_factor");
    check(upper, "addition_factor");
    this.additionFactor = new double[] {Math.min(lower, upper), Math.max(lower, upper)};
    return this;
  }

  /** Sets the threshold's range (0, f), f in [0, 1] (Keras' {@code threshold_factor=f}). Default 0. */
  public Solarization thresholdFactor(double f) {
    return thresholdFactor(0, check(f, "threshold_factor"));
  }

  /** Sets the threshold's range (lower, upper) in [0, 1] (Keras' {@code threshold_factor=(lower, upper)}). */
  public Solarization thresholdFactor(double lower, double upper) {
    checkNotBuilt("threshold_factor");
    check(lower, "threshold_factor");
    check(upper, "threshold_factor");
    this.thresholdFactor = new double[] {Math.min(lower, upper), Math.max(lower, upper)};
    return this;
  }

  private static double check(double f, String name) {
    if (!(f >= 0 && f <= 1)) {
      throw new IllegalArgumentException("The `addition_factor` and `threshold_factor` arguments should be a number "
          + "(or a list of two numbers) in the range [0, 1]. Received: " + name + "=" + f);
    }
    return f;
  }

  @Override
  protected Tensor transform(Ops ops, Tensor x) {
    Tensor batch = ops.dimension(x, 0);
    Tensor additions = ImageColors.perSample(ops,
        uniform(ops, batch, (float) additionFactor[0], (float) (additionFactor[1] * 255)));
    Tensor thresholds = ImageColors.perSample(ops,
        uniform(ops, batch, (float) thresholdFactor[0], (float) (thresholdFactor[1] * 255)));
    double[] byte255 = {0, 255};
    Tensor y = ops.clip(ops.add(ImageColors.rescale(ops, x, range(), byte255), additions), 0f, 255f);
    y = ops.where(ops.less(y, ops.broadcastTo(thresholds, ops.shapeOf(y))), y, ops.add(ops.negative(y), 255f));
    return ImageColors.rescale(ops, y, byte255, range());
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("addition_factor", ConfigLists.of(additionFactor));
    c.put("threshold_factor", ConfigLists.of(thresholdFactor));
    return c;
  }

  /** A Solarization layer from its Keras config (Keras' {@code Solarization.from_config}). */
  public static Solarization fromConfig(Map<String, Object> config) {
    Config c = new Config("Solarization", config);
    Solarization s = new Solarization();
    double[] a = c.numbers("addition_factor", new double[] {0});
    double[] t = c.numbers("threshold_factor", new double[] {0});
    if (a.length == 1) {
      s.additionFactor(a[0]);
    } else {
      s.additionFactor(a[0], a[1]);
    }
    if (t.length == 1) {
      s.thresholdFactor(t[0]);
    } else {
      s.thresholdFactor(t[0], t[1]);
    }
    return withColorConfig(s, c);
  }
}
