package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The base of RandomRotation, RandomTranslation and RandomZoom: a random affine map per image, the same for every
 * input of a call (label maps use nearest-neighbour interpolation).
 *
 * <p>Keras equivalent: the shared {@code fill_mode="reflect"}, {@code interpolation="bilinear"},
 * {@code fill_value=0.0} arguments and transform matrices of Keras' geometric augmentation layers: each row
 * {@code [a0, a1, a2, b0, b1, b2, 0, 0]} maps an output pixel (x, y) to the input pixel
 * {@code (a0 x + a1 y + a2, b0 x + b1 y + b2)}.
 *
 * @param <T> the concrete augmentation layer
 */
public abstract class RandomAffine<T extends RandomAffine<T>> extends RandomImageLayer<T> {
  private String fillMode = "reflect";
  private String interpolation = "bilinear";
  private double fillValue;

  /** Sets "reflect", "wrap", "constant" or "nearest" (Keras' {@code fill_mode=}). Default "reflect". */
  public T fillMode(String fillMode) {
    checkNotBuilt("fill_mode");
    if (!List.of("reflect", "wrap", "constant", "nearest").contains(fillMode)) {
      throw new IllegalArgumentException("Unknown `fill_mode` " + fillMode + ". Expected of one "
          + "[reflect, wrap, constant, nearest].");
    }
    this.fillMode = fillMode;
    return self();
  }

  /** Sets "bilinear" or "nearest" (Keras' {@code interpolation=}). Default "bilinear". */
  public T interpolation(String interpolation) {
    checkNotBuilt("interpolation");
    if (!List.of("bilinear", "nearest").contains(interpolation)) {
      throw new IllegalArgumentException("Unknown `interpolation` " + interpolation + ". Expected of one "
          + "[bilinear, nearest].");
    }
    this.interpolation = interpolation;
    return self();
  }

  /** Sets the value outside the image for fill_mode "constant" (Keras' {@code fill_value=}). Default 0. */
  public T fillValue(double fillValue) {
    checkNotBuilt("fill_value");
    this.fillValue = fillValue;
    return self();
  }

  /** The 8 per-sample transform coefficients, each of shape (batch,), for images of h x w. */
  protected abstract List<Tensor> coefficients(Ops ops, Tensor batch, float h, float w);

  @Override
  protected List<Tensor> augment(Ops ops, List<Tensor> inputs) {
    Tensor x = inputs.get(0);
    Tensor batch = ops.dimension(x, 0);
    Tensor transforms = ops.stack(coefficients(ops, batch, x.shape().get(1), x.shape().get(2)), 1);
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      out.add(ops.imageTransform(inputs.get(i), transforms, fillMode, i == 0 ? interpolation : "nearest",
          (float) fillValue));
    }
    return out;
  }

  /** A constant (batch,) tensor of {@code v}. */
  protected static Tensor full(Ops ops, Tensor batch, float v) {
    return ops.fill(ops.reshape(batch, 1), v);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("fill_mode", fillMode);
    c.put("interpolation", interpolation);
    c.put("fill_value", fillValue);
    return c;
  }

  /** Reads {@code fill_mode}, {@code interpolation}, {@code fill_value}, then the image and base keys. */
  protected static <L extends RandomAffine<L>> L withAffineConfig(L layer, Config c) {
    layer.fillMode(c.string("fill_mode", "reflect")).interpolation(c.string("interpolation", "bilinear"))
        .fillValue(c.number("fill_value", 0));
    return withImageConfig(layer, c);
  }
}
