package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.RnnStep;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The cell of a Gated Recurrent Unit layer: update and reset gates over one state.
 *
 * <p>Keras equivalent: {@code keras.layers.GRUCell(units, activation="tanh", recurrent_activation="sigmoid",
 * use_bias=True, kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal", bias_initializer="zeros",
 * ..., dropout=0.0, recurrent_dropout=0.0, reset_after=True, seed=None)} (keras/src/layers/rnn/gru.py). Weights:
 * kernel (input_dim, 3 * units), recurrent_kernel (units, 3 * units), gates in the order z, r, h; bias (2, 3 * units)
 * with {@code reset_after} (input bias, recurrent bias), else (3 * units,).
 * <pre>{@code Layer rnn = new RNN(new GRUCell(16));}</pre>
 */
public class GRUCell extends BaseGatedRNNCell<GRUCell> {
  private boolean resetAfter = true;

  /** A cell of {@code units} outputs. */
  public GRUCell(int units) {
    super(units);
  }

  @Override
  protected int gates() {
    return 3;
  }

  /**
   * Sets whether the reset gate applies after the recurrent product (Keras' {@code reset_after=}; true is cuDNN's
   * convention; false is standalone Keras 2's default, with a (3 * units,) bias). Default true.
   */
  public GRUCell resetAfter(boolean resetAfter) {
    checkNotBuilt("reset_after");
    this.resetAfter = resetAfter;
    return this;
  }

  public boolean resetAfter() {
    return resetAfter;
  }

  @Override
  protected Shape biasShape() {
    return resetAfter ? Shape.of(2, 3L * units()) : Shape.of(3L * units());
  }

  /** The input bias: the bias, or its first row with {@code reset_after}. */
  @Override
  protected Tensor inputBias() {
    if (bias() == null || !resetAfter) {
      return super.inputBias();
    }
    return ops().squeeze(ops().slice(ops().read(bias()), new int[] {0, 0}, new int[] {1, -1}), 0);
  }

  /**
   * One step from the inputs' share of the gates, {@code x · kernel + input bias} (see {@link #inputProjection});
   * when training with the hand product ({@code reset_after}), saves z, r, n and u_h as one (batch, 4 * units) tensor
   * for it.
   */
  @Override
  protected RnnStep.Output callProjected(Tensor projected, List<Tensor> states, boolean training) {
    Ops ops = ops();
    Tensor hPrev = states.get(0);
    Tensor recurrent = ops.read(recurrentKernel());
    Tensor recurrentBias = bias() != null && resetAfter ? recurrentBias(ops.read(bias())) : null;
    List<Tensor> rdp = recurrentDropoutMask(training);
    int single = implementation() == 1 ? 1 : 0; // mask index step: per gate, or the one shared mask
    Tensor[] x = new Tensor[3];
    for (int g = 0; g < 3; g++) { // a Slice per gate: TensorFlow's Split of the last axis costs more (rnnpred)
      x[g] = gate(projected, g, g + 1);
    }
    Tensor[] r = new Tensor[3];
    Tensor inner = resetAfter && implementation() == 2 ? inner(hPrev, recurrent, recurrentBias) : null;
    for (int g = 0; g < 2; g++) {
      if (inner != null) {
        r[g] = gate(inner, g, g + 1);
        continue;
      }
      r[g] = ops.matmul(masked(hPrev, rdp, g * single), gate(recurrent, g, g + 1));
      if (resetAfter && recurrentBias != null) {
        r[g] = ops.add(r[g], gate(recurrentBias, g, g + 1));
      }
    }
    Tensor z = recurrentActivation().apply(ops.add(x[0], r[0]));
    Tensor reset = recurrentActivation().apply(ops.add(x[1], r[1]));
    Tensor hh;
    Tensor uh = null; // reset_after: the recurrent share of the candidate, h' R_h + b_h
    Tensor hPrevH = masked(hPrev, rdp, 2 * single);
    if (inner != null) {
      uh = gate(inner, 2, 3);
      hh = activation().apply(ops.add(x[2], ops.multiply(reset, uh)));
    } else if (resetAfter) {
      uh = ops.matmul(hPrevH, gate(recurrent, 2, 3));
      if (recurrentBias != null) {
        uh = ops.add(uh, gate(recurrentBias, 2, 3));
      }
      hh = activation().apply(ops.add(x[2], ops.multiply(reset, uh)));
    } else {
      hh = activation().apply(ops.add(x[2], ops.matmul(ops.multiply(reset, hPrevH), gate(recurrent, 2, 3))));
    }
    // h = z * h_prev + (1 - z) * hh
    Tensor h = ops.add(ops.multiply(z, hPrev), ops.multiply(ops.add(ops.negative(z), 1f), hh));
    if (!training || !resetAfter || !handVjp(training)) {
      return new RnnStep.Output(h, List.of(h));
    }
    return new RnnStep.Output(h, List.of(h), List.of(ops.concatenate(List.of(z, reset, hh, uh), -1)));
  }

  /** The recurrent half, {@code bias[1]}, of a {@code reset_after} bias (2, 3 * units). */
  private Tensor recurrentBias(Tensor bias) {
    return ops().squeeze(ops().slice(bias, new int[] {1, 0}, new int[] {1, -1}), 0);
  }

