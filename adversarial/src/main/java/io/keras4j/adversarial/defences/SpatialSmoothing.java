package io.keras4j.adversarial.defences;

import io.keras4j.data.NDArray;

/**
 * A median filter over each image's spatial window, channel by channel, removing isolated pixel perturbations.
 *
 * <pre>{@code
 * KerasClassifier defended = classifier.withDefences(new SpatialSmoothing().windowSize(3));
 * }</pre>
 *
 * <p>ART equivalent: {@code art.defences.preprocessor.SpatialSmoothing(window_size=3, channels_first=False,
 * clip_values=None, apply_fit=False, apply_predict=True)} (Xu et al., 2017), which calls
 * {@code scipy.ndimage.median_filter}: edges are mirrored as scipy's {@code mode="reflect"} does (d c b a | a b c d
 * | d c b a) and an even window takes the upper of the two middle values. Images are (n, height, width, channels),
 * or (n, channels, height, width) with channels_first.
 */
public final class SpatialSmoothing extends BasePreprocessor<SpatialSmoothing> {
  private int windowSize = 3;
  private boolean channelsFirst;
  private float[] clipValues;

  /** A 3x3 median filter, applied at prediction (apply_fit false, apply_predict true by default). */
  public SpatialSmoothing() {
    super(false, true);
  }

  /** The side of the square window ({@code window_size}). Default: 3. */
  public SpatialSmoothing windowSize(int windowSize) {
    if (windowSize <= 0) {
      throw new IllegalArgumentException("SpatialSmoothing expects window_size > 0. Received: window_size="
          + windowSize);
    }
    this.windowSize = windowSize;
    return this;
  }

  /** Whether the channel axis follows the batch axis ({@code channels_first}). Default: false. */
  public SpatialSmoothing channelsFirst(boolean channelsFirst) {
    this.channelsFirst = channelsFirst;
    return this;
  }

  /** The range the result is clipped to ({@code clip_values}). Default: none. */
  public SpatialSmoothing clipValues(double min, double max) {
    this.clipValues = FeatureSqueezing.checkRange(min, max, "SpatialSmoothing");
    return this;
  }

  @Override
  public Output apply(NDArray x, float[][] y) {
    long[] s = x.shape();
    if (s.length != 4) {
      throw new IllegalArgumentException("SpatialSmoothing expects images of rank 4 (n, height, width, channels). "
          + "Received: shape=" + java.util.Arrays.toString(s));
    }
    int n = (int) s[0];
    int h = (int) (channelsFirst ? s[2] : s[1]);
    int w = (int) (channelsFirst ? s[3] : s[2]);
    int c = (int) (channelsFirst ? s[1] : s[3]);
    float[] in = x.toFloatArray();
    float[] out = new float[in.length];
    float[] window = new float[windowSize * windowSize];
    int left = windowSize / 2;
    for (int i = 0; i < n; i++) {
      for (int ch = 0; ch < c; ch++) {
        for (int r = 0; r < h; r++) {
          for (int col = 0; col < w; col++) {
            int k = 0;
            for (int dr = -left; dr < windowSize - left; dr++) {
              for (int dc = -left; dc < windowSize - left; dc++) {
                window[k++] = in[index(i, reflect(r + dr, h), reflect(col + dc, w), ch, h, w, c)];
              }
            }
            java.util.Arrays.sort(window);
            float v = window[window.length / 2];
            if (clipValues != null) {
              v = Math.max(clipValues[0], Math.min(clipValues[1], v));
            }
            out[index(i, r, col, ch, h, w, c)] = v;
          }
        }
      }
    }
    return new Output(NDArray.of(out, s), y);
  }

  private int index(int i, int r, int col, int ch, int h, int w, int c) {
    return channelsFirst ? ((i * c + ch) * h + r) * w + col : ((i * h + r) * w + col) * c + ch;
  }

  /** scipy's "reflect" boundary: the edge value repeated once, then mirrored inwards. */
  static int reflect(int p, int size) {
    int period = 2 * size;
    int q = Math.floorMod(p, period);
    return q < size ? q : period - 1 - q;
  }
}
