package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Masks the timesteps whose features all equal {@code mask_value}: they are set to 0 and the mask
 * {@code any(x != mask_value, axis=-1)} is attached to the output, so that the layers after it skip them.
 *
 * <p>Keras equivalent: {@code keras.layers.Masking(mask_value=0.0)} (keras/src/layers/core/masking.py).
 * <pre>{@code
 * model.add(new Masking().maskValue(-1).inputShape(-1, 8));   // steps whose 8 features are all -1 are skipped
 * model.add(new LSTM(32));
 * }</pre>
 */
public class Masking extends BaseLayer<Masking> {
  private double maskValue;

  /** A masking layer of mask value 0. */
  public Masking() {
    supportsMasking(true);
  }

  /** Sets the value that marks a padded step in every feature (Keras' {@code mask_value=}). Default 0.0. */
  public Masking maskValue(double maskValue) {
    checkNotBuilt("mask_value");
    this.maskValue = maskValue;
    return this;
  }

  /** The value that marks a padded step. */
  public double maskValue() {
    return maskValue;
  }

  private Tensor keep(Tensor input, boolean keepdims) {
    Ops ops = ops();
    Tensor differs = ops.cast(ops.notEqual(input, ops.cast(ops.constant((float) maskValue), input.dtype())),
        "float32");
    return ops.greater(ops.max(differs, new int[] {-1}, keepdims), ops.constant(0f));
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    return ops.where(keep(input, true), input, ops.zerosLike(input));
  }

  /** {@code any(input != mask_value, axis=-1)}, whatever the incoming mask (Keras' {@code compute_mask}). */
  @Override
  public Tensor computeMask(Tensor input, Tensor mask) {
    return keep(input, false);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return List.of(in.get(0));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("mask_value", maskValue);
    return c;
  }

  /** A Masking layer from its Keras config (Keras' {@code Masking.from_config}). */
  public static Masking fromConfig(Map<String, Object> config) {
    Config c = new Config("Masking", config);
    return withBaseConfig(new Masking().maskValue(c.number("mask_value", 0.0)), c);
  }
}
