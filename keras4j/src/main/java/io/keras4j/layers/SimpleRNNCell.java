package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.RnnStep;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The cell of a fully connected recurrence: {@code h = activation(x . kernel + bias + h_prev . recurrent_kernel)}.
 *
 * <p>Keras equivalent: {@code keras.layers.SimpleRNNCell(units, activation="tanh", use_bias=True,
 * kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal", bias_initializer="zeros", ...,
 * dropout=0.0, recurrent_dropout=0.0, seed=None)} (keras/src/layers/rnn/simple_rnn.py). Weights: kernel
 * (input_dim, units), recurrent_kernel (units, units), bias (units,).
 * <pre>{@code Layer rnn = new RNN(new SimpleRNNCell(8));}</pre>
 */
public class SimpleRNNCell extends BaseRNNCell<SimpleRNNCell> {

  /** A cell of {@code units} outputs. */
  public SimpleRNNCell(int units) {
    super(units);
  }

  @Override
  protected int gates() {
    return 1;
  }

  /** One step from the inputs' product {@code x · kernel + bias} (see {@link #inputProjection}). */
  @Override
  protected RnnStep.Output callProjected(Tensor projected, List<Tensor> states, boolean training) {
    Ops ops = ops();
    Tensor prev = states.get(0);
    Tensor out = ops.add(projected,
        ops.matmul(masked(prev, recurrentDropoutMask(training), 0), ops.read(recurrentKernel())));
    out = activation().apply(out);
    return new RnnStep.Output(out, List.of(out));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    putHead(c);
    c.put("use_bias", useBias());
    putWeightsConfig(c, false);
    putDropoutConfig(c);
    return c;
  }

  /** A SimpleRNNCell from its Keras config. */
  public static SimpleRNNCell fromConfig(Map<String, Object> config) {
    Config c = new Config("SimpleRNNCell", config);
    SimpleRNNCell cell = new SimpleRNNCell(c.integer("units"));
    readCommon(cell, c);
    return withBaseConfig(cell, c);
  }
}
