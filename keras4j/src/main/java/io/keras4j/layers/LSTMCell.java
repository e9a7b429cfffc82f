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

  /**
   * One step from the inputs' share of the gates, {@code x · kernel + bias} (see {@link #inputProjection}); when
   * training with the hand product, saves i, f, g, o and tanh(c) as one (batch, 5 * units) tensor for it.
   */
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
      for (int g = 0; g < 4; g++) { // a Slice per gate: TensorFlow's Split of the last axis costs more (rnnpred)
        z[g] = gate(all, g, g + 1);
      }
    }
    Tensor i = recurrentActivation().apply(z[0]);
    Tensor f = recurrentActivation().apply(z[1]);
    Tensor g = activation().apply(z[2]);
    Tensor c = ops.add(ops.multiply(f, cPrev), ops.multiply(i, g));
    Tensor o = recurrentActivation().apply(z[3]);
    Tensor tc = activation().apply(c);
    Tensor h = ops.multiply(o, tc);
    if (!training || !handVjp(training)) {
      return new RnnStep.Output(h, List.of(h, c));
    }
    return new RnnStep.Output(h, List.of(h, c), List.of(ops.concatenate(List.of(i, f, g, o, tc), -1)));
  }

  /**
   * The step's vector-Jacobian product from the LSTM's derivatives (tanh and sigmoid, no recurrent dropout): with
   * z = p + h R split into the gates i, f, g, o, c = f c' + i g and h = o tanh(c), the gates' gradients are joined
   * into one dz, whence dp = dz, dh' = dz Rᵀ and dR = h'ᵀ dz (given as a product, which the backend sums over the
   * steps in one product after its loop). The gates and tanh(c) are those {@link #callProjected} saved when training
   * ((batch, 5 * units), i, f, g, o, tanh(c)), else recomputed.
   */
  @Override
  protected RnnStep.Vjp callProjectedVjp(Tensor projected, List<Tensor> states, List<Tensor> saved, Tensor dOutput,
      List<Tensor> dStates, boolean training) {
    if (!handVjp(training)) {
      return null;
    }
    Ops ops = ops();
    Tensor hPrev = states.get(0);
    Tensor cPrev = states.get(1);
    Tensor recurrent = ops.read(recurrentKernel());
    Tensor[] gates = saved.isEmpty() ? recomputedGates(projected, hPrev, cPrev, recurrent) : savedGates(saved.get(0));
    Tensor i = gates[0];
    Tensor f = gates[1];
    Tensor g = gates[2];
    Tensor o = gates[3];
    Tensor tc = gates[4];
    Tensor dh = dOutput == null ? dStates.get(0) : ops.add(dOutput, dStates.get(0)); // null: folded into h's
    Tensor dc = ops.add(dStates.get(1), ops.tanhGrad(tc, ops.multiply(dh, o)));
    Tensor dz = ops.concatenate(List.of( // each gate's derivative in one op (TensorFlow's SigmoidGrad, TanhGrad)
        ops.sigmoidGrad(i, ops.multiply(dc, g)),
        ops.sigmoidGrad(f, ops.multiply(dc, cPrev)),
        ops.tanhGrad(g, ops.multiply(dc, i)),
        ops.sigmoidGrad(o, ops.multiply(dh, tc))), -1);
    Tensor dhPrev = ops.matmul(dz, recurrent, false, true);
    return new RnnStep.Vjp(List.of(dz), List.of(dhPrev, ops.multiply(dc, f)), Map.of(),
        Map.of(recurrent, List.of(hPrev, dz)));
  }

  /**
   * Whether an LSTM layer's whole recurrence over this cell can run as its backend's fused kernel ({@code Ops.lstm}):
   * this class itself (not a subclass), Keras' activations (tanh, sigmoid), float32 and no dropout.
   */
  boolean fusable() {
    return getClass() == LSTMCell.class && "tanh".equals(activation().name())
        && "sigmoid".equals(recurrentActivation().name()) && "float32".equals(computeDtype()) && dropout() == 0
        && recurrentDropout() == 0;
  }

  /** i, f, g, o and tanh(c) of a step, recomputed from its projected inputs and states. */
  private Tensor[] recomputedGates(Tensor projected, Tensor hPrev, Tensor cPrev, Tensor recurrent) {
    Ops ops = ops();
    Tensor all = ops.add(projected, ops.matmul(hPrev, recurrent));
    Tensor i = ops.sigmoid(gate(all, 0, 1));
    Tensor f = ops.sigmoid(gate(all, 1, 2));
    Tensor g = ops.tanh(gate(all, 2, 3));
    Tensor o = ops.sigmoid(gate(all, 3, 4));
    Tensor tc = ops.tanh(ops.add(ops.multiply(f, cPrev), ops.multiply(i, g)));
    return new Tensor[] {i, f, g, o, tc};
  }

  /** i, f, g, o and tanh(c) of a step from the (batch, 5 * units) tensor {@link #callProjected} saved. */
  private Tensor[] savedGates(Tensor saved) {
    return ops().split(saved, 5, -1).toArray(new Tensor[0]);
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
