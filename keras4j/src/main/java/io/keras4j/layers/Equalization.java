package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Histogram equalization of each channel, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.Equalization(value_range=(0, 255), bins=256)}: per channel, a histogram
 * of {@code bins} bins over the (0, 255) scale, and each value mapped through the rounded, normalised cumulative
 * histogram; a channel with values in a single bin is kept. As in Keras 3.15.1, the histogram of a channel counts
 * the pixels of the whole batch, and the layer is the identity at inference ({@code training=False}).
 * <pre>{@code model.add(new Equalization().bins(64));}</pre>
 */
public class Equalization extends BaseImageColorLayer<Equalization> {
  private int bins = 256;

  /** Equalization with 256 bins of images in (0, 255). */
  public Equalization() {}

  /** Sets the number of histogram bins (Keras' {@code bins=}), at least 1. Default 256. */
  public Equalization bins(int bins) {
    checkNotBuilt("bins");
    if (bins < 1) {
      throw new IllegalArgumentException("Layer '" + name() + "': `bins` must be a positive integer. Received: bins="
          + bins);
    }
    this.bins = bins;
    return this;
  }

  @Override
  protected Tensor transform(Ops ops, Tensor x) {
    List<Tensor> channels = new ArrayList<>();
    for (int k = 0; k < x.shape().get(3); k++) {
      channels.add(equalize(ops, ImageColors.channel(ops, x, k)));
    }
    return ops.concatenate(channels, 3);
  }

  private Tensor scale(Ops ops, Tensor v, double[] from, double[] to) {
    double s = (to[1] - to[0]) / (from[1] - from[0]);
    return ops.add(ops.multiply(v, (float) s), (float) (to[0] - from[0] * s));
  }

  private Tensor equalize(Ops ops, Tensor channel) {
    double[] byte255 = {0, 255};
    Tensor ch = scale(ops, channel, range(), byte255);
    Tensor histIndex = ops.clip(ops.floor(ops.divide(ops.multiply(ch, bins - 1f), ops.constant(255f))), 0, bins - 1);
    Tensor flatIndex = ops.reshape(ops.cast(histIndex, "int32"), -1);
    Tensor hist = ops.unsortedSegmentSum(ops.onesLike(ops.reshape(ch, -1)), flatIndex, bins);
    Tensor nonzero = ops.sum(ops.cast(ops.greater(hist, ops.constant(0f)), "float32"), null, false);
    Tensor cdf = ops.cumsum(hist, 0);
    Tensor big = ops.add(ops.zerosLike(cdf), Float.MAX_VALUE);
    Tensor cdfMin = ops.min(ops.where(ops.greater(cdf, ops.constant(0f)), cdf, big), null, false);
    Tensor last = ops.slice(cdf, new int[] {bins - 1}, new int[] {1});
    Tensor denominator = ops.subtract(last, cdfMin);
    denominator = ops.where(ops.equal(denominator, ops.constant(0f)), ops.onesLike(denominator), denominator);
    Tensor lut = ops.clip(ops.round(ops.divide(ops.multiply(ops.subtract(cdf, cdfMin), 255f), denominator)), 0, 255);
    Tensor lookupIndex = ops.floor(ops.clip(ops.multiply(ops.divide(ch, ops.constant(255f)), bins - 1f), 0,
        bins - 1));
    Tensor equalized = ops.take(lut, ops.cast(lookupIndex, "int32"), 0);
    Tensor y = ops.where(ops.broadcastTo(ops.lessEqual(nonzero, ops.constant(1f)), ops.shapeOf(ch)), ch, equalized);
    return scale(ops, y, byte255, range());
  }

  @Override
  protected boolean writesSeed() {
    return false;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("bins", bins);
    return c;
  }

  /** An Equalization layer from its Keras config (Keras' {@code Equalization.from_config}). */
  public static Equalization fromConfig(Map<String, Object> config) {
    Config c = new Config("Equalization", config);
    return withColorConfig(new Equalization().bins(c.integer("bins", 256)), c);
  }
}
