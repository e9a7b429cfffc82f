package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stretches each image channel's values over the whole value range, in training and at inference.
 *
 * <p>Keras equivalent: {@code keras.layers.AutoContrast(value_range=(0, 255))}: per image and channel,
 * {@code (x - low) * 255 / (high - low)} in the (0, 255) scale, clipped; a constant channel (high == low) is kept.
 * Deterministic: it takes no seed and is active at inference too.
 * <pre>{@code model.add(new AutoContrast().valueRange(0, 1));}</pre>
 */
public class AutoContrast extends BaseImageColorLayer<AutoContrast> {
  /** AutoContrast of images in (0, 255). */
  public AutoContrast() {}

  @Override
  protected Tensor transform(Ops ops, Tensor x) {
    double[] range = range();
    double[] byte255 = {0, 255};
    Tensor images = ImageColors.rescale(ops, x, range, byte255);
    Tensor low = ops.min(images, new int[] {1, 2}, true);
    Tensor high = ops.max(images, new int[] {1, 2}, true);
    Tensor scale = ops.divide(ops.constant(255f), ops.subtract(high, low));
    Tensor y = ops.clip(ops.subtract(ops.multiply(images, scale), ops.multiply(low, scale)), 0f, 255f);
    y = ImageColors.rescale(ops, y, byte255, range);
    return ops.where(ops.isNan(y), x, y);
  }

  @Override
  protected List<Tensor> inference(List<Tensor> inputs) {
    List<Tensor> out = new ArrayList<>(inputs);
    out.set(0, transform(ops(), inputs.get(0)));
    return out;
  }

  @Override
  protected boolean writesSeed() {
    return false;
  }

  /** An AutoContrast layer from its Keras config (Keras' {@code AutoContrast.from_config}). */
  public static AutoContrast fromConfig(Map<String, Object> config) {
    return withColorConfig(new AutoContrast(), new Config("AutoContrast", config));
  }
}
