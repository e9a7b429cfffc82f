package io.keras4j.adversarial.defences;

import io.keras4j.data.NDArray;

/**
 * Bit-depth reduction: each value is rescaled to [0, 1], rounded to one of {@code 2^bit_depth} levels and scaled
 * back, squeezing away small perturbations.
 *
 * <pre>{@code
 * NDArray squeezed = new FeatureSqueezing(0, 1).bitDepth(4).apply(x, null).x();
 * }</pre>
 *
 * <p>ART equivalent: {@code art.defences.preprocessor.FeatureSqueezing(clip_values, bit_depth=8, apply_fit=False,
 * apply_predict=True)} (Xu et al., 2017): {@code rint((x - min) / (max - min) * (2^b - 1)) / (2^b - 1) * (max - min)
 * + min}, rounding halves to even as NumPy's {@code rint}. See {@link FeatureSqueezingDetector} for detection.
 */
public final class FeatureSqueezing extends BasePreprocessor<FeatureSqueezing> {
  private final float[] clipValues;
  private int bitDepth = 8;

  /** Squeezing of values in {@code [min, max]} ({@code clip_values}, required), applied at prediction. */
  public FeatureSqueezing(double min, double max) {
    super(false, true);
    this.clipValues = checkRange(min, max, "FeatureSqueezing");
  }

  /** The number of bits kept, 1 to 64 ({@code bit_depth}). Default: 8. */
  public FeatureSqueezing bitDepth(int bitDepth) {
    if (bitDepth < 1 || bitDepth > 64) {
      throw new IllegalArgumentException("FeatureSqueezing expects bit_depth in [1, 64]. Received: bit_depth="
          + bitDepth);
    }
    this.bitDepth = bitDepth;
    return this;
  }

  public int bitDepth() {
    return bitDepth;
  }

  @Override
  public Output apply(NDArray x, float[][] y) {
    float[] v = x.toFloatArray();
    double range = clipValues[1] - clipValues[0];
    double levels = Math.pow(2, bitDepth) - 1;
    for (int k = 0; k < v.length; k++) {
      double normalized = (v[k] - clipValues[0]) / range;
      v[k] = (float) (Math.rint(normalized * levels) / levels * range + clipValues[0]);
    }
    return new Output(NDArray.of(v, x.shape()), y);
  }

  static float[] checkRange(double min, double max, String owner) {
    if (!(min < max)) {
      throw new IllegalArgumentException(owner + " expects clip_values with min < max. Received: clip_values=(" + min
          + ", " + max + ")");
    }
    return new float[] {(float) min, (float) max};
  }
}
