package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.RnnStep;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.initializers.Initializer;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The cell of a Long Short-Term Memory layer: input, forget, cell and output gates over a carry state.
 *
 * <p>Keras equivalent: {@code keras.layers.LSTMCell(units, activation="tanh", recurrent_activation="sigmoid",
 * use_bias=True, kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal", bias_initializer="zeros",
 * unit_forget_bias=True, ..., dropout=0.0, recurrent_dropout=0.0, seed=None)} (keras/src/layers/rnn/lstm.py).
 * Weights: kernel (input_dim, 4 * units), recurrent_kernel (units, 4 * units), bias (4 * units,), the gates in the
 * order i, f, c, o; states [h, c].
 * <pre>{@code Layer rnn = new RNN(new LSTMCell(16));}</pre>
 */
public class LSTMCell extends BaseGatedRNNCell<LSTMCell> {
  private boolean unitForgetBias = true;

  /** A cell of {@code units} outputs. */
  public LSTMCell(int units) {
    super(units);
  }

  @Override
  protected int gates() {
    return 4;
  }

  /** Sets whether the forget gate's bias starts at 1 (Keras' {@code unit_forget_bias=}). Default true. */
  public LSTMCell unitForgetBias(boolean unitForgetBias) {
    checkNotBuilt("unit_forget_bias");
    this.unitForgetBias = unitForgetBias;
    return this;
  }

  public boolean unitForgetBias() {
    return unitForgetBias;
  }

  @Override
  public int[] stateSize() {
    return new int[] {units(), units()};
  }

  @Override
  protected Initializer biasInitializerForBuild(Initializer init) {
    if (!unitForgetBias) {
      return init;
    }
    int u = units();
    return Initializer.of(shape -> {
      float[] out = new float[4 * u];
      System.arraycopy(init.call(Shape.of(u)), 0, out, 0, u);
      java.util.Arrays.fill(out, u, 2 * u, 1f);
      System.arraycopy(init.call(Shape.of(2L * u)), 0, out, 2 * u, 2 * u);
      return out;
    });
  }

  /** One step from the inputs' share of the gates, {@code x · kernel + bias} (see {@link #inputProjection}). */
  @Override
  protected RnnStep.Output callProjected(Tensor projected, List<Tensor> states, boolean training) {
    Ops ops = ops();
    Tensor hPrev = states.get(0);
    Tensor cPrev = states.get(1);
    Tensor recurrent = ops.read(recurrentKernel());
    List<Tensor> rdp = recurrentDropoutMask(training);
    Tensor[] z = new Tensor[4];
    if (implementation() == 1) {
      for (int g = 0; g < 4; g++) {
        z[g] = ops.add(gate(projected, g, g + 1), ops.matmul(masked(hPrev, rdp, g), gate(recurrent, g, g + 1)));
      }
    } else {
      Tensor all = ops.add(projected, ops.matmul(hPrev, recurrent));
      for (int g = 0; g < 4; g++) {
        z[g] = gate(all, g, g + 1);
      }
    }
    Tensor i = recurrentActivation().apply(z[0]);
    Tensor f = recurrentActivation().apply(z[1]);
    Tensor c = ops.add(ops.multiply(f, cPrev), ops.multiply(i, activation().apply(z[2])));
    Tensor o = recurrentActivation().apply(z[3]);
    Tensor h = ops.multiply(o, activation().apply(c));
    return new RnnStep.Output(h, List.of(h, c));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    putHead(c);
    c.put("recurrent_activation", recurrentActivation().name());
    c.put("use_bias", useBias());
    c.put("unit_forget_bias", unitForgetBias);
    putWeightsConfig(c, false);
    putDropoutConfig(c);
    return c;
  }

  /** An LSTMCell from its Keras config ({@code implementation} accepted). */
  public static LSTMCell fromConfig(Map<String, Object> config) {
    Config c = new Config("LSTMCell", config);
    LSTMCell cell = new LSTMCell(c.integer("units"));
    read(cell, c);
    return withBaseConfig(cell, c);
  }

  /** Reads the LSTM keys of a cell or layer config into {@code cell}. */
  static void read(LSTMCell cell, Config c) {
    readCommon(cell, c);
    cell.recurrentActivation(c.identifier("recurrent_activation", "sigmoid"));
    cell.unitForgetBias(c.bool("unit_forget_bias", true));
    cell.implementation(c.integer("implementation", 2));
  }
}
