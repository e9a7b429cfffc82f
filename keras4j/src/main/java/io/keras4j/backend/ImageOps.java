package io.keras4j.backend;

/**
 * The image operations on channels-last (batch, height, width, channels) tensors: resizing and projective
 * transforms.
 *
 * <p>Keras equivalent: {@code keras.ops.image} ({@code resize}, {@code affine_transform}).
 * Part of {@link Ops}, which extends it: get them with {@link Backend#ops()}.
 * <pre>{@code Tensor small = Backend.ops().resize(images, 64, 64, "bilinear", true);}</pre>
 */
public interface ImageOps {
  /** Bilinear resize of (batch, h, w, c) images to (height, width), half-pixel centres as Keras 3. */
  Tensor resizeBilinear(Tensor x, int height, int width);

  /**
   * Resize of (batch, h, w, c) images to (height, width) as TensorFlow's {@code tf.image.resize} (v2), which Keras'
   * TensorFlow backend calls: interpolation "bilinear", "nearest", "bicubic" (half-pixel centres), "area",
   * "lanczos3" or "lanczos5"; with {@code antialias}, bilinear, bicubic and lanczos filter when downsampling.
   */
  Tensor resize(Tensor x, int height, int width, String interpolation, boolean antialias);

  /**
   * Projective transform of (batch, h, w, c) images: {@code transforms} (batch, 8) maps each output point to an
   * input point, {@code a0 a1 a2 b0 b1 b2 c0 c1} as Keras' {@code ops.image.affine_transform} takes them; fill
   * "reflect", "wrap", "constant" or "nearest", interpolation "bilinear" or "nearest".
   */
  Tensor imageTransform(Tensor images, Tensor transforms, String fillMode, String interpolation, float fillValue);

  /** {@link #imageTransform} with an output of {@code height} x {@code width} pixels. */
  Tensor imageTransform(Tensor images, Tensor transforms, String fillMode, String interpolation, float fillValue,
      int height, int width);
}
