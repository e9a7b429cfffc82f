package io.keras4j.layers;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.random.SeedGenerator;
import io.keras4j.regularizers.Regularizer;

/**
 * The keyword arguments of the ConvLSTM layers that configure their cell: the convolutions' geometry, the
 * activations, the weights' initializers, regularizers and constraints, and dropout.
 *
 * <p>Keras equivalent: the arguments {@code keras.src.layers.rnn.conv_lstm.ConvLSTM} passes to its
 * {@code ConvLSTMCell} and exposes as properties ({@code layer.filters}, {@code layer.dropout}, ...). Porting note:
 * a base class of its own so that {@link ConvLSTM}, which adds the recurrence, stays small; every setter returns
 * the concrete layer.
 *
 * @param <T> the concrete layer
 */
public abstract class BaseConvLSTM<T extends BaseConvLSTM<T>> extends BaseLayer<T> {
  final ConvLSTMCell cell;

  BaseConvLSTM(int rank, int filters, int... kernelSize) {
    if (filters <= 0) {
      throw new IllegalArgumentException("Invalid value for argument `filters`. Expected a strictly positive value. "
          + "Received filters=" + filters);
    }
    this.cell = track(new ConvLSTMCell(rank, filters, ConvUtils.tuple(name(), "kernel_size", rank, kernelSize)));
    this.cell.seedGenerator = new SeedGenerator(null, "seed_generator");
  }

  /** The cell, which takes the layer's dtype policy (Keras passes the layer's {@code dtype=} to the cell). */
  @Override
  protected java.util.List<Layer> dtypeFollowers() {
    return java.util.List.of(cell);
  }

  /** Sets the strides, one int for every axis or one per axis (Keras' {@code strides=}). Default 1. */
  public T strides(int... strides) {
    checkNotBuilt("strides");
    cell.strides = ConvUtils.tuple(name(), "strides", cell.rank, strides);
    checkStridesWithDilation();
    return self();
  }

  /** Sets "valid" or "same" (Keras' {@code padding=}). Default "valid". */
  public T padding(String padding) {
    checkNotBuilt("padding");
    cell.padding = ConvUtils.padding(name(), require(padding, "padding"), false);
    return self();
  }

  /** Sets the data format; keras4j is channels-last only (Keras' {@code data_format=}). Default "channels_last". */
  public T dataFormat(String dataFormat) {
    DataFormats.channelsLast(dataFormat, name());
    return self();
  }

  /** Sets the dilation rate, one int for every axis or one per axis (Keras' {@code dilation_rate=}). Default 1. */
  public T dilationRate(int... dilationRate) {
    checkNotBuilt("dilation_rate");
    cell.dilationRate = ConvUtils.tuple(name(), "dilation_rate", cell.rank, dilationRate);
    checkStridesWithDilation();
    return self();
  }

  private void checkStridesWithDilation() {
    boolean strided = java.util.Arrays.stream(cell.strides).anyMatch(s -> s > 1);
    boolean dilated = java.util.Arrays.stream(cell.dilationRate).anyMatch(d -> d > 1);
    if (strided && dilated) {
      throw new IllegalArgumentException("Layer '" + name() + "': specifying `strides > 1` is not compatible with "
          + "`dilation_rate > 1`. Please provide `strides=1` or `dilation_rate=1`. Received: strides="
          + java.util.Arrays.toString(cell.strides) + " and dilation_rate="
          + java.util.Arrays.toString(cell.dilationRate));
    }
  }

  /** Sets the activation of the cell input and output by Keras name (Keras' {@code activation=}). Default "tanh". */
  public T activation(String activation) {
    return activation(Activations.get(activation));
  }

  /** Sets the activation of the cell input and output (Keras' {@code activation=}). Default tanh. */
  public T activation(ActivationFunction activation) {
    checkNotBuilt("activation");
    cell.activation = Activations.get(require(activation, "activation"));
    return self();
  }

  /** Sets the gates' activation by Keras name (Keras' {@code recurrent_activation=}). Default "sigmoid". */
  public T recurrentActivation(String activation) {
    return recurrentActivation(Activations.get(activation));
  }

  /** Sets the gates' activation (Keras' {@code recurrent_activation=}). Default sigmoid. */
  public T recurrentActivation(ActivationFunction activation) {
    checkNotBuilt("recurrent_activation");
    cell.recurrentActivation = Activations.get(require(activation, "recurrent_activation"));
    return self();
  }

  /** Sets whether the gates have a bias (Keras' {@code use_bias=}). Default true. */
  public T useBias(boolean useBias) {
    checkNotBuilt("use_bias");
    cell.useBias = useBias;
    return self();
  }

  /** Sets the kernel's initializer (Keras' {@code kernel_initializer=}). Default {@code GlorotUniform}. */
  public T kernelInitializer(Initializer initializer) {
    checkNotBuilt("kernel_initializer");
    cell.kernelInitializer = require(initializer, "kernel_initializer");
    return self();
  }

  /** Sets the kernel's initializer by name. Default "glorot_uniform". */
  public T kernelInitializer(String initializer) {
    return kernelInitializer(Initializers.get(initializer));
  }

