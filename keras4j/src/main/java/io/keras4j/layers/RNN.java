package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * A recurrent layer over any cell: Keras' generic {@code RNN}.
 *
 * <p>Keras equivalent: {@code keras.layers.RNN(cell, return_sequences=False, return_state=False, go_backwards=False,
 * stateful=False, unroll=False, zero_output_for_mask=False)}; a list of cells becomes {@link StackedRNNCells}.
 * <pre>{@code
 * model.add(new RNN(new LSTMCell(32)).returnSequences(true));
 * model.add(new RNN(List.of(new GRUCell(32), new GRUCell(16))));
 * }</pre>
 * See {@link BaseRNN} for the options, initial states and masks.
 */
public class RNN extends BaseRNN<RNN> {

  /** An RNN over {@code cell}. */
  public RNN(AbstractRNNCell<?> cell) {
    super(cell);
  }

  /** An RNN over the cells stacked (Keras' {@code RNN([cell1, cell2])}). */
  public RNN(List<? extends AbstractRNNCell<?>> cells) {
    super(new StackedRNNCells(cells));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("cell", ser(cell()));
    return c;
  }

  /** An RNN from its Keras config: the RNN keys and {@code cell}, a serialized cell. */
  public static RNN fromConfig(Map<String, Object> config) {
    Config c = new Config("RNN", config);
    Object spec = c.get("cell");
    AbstractRNNCell<?> cell;
    if (spec instanceof List<?> list) {
      cell = new StackedRNNCells(list.stream().map(s -> asCell(Layers.deserialize(s))).toList());
    } else {
      cell = asCell(Layers.deserialize(require(spec)));
    }
    return withBaseConfig(readRnnConfig(new RNN(cell), c), c);
  }

  private static Object require(Object spec) {
    if (spec == null) {
      throw new IllegalArgumentException("RNN: the config lacks `cell`");
    }
    return spec;
  }

  /** {@code layer} as a cell, or an error naming what was expected. */
  static AbstractRNNCell<?> asCell(Layer layer) {
    if (!(layer instanceof AbstractRNNCell<?> cell)) {
      throw new IllegalArgumentException("Argument `cell` should be an RNN cell (AbstractRNNCell: call, state_size). "
          + "Received: cell=" + layer.getClass().getSimpleName());
    }
    return cell;
  }
}
