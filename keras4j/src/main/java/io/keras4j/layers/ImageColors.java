package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.List;

/**
 * Colour-space helpers of the image augmentation layers, on channels-last (batch, h, w, c) float images.
 *
 * <p>Keras equivalent: {@code keras.ops.image.rgb_to_grayscale}, {@code rgb_to_hsv}, {@code hsv_to_rgb} (on the
 * TensorFlow backend, {@code tf.image}'s kernels, whose formulas are followed here) and
 * {@code BaseImagePreprocessingLayer._transform_value_range}.
 */
final class ImageColors {
  private ImageColors() {}

  /** Channel {@code k} of (batch, h, w, c) images, kept as (batch, h, w, 1). */
  static Tensor channel(Ops ops, Tensor x, int k) {
    return ops.slice(x, new int[] {0, 0, 0, k}, new int[] {-1, -1, -1, 1});
  }

  /** {@code x} mapped linearly from the value range {@code from} to {@code to} (unchanged when they are equal). */
  static Tensor rescale(Ops ops, Tensor x, double[] from, double[] to) {
    if (from[0] == to[0] && from[1] == to[1]) {
      return x;
    }
    Tensor unit = ops.divide(ops.add(x, (float) -from[0]), ops.constant((float) (from[1] - from[0])));
    return ops.add(ops.multiply(unit, (float) (to[1] - to[0])), (float) to[0]);
  }

  /** Luma {@code 0.2989 R + 0.5870 G + 0.1140 B} as (batch, h, w, 1); a 1-channel image unchanged. */
  static Tensor grayscale(Ops ops, Tensor x, String layer) {
    long c = x.shape().get(3);
    if (c == 1) {
      return x;
    }
    if (c != 3) {
      throw new IllegalArgumentException("Layer '" + layer + "': invalid channel size: expected 3 (RGB) or 1 "
          + "(Grayscale). Received input with shape: images.shape=" + x.shape());
    }
    return ops.add(ops.add(ops.multiply(channel(ops, x, 0), 0.2989f), ops.multiply(channel(ops, x, 1), 0.5870f)),
        ops.multiply(channel(ops, x, 2), 0.1140f));
  }

  /** RGB to HSV, hue in [0, 1), as {@code tf.image.rgb_to_hsv}. */
  static Tensor rgbToHsv(Ops ops, Tensor x) {
    Tensor r = channel(ops, x, 0);
    Tensor g = channel(ops, x, 1);
    Tensor b = channel(ops, x, 2);
    Tensor v = ops.max(x, new int[] {3}, true);
    Tensor range = ops.subtract(v, ops.min(x, new int[] {3}, true));
    Tensor zero = ops.zerosLike(v);
    Tensor s = ops.where(ops.greater(v, zero), ops.divideNoNan(range, v), zero);
    Tensor six = ops.multiply(range, 6f);
    Tensor h = ops.where(ops.equal(r, v), ops.divideNoNan(ops.subtract(g, b), six),
        ops.where(ops.equal(g, v), ops.add(ops.divideNoNan(ops.subtract(b, r), six), 2f / 6f),
            ops.add(ops.divideNoNan(ops.subtract(r, g), six), 4f / 6f)));
    h = ops.where(ops.greater(range, zero), h, zero);
    h = ops.where(ops.less(h, zero), ops.add(h, 1f), h);
    return ops.concatenate(List.of(h, s, v), 3);
  }

  /** HSV to RGB as {@code tf.image.hsv_to_rgb}: {@code (1 - s + s * d) * v} with d each channel's hue ramp. */
  static Tensor hsvToRgb(Ops ops, Tensor x) {
    Tensor dh = ops.multiply(channel(ops, x, 0), 6f);
    Tensor s = channel(ops, x, 1);
    Tensor v = channel(ops, x, 2);
    Tensor dr = ops.clip(ops.add(ops.abs(ops.add(dh, -3f)), -1f), 0f, 1f);
    Tensor dg = ops.clip(ops.add(ops.negative(ops.abs(ops.add(dh, -2f))), 2f), 0f, 1f);
    Tensor db = ops.clip(ops.add(ops.negative(ops.abs(ops.add(dh, -4f))), 2f), 0f, 1f);
    Tensor oneMinusS = ops.add(ops.negative(s), 1f);
    return ops.concatenate(List.of(ops.multiply(ops.add(oneMinusS, ops.multiply(s, dr)), v),
        ops.multiply(ops.add(oneMinusS, ops.multiply(s, dg)), v),
        ops.multiply(ops.add(oneMinusS, ops.multiply(s, db)), v)), 3);
  }

  /** Per-sample values (batch,) reshaped to broadcast over (batch, h, w, c). */
  static Tensor perSample(Ops ops, Tensor v) {
    return ops.reshape(v, -1, 1, 1, 1);
  }

  /** Per-sample choice that passes NaN and infinity through: {@code cond} (batch,) true takes {@code a}. */
  static Tensor select(Ops ops, Tensor cond, Tensor a, Tensor b) {
    Tensor c = ops.broadcastTo(ops.reshape(cond, -1, 1, 1, 1), ops.shapeOf(a));
    return ops.where(c, a, b);
  }

  /** A (n,) shape tensor. */
  static Tensor shape1(Ops ops, int n) {
    return ops.constant(new int[] {n}, Shape.of(1));
  }

  /** The channels of a 3-channel image, checked as Keras' RGB layers do. */
  static void checkRgb(Tensor x, String layer) {
    long c = x.shape().get(3);
    if (c != 3) {
      throw new IllegalArgumentException("Layer '" + layer + "': input images must have 3 channels, but received "
          + "images with " + c + " channels.");
    }
  }
}
