package io.keras4j.layers;

import io.keras4j.backend.Tensor;
import java.util.function.UnaryOperator;

/**
 * Wraps a Java function of graph tensors as a layer.
 *
 * <p>Keras equivalent: {@code keras.layers.Lambda(function)}. The function is written with
 * {@code Backend.ops()} (the TensorFlow ops behind the backend seam).
 * <pre>{@code new Lambda(x -> Backend.ops().multiply(x, 2f))}</pre>
 * Porting note: a Java function cannot be written into a config, so a model with a Lambda layer saves its weights
 * but cannot be rebuilt from its file; register a custom layer class instead ({@link Layers#register}).
 */
public class Lambda extends BaseLayer<Lambda> {
  private final UnaryOperator<Tensor> function;

  private java.util.function.BinaryOperator<Tensor> mask;

  public Lambda(UnaryOperator<Tensor> function) {
    this.function = function;
    supportsMasking(false); // Keras: supports_masking only with a mask
  }

  /**
   * Sets the output mask as a function of the input and its mask (Keras' {@code mask=}, a callable of
   * {@code (inputs, mask)}); with one the layer supports masking, without one it drops an incoming mask, as in
   * Keras. Default none. Example: {@code new Lambda(f).mask((x, m) -> m)} passes the mask on.
   */
  public Lambda mask(java.util.function.BinaryOperator<Tensor> mask) {
    checkNotBuilt("mask");
    this.mask = mask;
    supportsMasking(mask != null);
    return this;
  }

  /** The output mask of the {@code mask} function, or none without one (Keras' {@code Lambda.compute_mask}). */
  @Override
  public Tensor computeMask(Tensor input, Tensor previousMask) {
    return mask == null ? null : mask.apply(input, previousMask);
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    return function.apply(input);
  }
}