  /** Sets the recurrent kernel's initializer (Keras' {@code recurrent_initializer=}). Default {@code Orthogonal}. */
  public T recurrentInitializer(Initializer initializer) {
    checkNotBuilt("recurrent_initializer");
    cell.recurrentInitializer = require(initializer, "recurrent_initializer");
    return self();
  }

  /** Sets the recurrent kernel's initializer by name. Default "orthogonal". */
  public T recurrentInitializer(String initializer) {
    return recurrentInitializer(Initializers.get(initializer));
  }

  /** Sets the bias' initializer (Keras' {@code bias_initializer=}). Default {@code Zeros}. */
  public T biasInitializer(Initializer initializer) {
    checkNotBuilt("bias_initializer");
    cell.biasInitializer = require(initializer, "bias_initializer");
    return self();
  }

  /** Sets the bias' initializer by name. Default "zeros". */
  public T biasInitializer(String initializer) {
    return biasInitializer(Initializers.get(initializer));
  }

  /** Sets whether the forget gate's bias starts at 1 (Keras' {@code unit_forget_bias=}). Default true. */
  public T unitForgetBias(boolean unitForgetBias) {
    checkNotBuilt("unit_forget_bias");
    cell.unitForgetBias = unitForgetBias;
    return self();
  }

  /** Sets the kernel's regularizer (Keras' {@code kernel_regularizer=}); null for none. Default none. */
  public T kernelRegularizer(Regularizer regularizer) {
    checkNotBuilt("kernel_regularizer");
    cell.kernelRegularizer = regularizer;
    return self();
  }

  /** Sets the kernel's regularizer by name ("l1", "l2", "l1_l2"). Default none. */
  public T kernelRegularizer(String regularizer) {
    return kernelRegularizer(Regularizer.get(regularizer));
  }

  /** Sets the recurrent kernel's regularizer (Keras' {@code recurrent_regularizer=}); null for none. Default none. */
  public T recurrentRegularizer(Regularizer regularizer) {
    checkNotBuilt("recurrent_regularizer");
    cell.recurrentRegularizer = regularizer;
    return self();
  }

  /** Sets the recurrent kernel's regularizer by name. Default none. */
  public T recurrentRegularizer(String regularizer) {
    return recurrentRegularizer(Regularizer.get(regularizer));
  }

  /** Sets the bias' regularizer (Keras' {@code bias_regularizer=}); null for none. Default none. */
  public T biasRegularizer(Regularizer regularizer) {
    checkNotBuilt("bias_regularizer");
    cell.biasRegularizer = regularizer;
    return self();
  }

  /** Sets the bias' regularizer by name. Default none. */
  public T biasRegularizer(String regularizer) {
    return biasRegularizer(Regularizer.get(regularizer));
  }

  /** Sets the kernel's constraint (Keras' {@code kernel_constraint=}); null for none. Default none. */
  public T kernelConstraint(Constraint constraint) {
    checkNotBuilt("kernel_constraint");
    cell.kernelConstraint = constraint;
    return self();
  }

  /** Sets the kernel's constraint by name. Default none. */
  public T kernelConstraint(String constraint) {
    return kernelConstraint(Constraint.get(constraint));
  }

  /** Sets the recurrent kernel's constraint (Keras' {@code recurrent_constraint=}); null for none. Default none. */
  public T recurrentConstraint(Constraint constraint) {
    checkNotBuilt("recurrent_constraint");
    cell.recurrentConstraint = constraint;
    return self();
  }

  /** Sets the recurrent kernel's constraint by name. Default none. */
  public T recurrentConstraint(String constraint) {
    return recurrentConstraint(Constraint.get(constraint));
  }

  /** Sets the bias' constraint (Keras' {@code bias_constraint=}); null for none. Default none. */
  public T biasConstraint(Constraint constraint) {
    checkNotBuilt("bias_constraint");
    cell.biasConstraint = constraint;
    return self();
  }

  /** Sets the bias' constraint by name. Default none. */
  public T biasConstraint(String constraint) {
    return biasConstraint(Constraint.get(constraint));
  }

  /** Sets the fraction of the input dropped in training, clipped to [0, 1] (Keras' {@code dropout=}). Default 0. */
  public T dropout(double dropout) {
    checkNotBuilt("dropout");
    cell.dropout = Math.min(1, Math.max(0, dropout));
    return self();
  }

  /** Sets the fraction of the state dropped in training, in [0, 1] (Keras' {@code recurrent_dropout=}). Default 0. */
  public T recurrentDropout(double recurrentDropout) {
    checkNotBuilt("recurrent_dropout");
    cell.recurrentDropout = Math.min(1, Math.max(0, recurrentDropout));
    return self();
  }

  /** Sets the seed of the dropout masks (Keras' {@code seed=}). Default: drawn from the global generator. */
  public T seed(long seed) {
    checkNotBuilt("seed");
    cell.seed = seed;
    cell.seedGenerator = new SeedGenerator(seed, "seed_generator");
    return self();
  }

  public int filters() {
    return cell.filters;
  }

  public int[] kernelSize() {
    return cell.kernelSize.clone();
  }

  public double dropout() {
    return cell.dropout;
  }

  public double recurrentDropout() {
    return cell.recurrentDropout;
  }

  /** The cell (Keras' {@code layer.cell}), whose weights these are. */
  Layer cell() {
    return cell;
  }
}
