package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;

/**
 * The aspect-ratio crop and pad that Resizing and CenterCrop share, on channels-last (batch, h, w, c) images of
 * known height and width.
 *
 * <p>Keras equivalent: the {@code crop_to_aspect_ratio} / {@code pad_to_aspect_ratio} branches of
 * {@code keras.src.backend.tensorflow.image.resize} (bounds in float32) and {@code keras.utils.smart_resize}
 * (bounds in float64), both centring the box with integer truncation.
 */
final class ImageResizing {
  private ImageResizing() {}

  /** Channels-last view of a (batch, c, h, w) image when {@code channelsFirst}. */
  static Tensor toChannelsLast(Tensor x, boolean channelsFirst) {
    return channelsFirst ? ops().transpose(x, 0, 2, 3, 1) : x;
  }

  /** Back to (batch, c, h, w) when {@code channelsFirst}. */
  static Tensor fromChannelsLast(Tensor x, boolean channelsFirst) {
    return channelsFirst ? ops().transpose(x, 0, 3, 1, 2) : x;
  }

  private static Ops ops() {
    return io.keras4j.backend.Backend.ops();
  }

  /** The known (height, width) of channels-last images, or an error naming {@code layer} and {@code what}. */
  static int[] size(Tensor x, String layer, String what) {
    Shape s = x.shape();
    if (s.get(1) < 0 || s.get(2) < 0) {
      throw new IllegalArgumentException("Layer '" + layer + "': " + what + " needs images of known height and "
          + "width. Received: input_shape=" + s);
    }
    return new int[] {(int) s.get(1), (int) s.get(2)};
  }

  /**
   * The largest centred box of the target aspect ratio: {@code crop_h = int(w * th / tw)} clipped to [1, h], the
   * same for the width, in float32 ({@code float32}) as Keras' TensorFlow resize or float64 as smart_resize.
   */
  static Tensor cropToAspectRatio(Tensor x, int targetHeight, int targetWidth, boolean float32, String layer) {
    int[] hw = size(x, layer, "crop_to_aspect_ratio");
    int h = hw[0];
    int w = hw[1];
    int cropH = Math.max(Math.min(h, ratio(w * targetHeight, targetWidth, float32)), 1);
    int cropW = Math.max(Math.min(w, ratio(h * targetWidth, targetHeight, float32)), 1);
    int top = ratio(h - cropH, 2, float32);
    int left = ratio(w - cropW, 2, float32);
    return ops().slice(x, new int[] {0, top, left, 0}, new int[] {-1, cropH, cropW, -1});
  }

  /**
   * Pads to the target aspect ratio with {@code fillValue}: {@code pad_h = max(h, int(w * th / tw))}, and the same
   * number of rows {@code int((pad_h - h) / 2)} above and below, as Keras' TensorFlow backend.
   */
  static Tensor padToAspectRatio(Tensor x, int targetHeight, int targetWidth, float fillValue, String layer) {
    int[] hw = size(x, layer, "pad_to_aspect_ratio");
    int h = hw[0];
    int w = hw[1];
    int padH = Math.max(h, ratio(w * targetHeight, targetWidth, true));
    int padW = Math.max(w, ratio(h * targetWidth, targetHeight, true));
    int top = ratio(padH - h, 2, true);
    int left = ratio(padW - w, 2, true);
    if (top <= 0 && left <= 0) {
      return x;
    }
    return ops().pad(x, new int[][] {{0, 0}, {top, top}, {left, left}, {0, 0}}, fillValue);
  }

  /** {@code int(a / b)} for non-negative a, in float32 or float64 as Keras computes it. */
  static int ratio(int a, int b, boolean float32) {
    return float32 ? (int) ((float) a / (float) b) : (int) ((double) a / b);
  }
}
