package io.keras4j.layers;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.regularizers.Regularizer;
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

  /** Sets the kernel's initializer (Keras' {@code kernel_initializer=}). Default "glorot_uniform". */
  public T kernelInitializer(Initializer initializer) {
    cell.kernelInitializer(initializer);
    return self();
  }

  /** Sets the kernel's initializer by name. Default "glorot_uniform". */
  public T kernelInitializer(String initializer) {
    cell.kernelInitializer(initializer);
    return self();
  }

  /** Sets the recurrent kernel's initializer (Keras' {@code recurrent_initializer=}). Default "orthogonal". */
  public T recurrentInitializer(Initializer initializer) {
    cell.recurrentInitializer(initializer);
    return self();
  }

  /** Sets the recurrent kernel's initializer by name. Default "orthogonal". */
  public T recurrentInitializer(String initializer) {
    cell.recurrentInitializer(initializer);
    return self();
  }

  /** Sets the bias' initializer (Keras' {@code bias_initializer=}). Default "zeros". */
  public T biasInitializer(Initializer initializer) {
    cell.biasInitializer(initializer);
    return self();
  }

  /** Sets the bias' initializer by name. Default "zeros". */
  public T biasInitializer(String initializer) {
    cell.biasInitializer(initializer);
    return self();
  }

  /** Sets the kernel's regularizer (Keras' {@code kernel_regularizer=}); null for none. Default none. */
  public T kernelRegularizer(Regularizer regularizer) {
    cell.kernelRegularizer(regularizer);
    return self();
  }

  /** Sets the kernel's regularizer by name. Default none. */
  public T kernelRegularizer(String regularizer) {
    cell.kernelRegularizer(regularizer);
    return self();
  }

  /** Sets the recurrent kernel's regularizer (Keras' {@code recurrent_regularizer=}); null for none. Default none. */
  public T recurrentRegularizer(Regularizer regularizer) {
    cell.recurrentRegularizer(regularizer);
    return self();
  }

  /** Sets the recurrent kernel's regularizer by name. Default none. */
  public T recurrentRegularizer(String regularizer) {
    cell.recurrentRegularizer(regularizer);
    return self();
  }

  /** Sets the bias' regularizer (Keras' {@code bias_regularizer=}); null for none. Default none. */
  public T biasRegularizer(Regularizer regularizer) {
    cell.biasRegularizer(regularizer);
    return self();
  }

  /** Sets the bias' regularizer by name. Default none. */
  public T biasRegularizer(String regularizer) {
    cell.biasRegularizer(regularizer);
    return self();
  }

  /** Sets the kernel's constraint (Keras' {@code kernel_constraint=}); null for none. Default none. */
  public T kernelConstraint(Constraint constraint) {
    cell.kernelConstraint(constraint);
    return self();
  }

  /** Sets the kernel's constraint by name. Default none. */
  public T kernelConstraint(String constraint) {
    cell.kernelConstraint(constraint);
    return self();
  }

  /** Sets the recurrent kernel's constraint (Keras' {@code recurrent_constraint=}); null for none. Default none. */
  public T recurrentConstraint(Constraint constraint) {
    cell.recurrentConstraint(constraint);
    return self();
  }

  /** Sets the recurrent kernel's constraint by name. Default none. */
  public T recurrentConstraint(String constraint) {
    cell.recurrentConstraint(constraint);
    return self();
  }

  /** Sets the bias' constraint (Keras' {@code bias_constraint=}); null for none. Default none. */
  public T biasConstraint(Constraint constraint) {
    cell.biasConstraint(constraint);
    return self();
  }

  /** Sets the bias' constraint by name. Default none. */
  public T biasConstraint(String constraint) {
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

  /** The cell, which takes the layer's dtype policy (Keras passes the layer's {@code dtype=} to the cell). */
  @Override
  protected java.util.List<Layer> dtypeFollowers() {
    return java.util.List.of(cell);
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
