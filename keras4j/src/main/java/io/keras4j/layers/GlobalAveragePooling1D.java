package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The mean over the 1 spatial axis/axes: (batch, ..., channels) to (batch, channels).
 *
 * <p>Keras equivalent: {@code keras.layers.GlobalAveragePooling1D(data_format=None, keepdims=False)}.
 * <pre>{@code model.add(new GlobalAveragePooling1D());}</pre>
 * With a mask (batch, steps), such as Embedding's with {@code mask_zero}, the mean is over the unmasked steps only
 * and the output has no mask, as in Keras.
 */
public class GlobalAveragePooling1D extends BaseGlobalPooling<GlobalAveragePooling1D> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

  public GlobalAveragePooling1D() {
    super(1, false);
  }

  /** The mean over the steps the mask keeps (Keras' {@code call(inputs, mask)}); all of them without a mask. */
  @Override
  protected Tensor call(Tensor input, Tensor mask, boolean training) {
    if (mask == null) {
      return call(input, training);
    }
    Ops ops = ops();
    Tensor keep = ops.expandDims(ops.cast(mask, "bool"), 2);
    Tensor kept = ops.where(keep, input, ops.zerosLike(input));
    Tensor count = ops.sum(ops.cast(keep, input.dtype()), new int[] {1}, keepdims());
    return ops.divide(ops.sum(kept, new int[] {1}, keepdims()), count);
  }

  /** None: the steps are pooled away (Keras' {@code compute_mask}). */
  @Override
  public Tensor computeMask(Tensor input, Tensor mask) {
    return null;
  }

  /** The layer a Keras config describes (Keras' {@code GlobalAveragePooling1D.from_config}). */
  public static GlobalAveragePooling1D fromConfig(Map<String, Object> config) {
    return new GlobalAveragePooling1D().applyConfig(new Config("GlobalAveragePooling1D", config));
  }
}
