package io.keras4j.backend;

/**
 * The neural-network operations on channels-last tensors: convolutions, pooling and inference batch normalization;
 * padding "valid" or "same".
 *
 * <p>Keras equivalent: {@code keras.ops.nn}'s convolutions, pooling and inference batch normalization.
 * Part of {@link Ops}, which extends it: get them with {@link Backend#ops()}.
 * <pre>{@code
 * Ops ops = Backend.ops();
 * Tensor y = ops.conv(x, kernel, new int[] {1, 1}, "same", new int[] {1, 1});       // Conv2D, channels last
 * Tensor p = ops.pool(y, "max", new int[] {2, 2}, new int[] {2, 2}, "valid");       // MaxPooling2D
 * }</pre>
 */
public interface NnOps {
  /**
   * N-D convolution of {@code x} (batch, spatial..., channels) with {@code kernel} (spatial..., in, out), N = 1, 2
   * or 3 from the rank of x.
   */
  Tensor conv(Tensor x, Tensor kernel, int[] strides, String padding, int[] dilations);

  /**
   * Batch normalization of a channels-last rank-4 {@code x} by fixed per-channel statistics (the last axis):
   * {@code (x - mean) / sqrt(variance + epsilon) * scale + offset}, in the form the backend runs fastest for
   * inference: TensorFlow's {@code FusedBatchNormV3} ({@code is_training=false}) where its graph optimiser fuses it
   * into the convolution before it, element-wise ops elsewhere. All float32.
   */
  Tensor fusedBatchNormInference(Tensor x, Tensor scale, Tensor offset, Tensor mean, Tensor variance, float epsilon);

  /** Depthwise 2-D convolution: kernel (kh, kw, in, multiplier), output channels in * multiplier. */
  Tensor depthwiseConv(Tensor x, Tensor kernel, int[] strides, String padding, int[] dilations);

  /**
   * Transposed N-D convolution (N = 1, 2, 3): kernel (spatial..., out, in) as Keras stores it, output spatial size
   * {@code outputSpatial}.
   */
  Tensor convTranspose(Tensor x, Tensor kernel, int[] outputSpatial, int[] strides, String padding, int[] dilations);

  /** Max ("max") or average ("avg") pooling over 1, 2 or 3 spatial axes. */
  Tensor pool(Tensor x, String mode, int[] poolSize, int[] strides, String padding);
}
