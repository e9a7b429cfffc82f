package io.keras4j.layers;

import io.keras4j.dtypepolicies.DTypePolicy;
import io.keras4j.regularizers.Regularizer;

/**
 * The base of keras4j's built-in layers: {@link Layer}'s common setters, returning the concrete layer type so that
 * a chain of keyword arguments reads as in Keras.
 *
 * <p>Keras equivalent: the keyword arguments every {@code keras.layers.Layer} accepts ({@code name}, {@code dtype},
 * {@code trainable}, {@code input_shape}, {@code batch_size}, {@code activity_regularizer}).
 * <pre>{@code new Conv2D(16, 3).inputShape(28, 28, 1).activation("relu")}</pre>
 * Porting note: Java has no self type, so a layer declares itself as the type argument
 * ({@code class Dense extends BaseLayer<Dense>}); a custom layer may do the same, or extend {@link Layer}.
 *
 * @param <T> the concrete layer class
 */
public abstract class BaseLayer<T extends BaseLayer<T>> extends Layer {
  /** This layer as its concrete type, for the setters' return. */
  @SuppressWarnings("unchecked")
  protected final T self() {
    return (T) this;
  }

  @Override
  public T name(String name) {
    super.name(name);
    return self();
  }

  @Override
  public T trainable(boolean trainable) {
    super.trainable(trainable);
    return self();
  }

  @Override
  public T dtype(String dtype) {
    super.dtype(dtype);
    return self();
  }

  @Override
  public T dtype(DTypePolicy policy) {
    super.dtype(policy);
    return self();
  }

  @Override
  public T inputShape(int... shape) {
    super.inputShape(shape);
    return self();
  }

  @Override
  public T inputDim(int inputDim) {
    super.inputDim(inputDim);
    return self();
  }

  @Override
  public T batchSize(int batchSize) {
    super.batchSize(batchSize);
    return self();
  }

  @Override
  public T activityRegularizer(Regularizer regularizer) {
    super.activityRegularizer(regularizer);
    return self();
  }

  @Override
  public T activityRegularizer(String regularizer) {
    super.activityRegularizer(regularizer);
    return self();
  }
}
