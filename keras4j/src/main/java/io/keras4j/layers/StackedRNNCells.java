package io.keras4j.layers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.RnnStep;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cells run one after the other at each step, each taking the previous one's output, as one cell.
 *
 * <p>Keras equivalent: {@code keras.layers.StackedRNNCells(cells)} (keras/src/layers/rnn/stacked_rnn_cells.py);
 * {@code RNN} makes one from a list of cells. Its states are the cells' states in order; output size the last cell's.
 * <pre>{@code Layer rnn = new RNN(List.of(new LSTMCell(16), new LSTMCell(8)));}</pre>
 * Porting note: states are one flat list (Keras nests them per cell), so {@code return_state} gives the cells' states
 * one after the other.
 */
public class StackedRNNCells extends AbstractRNNCell<StackedRNNCells>
    implements io.keras4j.saving.NestedSaveables {
  private final List<AbstractRNNCell<?>> cells;

  /** The cells, first to last. */
  public StackedRNNCells(List<? extends AbstractRNNCell<?>> cells) {
    if (cells == null || cells.isEmpty()) {
      throw new IllegalArgumentException("StackedRNNCells needs at least one cell. Received: cells=" + cells);
    }
    this.cells = List.copyOf(cells);
    for (AbstractRNNCell<?> c : this.cells) {
      track(c);
    }
  }

  /** The cells, first to last (Keras' {@code cells}). */
  public List<AbstractRNNCell<?>> cells() {
    return cells;
  }

  /** The cells, saved as Keras does under {@code cells/<snake_case class name>[_n]}. */
  @Override
  public Map<String, Object> nestedSaveables() {
    return Map.of("cells", cells);
  }

  @Override
  public int[] stateSize() {
    List<Integer> sizes = new ArrayList<>();
    for (AbstractRNNCell<?> c : cells) {
      for (int s : c.stateSize()) {
        sizes.add(s);
      }
    }
    return sizes.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public int outputSize() {
    return cells.get(cells.size() - 1).outputSize();
  }

  @Override
  public List<Tensor> getInitialState(Tensor batchSize) {
    List<Tensor> out = new ArrayList<>();
    for (AbstractRNNCell<?> c : cells) {
      out.addAll(c.getInitialState(batchSize));
    }
    return out;
  }

  @Override
  protected void build(Shape inputShape) {
    Shape shape = inputShape;
    for (AbstractRNNCell<?> c : cells) {
      c.buildCell(shape);
      shape = Shape.of(inputShape.get(0), c.outputSize());
    }
  }

  @Override
  public RnnStep.Output call(Tensor inputs, List<Tensor> states, boolean training) {
    List<Tensor> newStates = new ArrayList<>();
    Tensor x = inputs;
    int at = 0;
    for (AbstractRNNCell<?> c : cells) {
      int n = c.stateSize().length;
      RnnStep.Output out = c.call(x, states.subList(at, at + n), training);
      x = out.output();
      newStates.addAll(out.states());
      at += n;
    }
    return new RnnStep.Output(x, newStates);
  }

  /** Each cell prepares its masks with its own step input: ones of the previous cell's output size. */
  @Override
  protected void beforeLoop(Tensor stepInput, List<Tensor> states, boolean training) {
    Ops ops = Backend.ops();
    Tensor x = stepInput;
    int at = 0;
    for (AbstractRNNCell<?> c : cells) {
      int n = c.stateSize().length;
      c.beforeLoop(x, states.subList(at, at + n), training);
      at += n;
      Tensor shape = ops.stack(List.of(ops.dimension(stepInput, 0),
          ops.constant(new int[] {c.outputSize()}, Shape.scalar())), 0);
      x = ops.fill(shape, 1f);
    }
  }

  /** Its cells' loop states, in order. */
  @Override
  protected Object loopState() {
    List<Object> states = new ArrayList<>();
    for (AbstractRNNCell<?> c : cells) {
      states.add(c.loopState());
    }
    return states;
  }

  @Override
  protected void restoreLoopState(Object state) {
    for (int i = 0; i < cells.size(); i++) {
      cells.get(i).restoreLoopState(state == null ? null : ((List<?>) state).get(i));
    }
  }

  /** Rowwise when each of its cells is. */
  @Override
  protected boolean rowwise(boolean training) {
    for (AbstractRNNCell<?> c : cells) {
      if (!c.rowwise(training)) {
        return false;
      }
    }
    return true;
  }

  @Override
  protected void afterLoop() {
    for (AbstractRNNCell<?> c : cells) {
      c.afterLoop();
    }
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    List<Object> list = new ArrayList<>();
    for (AbstractRNNCell<?> cell : cells) {
      list.add(ser(cell));
    }
    c.put("cells", list);
    return c;
  }

  /** StackedRNNCells from its Keras config: {@code cells}, each a serialized cell. */
  public static StackedRNNCells fromConfig(Map<String, Object> config) {
    Config c = new Config("StackedRNNCells", config);
    if (!(c.get("cells") instanceof List<?> specs)) {
      throw new IllegalArgumentException("StackedRNNCells: expected `cells`, a list of cells. Received: cells="
          + c.get("cells"));
    }
    List<AbstractRNNCell<?>> cells = new ArrayList<>();
    for (Object spec : specs) {
      cells.add(RNN.asCell(Layers.deserialize(spec)));
    }
    return withBaseConfig(new StackedRNNCells(cells), c);
  }
}
