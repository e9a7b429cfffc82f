package io.keras4j.optimizers;

/**
 * Adam with decoupled weight decay.
 *
 * <p>Keras equivalent: {@code keras.optimizers.AdamW(learning_rate=0.001, weight_decay=0.004, beta_1=0.9,
 * beta_2=0.999, epsilon=1e-07, amsgrad=False)}: before each Adam step {@code w -= w * weight_decay * lr}.
 */
public class AdamW extends Adam {
  public AdamW() {
    this(0.001);
  }

  public AdamW(Object learningRate) {
    super("adamw", learningRate);
    weightDecay(0.004);
  }
}
