package io.keras4j.layers;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.backend.Tensor;

/**
 * What Keras' gated cells share beyond {@link BaseRNNCell}: the gates' activation and the computation's layout.
 *
 * <p>Keras equivalent: the {@code recurrent_activation=} and {@code implementation=} arguments of
 * {@code keras.layers.LSTMCell} and {@code keras.layers.GRUCell} (keras/src/layers/rnn/lstm.py, gru.py). Porting
 * note: Keras repeats them in each class; keras4j keeps them here.
 */
public abstract class BaseGatedRNNCell<T extends BaseGatedRNNCell<T>> extends BaseRNNCell<T> {
  private ActivationFunction recurrentActivation = Activations.get("sigmoid");
  private int implementation = 2;

  BaseGatedRNNCell(int units) {
    super(units);
  }

  /** Sets the gates' activation by name (Keras' {@code recurrent_activation=}). Default "sigmoid". */
  public T recurrentActivation(String recurrentActivation) {
    return recurrentActivation(Activations.get(recurrentActivation));
  }

  /** Sets the gates' activation (Keras' {@code recurrent_activation=}). Default sigmoid. */
  public T recurrentActivation(ActivationFunction recurrentActivation) {
    checkNotBuilt("recurrent_activation");
    this.recurrentActivation = Activations.get(recurrentActivation);
    return self();
  }

  /**
   * Sets the computation's layout (Keras' {@code implementation=}, 1: one product per gate, 2: one fused product);
   * recurrent dropout forces 1, as in Keras. Not part of the config. Default 2.
   */
  public T implementation(int implementation) {
    checkNotBuilt("implementation");
    if (implementation != 1 && implementation != 2) {
      throw new IllegalArgumentException("Layer '" + name() + "': implementation must be 1 or 2. Received: "
          + "implementation=" + implementation);
    }
    this.implementation = implementation;
    return self();
  }

  public ActivationFunction recurrentActivation() {
    return recurrentActivation;
  }

  /** The layout in use: 1 with recurrent dropout, else the one set. */
  public int implementation() {
    return recurrentDropout() != 0 ? 1 : implementation;
  }

  @Override
  protected int dropoutMaskCount() {
    return implementation() == 1 ? gates() : 1;
  }

  /**
   * Whether the step has the hand vector-Jacobian product of {@link #callProjectedVjp}: Keras' default activations
   * (tanh, sigmoid) and no recurrent dropout.
   */
  protected final boolean handVjp(boolean training) {
    return "tanh".equals(activation().name()) && "sigmoid".equals(recurrentActivation.name())
        && recurrentDropoutMask(training) == null;
  }


  /** {@code dz · wᵀ} and {@code xᵀ · dz}: the gradients of x and w of {@code x · w} given that of the product. */
  protected final Tensor[] matmulVjp(Tensor x, Tensor w, Tensor dz) {
    return new Tensor[] {ops().matmul(dz, w, false, true), ops().matmul(x, dz, true, false)};
  }
}
