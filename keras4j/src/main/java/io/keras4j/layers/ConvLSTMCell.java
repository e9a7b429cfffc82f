package io.keras4j.layers;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.backend.Ops;
import io.keras4j.backend.RnnStep;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.GlorotUniform;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Orthogonal;
import io.keras4j.initializers.Zeros;
import io.keras4j.random.SeedGenerator;
import io.keras4j.regularizers.Regularizer;
import java.util.List;

/**
 * One step of a convolutional LSTM: the gates are convolutions of the step's input and of the previous output.
 *
 * <p>Keras equivalent: {@code keras.src.layers.rnn.conv_lstm.ConvLSTMCell} (not exported; {@link ConvLSTM} owns one,
 * named {@code conv_lstm_cell}, whose weights a {@code .keras} file keeps under {@code conv_lstm2d/cell}). Weights:
 * {@code kernel} {@code (kernel_size..., channels, 4 * filters)}, {@code recurrent_kernel}
 * {@code (kernel_size..., filters, 4 * filters)} and {@code bias} {@code (4 * filters,)}, the four gates in Keras'
 * order i, f, c, o. With {@code x_g = conv(x, kernel_g, strides, padding, dilation) + bias_g} and
 * {@code h_g = conv(h, recurrent_kernel_g, 1, "same")}: {@code i = σ(x_i + h_i)}, {@code f = σ(x_f + h_f)},
 * {@code c' = f c + i tanh(x_c + h_c)}, {@code o = σ(x_o + h_o)}, {@code h' = o tanh(c')} (σ the recurrent
 * activation, tanh the activation). Dropout masks (four for the input, four for the state, Keras'
 * {@code DropoutRNNCell}) are drawn once per call, before the loop, from the cell's {@link SeedGenerator}.
 */
final class ConvLSTMCell extends BaseLayer<ConvLSTMCell> {
  final int rank;
  final int filters;
  final int[] kernelSize;
  int[] strides;
  String padding = "valid";
  int[] dilationRate;
  ActivationFunction activation = Activations.get("tanh");
  ActivationFunction recurrentActivation = Activations.get("sigmoid");
  boolean useBias = true;
  Initializer kernelInitializer = new GlorotUniform();
  Initializer recurrentInitializer = new Orthogonal();
  Initializer biasInitializer = new Zeros();
  boolean unitForgetBias = true;
  Regularizer kernelRegularizer;
  Regularizer recurrentRegularizer;
  Regularizer biasRegularizer;
  Constraint kernelConstraint;
  Constraint recurrentConstraint;
  Constraint biasConstraint;
  double dropout;
  double recurrentDropout;
  Long seed;
  SeedGenerator seedGenerator;
  private Variable kernel;
  private Variable recurrentKernel;
  private Variable bias;

  ConvLSTMCell(int rank, int filters, int[] kernelSize) {
    this.rank = rank;
    this.filters = filters;
    this.kernelSize = kernelSize;
    this.strides = ConvUtils.repeat(1, rank);
    this.dilationRate = ConvUtils.repeat(1, rank);
    name("conv_lstm_cell");
  }

  /** The output's spatial lengths for a step input's spatial lengths. */
  long[] outputSpatial(Shape stepInput) {
    long[] out = new long[rank];
    for (int i = 0; i < rank; i++) {
      out[i] = ConvUtils.outputLength(stepInput.get(i + 1), kernelSize[i], padding, strides[i], dilationRate[i]);
    }
    return out;
  }

  @Override
  protected void build(Shape stepInput) {
    long channels = stepInput.get(-1);
    long[] k = new long[rank + 2];
    for (int i = 0; i < rank; i++) {
      k[i] = kernelSize[i];
    }
    k[rank] = channels;
    k[rank + 1] = 4L * filters;
    kernel = addWeight("kernel", Shape.of(k), kernelInitializer, kernelRegularizer, kernelConstraint, true);
    k[rank] = filters;
    recurrentKernel = addWeight("recurrent_kernel", Shape.of(k), recurrentInitializer, recurrentRegularizer,
        recurrentConstraint, true);
    if (useBias) {
      bias = addWeight("bias", Shape.of(4L * filters), unitForgetBias ? Initializer.of(s -> forgetBias()) :
          biasInitializer, biasRegularizer, biasConstraint, true);
    }
  }

  /** Keras' unit_forget_bias: the bias initializer's values, with ones for the forget gate. */
  private float[] forgetBias() {
    float[] out = new float[4 * filters];
    System.arraycopy(biasInitializer.call(Shape.of(filters)), 0, out, 0, filters);
    java.util.Arrays.fill(out, filters, 2 * filters, 1f);
    System.arraycopy(biasInitializer.call(Shape.of(2L * filters)), 0, out, 2 * filters, 2 * filters);
    return out;
  }

  /** The generator of the dropout masks when there is dropout (Keras always makes one and never saves it). */
  @Override
  public List<SeedGenerator> seedGenerators() {
    return seedGenerator != null && (dropout > 0 || recurrentDropout > 0) ? List.of(seedGenerator) : List.of();
  }

  /** Four dropout masks of {@code like}'s shape (Keras' {@code _create_dropout_mask}), or null for rate 0. */
  Tensor[] dropoutMasks(Ops ops, Tensor like, double rate) {
    if (rate <= 0 || rate >= 1) {
      return null; // Keras applies dropout for 0 < rate < 1 only
    }
    Tensor ones = ops.onesLike(like);
    Tensor[] masks = new Tensor[4];
    for (int g = 0; g < 4; g++) {
      masks[g] = ops.statelessDropout(ones, rate, null, seedGenerator.next());
    }
    return masks;
  }

  /** One step from input {@code x} and states (h, c); masks are applied when not null (training with dropout). */
  RnnStep.Output step(Ops ops, Tensor x, Tensor h, Tensor c, Tensor[] inputMasks, Tensor[] stateMasks) {
    Tensor k = ops.read(kernel);
    Tensor rk = ops.read(recurrentKernel);
    Tensor b = bias == null ? null : ops.read(bias);
    Tensor[] z = new Tensor[4];
    for (int g = 0; g < 4; g++) {
      Tensor xg = inputMasks == null ? x : ops.multiply(x, inputMasks[g]);
      Tensor hg = stateMasks == null ? h : ops.multiply(h, stateMasks[g]);
      Tensor xc = ops.conv(xg, gate(ops, k, g), strides, padding, dilationRate);
      if (b != null) {
        xc = ops.add(xc, ops.slice(b, new int[] {g * filters}, new int[] {filters}));
      }
      Tensor hc = ops.conv(hg, gate(ops, rk, g), ConvUtils.repeat(1, rank), "same", ConvUtils.repeat(1, rank));
      z[g] = ops.add(xc, hc);
    }
    Tensor i = recurrentActivation.apply(z[0]);
    Tensor f = recurrentActivation.apply(z[1]);
    Tensor cNext = ops.add(ops.multiply(f, c), ops.multiply(i, activation.apply(z[2])));
    Tensor o = recurrentActivation.apply(z[3]);
    Tensor hNext = ops.multiply(o, activation.apply(cNext));
    return new RnnStep.Output(hNext, List.of(hNext, cNext));
  }

  /** Gate {@code g}'s slice of a kernel's last axis. */
  private Tensor gate(Ops ops, Tensor k, int g) {
    int[] begin = new int[rank + 2];
    int[] size = new int[rank + 2];
    java.util.Arrays.fill(size, -1);
    begin[rank + 1] = g * filters;
    size[rank + 1] = filters;
    return ops.slice(k, begin, size);
  }
}