  /**
   * Keras' {@code matrix_inner} of {@code implementation=2} with {@code reset_after}: {@code h' · recurrent_kernel
   * + recurrent bias}, one product for the three gates.
   */
  private Tensor inner(Tensor hPrev, Tensor recurrent, Tensor recurrentBias) {
    Tensor inner = ops().matmul(hPrev, recurrent);
    return recurrentBias == null ? inner : ops().add(inner, recurrentBias);
  }

  /**
   * The step's vector-Jacobian product from the GRU's derivatives ({@code reset_after=True}, tanh and sigmoid, no
   * recurrent dropout): with x = p split into x_z, x_r, x_h and u = h' R + b_r into u_z, u_r, u_h, z = sigmoid(x_z +
   * u_z), r = sigmoid(x_r + u_r), n = tanh(x_h + r u_h) and h = z h' + (1 - z) n, the gates' gradients give dp, du
   * (they differ in the third block: dx_h against r dx_h), dh' = z dh + du Rᵀ, dR = h'ᵀ du and db_r = the batch sum of
   * du. z, r, n and u_h are those {@link #callProjected} saved when training ((batch, 4 * units)), else recomputed.
   */
  @Override
  protected RnnStep.Vjp callProjectedVjp(Tensor projected, List<Tensor> states, List<Tensor> saved, Tensor dOutput,
      List<Tensor> dStates, boolean training) {
    if (!resetAfter || !handVjp(training)) {
      return null;
    }
    Ops ops = ops();
    Tensor hPrev = states.get(0);
    Tensor recurrent = ops.read(recurrentKernel());
    Tensor bias = bias() == null ? null : ops.read(bias());
    Tensor[] gates = saved.isEmpty() ? recomputedGates(projected, hPrev, recurrent, bias) : savedGates(saved.get(0));
    Tensor z = gates[0];
    Tensor r = gates[1];
    Tensor n = gates[2];
    Tensor uh = gates[3];
    Tensor dh = dOutput == null ? dStates.get(0) : ops.add(dOutput, dStates.get(0)); // null: folded into h's
    Tensor dxh = ops.tanhGrad(n, ops.multiply(dh, ops.add(ops.negative(z), 1f)));
    Tensor dxz = ops.sigmoidGrad(z, ops.multiply(dh, ops.subtract(hPrev, n)));
    Tensor dxr = ops.sigmoidGrad(r, ops.multiply(dxh, uh));
    Tensor dx = ops.concatenate(List.of(dxz, dxr, dxh), -1);
    Tensor du = ops.concatenate(List.of(dxz, dxr, ops.multiply(dxh, r)), -1);
    Tensor[] d = matmulVjp(hPrev, recurrent, du);
    Map<Tensor, Tensor> weights = new java.util.LinkedHashMap<>();
    weights.put(recurrent, d[1]);
    if (bias != null) {
      Tensor db = ops.sum(du, new int[] {0}, true);
      weights.put(bias, ops.concatenate(List.of(ops.zerosLike(db), db), 0));
    }
    return new RnnStep.Vjp(List.of(dx), List.of(ops.add(ops.multiply(dh, z), d[0])), weights);
  }

  /** z, r, n and u_h of a {@code reset_after} step, recomputed from its projected inputs and state. */
  private Tensor[] recomputedGates(Tensor projected, Tensor hPrev, Tensor recurrent, Tensor bias) {
    Ops ops = ops();
    Tensor inner = inner(hPrev, recurrent, bias == null ? null : recurrentBias(bias));
    Tensor z = ops.sigmoid(ops.add(gate(projected, 0, 1), gate(inner, 0, 1)));
    Tensor r = ops.sigmoid(ops.add(gate(projected, 1, 2), gate(inner, 1, 2)));
    Tensor uh = gate(inner, 2, 3);
    Tensor n = ops.tanh(ops.add(gate(projected, 2, 3), ops.multiply(r, uh)));
    return new Tensor[] {z, r, n, uh};
  }

  /** z, r, n and u_h of a step from the (batch, 4 * units) tensor {@link #callProjected} saved. */
  private Tensor[] savedGates(Tensor saved) {
    Tensor[] out = new Tensor[4];
    for (int k = 0; k < 4; k++) {
      out[k] = gate(saved, k, k + 1);
    }
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    putHead(c);
    c.put("recurrent_activation", recurrentActivation().name());
    c.put("use_bias", useBias());
    putWeightsConfig(c, false);
    putDropoutConfig(c);
    c.remove("seed");
    c.put("reset_after", resetAfter);
    c.put("seed", seed());
    return c;
  }

  /** A GRUCell from its Keras config ({@code implementation} accepted). */
  public static GRUCell fromConfig(Map<String, Object> config) {
    Config c = new Config("GRUCell", config);
    GRUCell cell = new GRUCell(c.integer("units"));
    read(cell, c);
    return withBaseConfig(cell, c);
  }

  /** Reads the GRU keys of a cell or layer config into {@code cell}. */
  static void read(GRUCell cell, Config c) {
    readCommon(cell, c);
    cell.recurrentActivation(c.identifier("recurrent_activation", "sigmoid"));
    cell.resetAfter(c.bool("reset_after", true));
    cell.implementation(c.integer("implementation", 2));
  }
}
