package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The base of the augmentation layers that change pixel values, not positions: they take a {@code value_range}
 * and change only the first input of a call (a label map or mask keeps its values, as Keras'
 * {@code transform_segmentation_masks} of these layers returns the masks unchanged).
 *
 * <p>Keras equivalent: the {@code value_range=(0, 255)} argument shared by AutoContrast, Solarization, RandomHue
 * and the other colour layers of {@code keras.layers}.
 *
 * @param <T> the concrete layer
 */
public abstract class BaseImageColorLayer<T extends BaseImageColorLayer<T>> extends RandomImageLayer<T> {
  private double[] valueRange = {0, 255};

  /** Sets the images' value range (Keras' {@code value_range=}). Default (0, 255). */
  public T valueRange(double min, double max) {
    checkNotBuilt("value_range");
    checkRange(min, max);
    this.valueRange = new double[] {min, max};
    return self();
  }

  /** The images' value range (min, max). */
  protected double[] range() {
    return valueRange.clone();
  }

  /** The transformation of the images (the first input) in training. */
  protected abstract Tensor transform(Ops ops, Tensor images);

  @Override
  protected List<Tensor> augment(Ops ops, List<Tensor> inputs) {
    List<Tensor> out = new ArrayList<>(inputs);
    out.set(0, transform(ops, inputs.get(0)));
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("value_range", ConfigLists.of(valueRange));
    return c;
  }

  /** Reads {@code value_range}, then the image and base keys. */
  protected static <L extends BaseImageColorLayer<L>> L withColorConfig(L layer, Config c) {
    double[] r = valueRange(c);
    return withImageConfig(layer.valueRange(Math.min(r[0], r[1]), Math.max(r[0], r[1])), c);
  }
}
