package io.keras4j.applications;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;

/**
 * The helpers the application families share: input-shape validation and the padding of strided convolutions.
 *
 * <p>Keras equivalent: {@code keras.src.applications.imagenet_utils} ({@code obtain_input_shape},
 * {@code correct_pad}); preprocessing and decoding are in {@link Preprocessing} and {@link ImagenetClasses}.
 */
final class ImagenetUtils {
  private ImagenetUtils() {}

  /**
   * The input shape of a network: the requested one validated, or the default ({@code defaultSize} square, 3
   * channels; free height and width without a top), as {@code obtain_input_shape} computes it (channels last).
   */
  static long[] obtainInputShape(String owner, long[] requested, int defaultSize, int minSize, boolean requireFlatten,
      Object weights) {
    boolean imagenet = "imagenet".equals(weights);
    long[] defaultShape = !imagenet && requested != null
        ? new long[] {defaultSize, defaultSize, requested[2]} : new long[] {defaultSize, defaultSize, 3};
    if (imagenet && requireFlatten) {
      if (requested != null && !java.util.Arrays.equals(requested, defaultShape)) {
        throw new IllegalArgumentException(owner + ": when setting `include_top=True` and loading `imagenet` weights, "
            + "`input_shape` should be " + Shape.of(defaultShape) + ". Received: input_shape=" + Shape.of(requested));
      }
      return defaultShape;
    }
    long[] shape;
    if (requested != null) {
      if (requested[2] != 3 && imagenet) {
        throw new IllegalArgumentException(owner + ": the input must have 3 channels; Received `input_shape="
            + Shape.of(requested) + "`");
      }
      if ((requested[0] != Shape.UNKNOWN && requested[0] < minSize)
          || (requested[1] != Shape.UNKNOWN && requested[1] < minSize)) {
        throw new IllegalArgumentException(owner + ": input size must be at least " + minSize + "x" + minSize
            + "; Received: input_shape=" + Shape.of(requested));
      }
      shape = requested.clone();
    } else {
      shape = requireFlatten ? defaultShape : new long[] {Shape.UNKNOWN, Shape.UNKNOWN, 3};
    }
    if (requireFlatten && (shape[0] == Shape.UNKNOWN || shape[1] == Shape.UNKNOWN || shape[2] == Shape.UNKNOWN)) {
      throw new IllegalArgumentException(owner + ": if `include_top` is True, you should specify a static "
          + "`input_shape`. Received: input_shape=" + Shape.of(shape));
    }
    return shape;
  }

  /**
   * The {@code ((top, bottom), (left, right))} zero padding that makes a {@code kernelSize} convolution of stride 2
   * with "valid" padding see what TensorFlow's "same" would, as {@code correct_pad} computes it.
   */
  static int[][] correctPad(KerasTensor x, int kernelSize) {
    long h = x.shape().get(1);
    long w = x.shape().get(2);
    int adjustH = h == Shape.UNKNOWN ? 1 : (int) (1 - h % 2);
    int adjustW = h == Shape.UNKNOWN ? 1 : (int) (1 - w % 2); // Keras looks at the height only for None
    int correct = kernelSize / 2;
    return new int[][] {{correct - adjustH, correct}, {correct - adjustW, correct}};
  }
}
