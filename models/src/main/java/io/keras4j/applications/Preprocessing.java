package io.keras4j.applications;

import io.keras4j.data.NDArray;

/**
 * The input preprocessing of the application families, on channels-last images with pixel values in [0, 255].
 *
 * <p>Keras equivalent: {@code keras.applications.imagenet_utils.preprocess_input(x, mode=...)}:
 * <ul>
 *   <li>{@code "caffe"} (VGG, ResNet): RGB to BGR, then each channel minus ImageNet's mean (103.939, 116.779,
 *       123.68 in BGR order), without scaling;
 *   <li>{@code "tf"} (MobileNet, MobileNetV2, ResNetV2, Xception, InceptionV3): {@code x / 127.5 - 1}, in [-1, 1];
 *   <li>{@code "torch"} (DenseNet): {@code x / 255}, minus the mean (0.485, 0.456, 0.406), divided by the standard
 *       deviation (0.229, 0.224, 0.225) per RGB channel.
 * </ul>
 * <pre>{@code NDArray x = Preprocessing.preprocessInput(images, "tf");}</pre>
 */
public final class Preprocessing {
  private static final float[] CAFFE_MEAN_BGR = {103.939f, 116.779f, 123.68f};
  private static final float[] TORCH_MEAN = {0.485f, 0.456f, 0.406f};
  private static final float[] TORCH_STD = {0.229f, 0.224f, 0.225f};

  private Preprocessing() {}

  /** {@code x} (channels last, 3 channels) preprocessed in {@code mode}: "caffe", "tf" or "torch". */
  public static NDArray preprocessInput(NDArray x, String mode) {
    long[] shape = x.shape();
    if (shape.length == 0 || shape[shape.length - 1] != 3) {
      throw new IllegalArgumentException("preprocess_input: expected channels-last images with 3 channels. "
          + "Received: shape " + java.util.Arrays.toString(shape));
    }
    float[] v = x.toFloatArray();
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i += 3) {
      for (int c = 0; c < 3; c++) {
        out[i + c] = switch (mode) {
          case "tf" -> v[i + c] / 127.5f - 1f;
          case "torch" -> (v[i + c] / 255f - TORCH_MEAN[c]) / TORCH_STD[c];
          case "caffe" -> v[i + 2 - c] - CAFFE_MEAN_BGR[c];
          default -> throw new IllegalArgumentException("preprocess_input: `mode` must be one of 'caffe', 'tf' or "
              + "'torch'. Received: mode=" + mode);
        };
      }
    }
    return NDArray.of(out, shape);
  }
}
