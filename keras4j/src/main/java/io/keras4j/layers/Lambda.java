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

  public Lambda(UnaryOperator<Tensor> function) {
    this.function = function;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    return function.apply(input);
  }
}
