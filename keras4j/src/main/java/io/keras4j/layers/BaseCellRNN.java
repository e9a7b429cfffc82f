package io.keras4j.layers;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * What SimpleRNN, LSTM and GRU share: a layer over its own cell whose keyword arguments it forwards to the cell.
 *
 * <p>Keras equivalent: the cell arguments that {@code keras.layers.SimpleRNN}, {@code LSTM} and {@code GRU} accept
 * and pass to their cell, and their {@code get_config}: the RNN keys, then the cell's keys (without {@code cell}).
 * Porting note: a shared base so that each layer's setters return the layer.
 *
 * @param <T> the concrete layer
 * @param <C> its cell
 */
public abstract class BaseCellRNN<T extends BaseCellRNN<T, C>, C extends BaseRNNCell<C>> extends BaseRNN<T> {
  private final C cell;

  protected BaseCellRNN(C cell) {
    super(cell);
    this.cell = cell;
  }

  /** The cell, typed. */
  @Override
  public C cell() {
    return cell;
  }

  public int units() {
    return cell.units();
  }

  /** Sets the activation by name (Keras' {@code activation=}). Default "tanh". */
  public T activation(String activation) {
    cell.activation(activation);
    return self();
  }

  /** Sets the activation (Keras' {@code activation=}). Default tanh. */
  public T activation(ActivationFunction activation) {
    cell.activation(activation);
    return self();
  }

  /** Sets whether a bias is added (Keras' {@code use_bias=}). Default true. */
  public T useBias(boolean useBias) {
    cell.useBias(useBias);
    return self();
  }

  /** Sets the kernel's initializer, an Initializer or name (Keras' {@code kernel_initializer=}). Default "glorot_uniform". */
  public T kernelInitializer(Object initializer) {
    cell.kernelInitializer(initializer);
    return self();
  }

  /** Sets the recurrent kernel's initializer (Keras' {@code recurrent_initializer=}). Default "orthogonal". */
  public T recurrentInitializer(Object initializer) {
    cell.recurrentInitializer(initializer);
    return self();
  }

  /** Sets the bias' initializer (Keras' {@code bias_initializer=}). Default "zeros". */
  public T biasInitializer(Object initializer) {
    cell.biasInitializer(initializer);
    return self();
  }

  /** Sets the kernel's regularizer, a Regularizer or name (Keras' {@code kernel_regularizer=}). Default none. */
  public T kernelRegularizer(Object regularizer) {
    cell.kernelRegularizer(regularizer);
    return self();
  }

  /** Sets the recurrent kernel's regularizer (Keras' {@code recurrent_regularizer=}). Default none. */
  public T recurrentRegularizer(Object regularizer) {
    cell.recurrentRegularizer(regularizer);
    return self();
  }

  /** Sets the bias' regularizer (Keras' {@code bias_regularizer=}). Default none. */
  public T biasRegularizer(Object regularizer) {
    cell.biasRegularizer(regularizer);
    return self();
  }

  /** Sets the kernel's constraint, a Constraint or name (Keras' {@code kernel_constraint=}). Default none. */
  public T kernelConstraint(Object constraint) {
    cell.kernelConstraint(constraint);
    return self();
  }

  /** Sets the recurrent kernel's constraint (Keras' {@code recurrent_constraint=}). Default none. */
  public T recurrentConstraint(Object constraint) {
    cell.recurrentConstraint(constraint);
    return self();
  }

  /** Sets the bias' constraint (Keras' {@code bias_constraint=}). Default none. */
  public T biasConstraint(Object constraint) {
    cell.biasConstraint(constraint);
    return self();
  }

  /** Sets the fraction of the inputs dropped (Keras' {@code dropout=}), clipped to [0, 1]. Default 0. */
  public T dropout(double dropout) {
    cell.dropout(dropout);
    return self();
  }

  /** Sets the fraction of the recurrent state dropped (Keras' {@code recurrent_dropout=}). Default 0. */
  public T recurrentDropout(double recurrentDropout) {
    cell.recurrentDropout(recurrentDropout);
    return self();
  }

  /** Sets the seed of the dropout masks (Keras' {@code seed=}). Default: drawn from the global generator. */
  public T seed(long seed) {
    cell.seed(seed);
    return self();
  }

  @Override
  public T trainable(boolean trainable) {
    cell.trainable(trainable);
    return super.trainable(trainable);
  }

  /** The layer's config: the RNN keys, then the cell's own keys with activity_regularizer, as Keras writes them. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    Map<String, Object> cellConfig = cell.getConfig();
    for (String base : new String[] {"name", "trainable", "dtype"}) {
      cellConfig.remove(base);
    }
    Object activity = c.remove("activity_regularizer");
    for (Map.Entry<String, Object> e : cellConfig.entrySet()) {
      c.put(e.getKey(), e.getValue());
      if (e.getKey().equals("bias_regularizer")) {
        c.put("activity_regularizer", activity);
      }
    }
    return c;
  }

  /** Reads a layer config's RNN and base keys into the layer (the cell's keys are read by the layer's fromConfig). */
  static <L extends BaseCellRNN<L, ?>> L readLayerConfig(L layer, Config c) {
    return withBaseConfig(readRnnConfig(layer, c), c);
  }
}
