package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Ops;
import io.keras4j.backend.RnnStep;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.data.NDArray;
import io.keras4j.models.Model;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generic RNN: a cell written by a user, stacked cells, stateful checks, initial states, the mask API. */
class RNNTest {
  /** Keras' MinimalRNNCell example: h = x . kernel + h_prev . recurrent_kernel, one state. */
  static final class MinimalRNNCell extends AbstractRNNCell<MinimalRNNCell> {
    private final int units;
    private Variable kernel;
    private Variable recurrent;

    MinimalRNNCell(int units) {
      this.units = units;
    }

    @Override
    public int[] stateSize() {
      return new int[] {units};
    }

    @Override
    protected void build(Shape s) {
      kernel = addWeight("kernel", Shape.of(s.get(-1), units), "glorot_uniform", null, null, true);
      recurrent = addWeight("recurrent_kernel", Shape.of(units, units), "orthogonal", null, null, true);
    }

    @Override
    public RnnStep.Output call(Tensor x, List<Tensor> states, boolean training) {
      Ops ops = Backend.ops();
      Tensor h = ops.add(ops.matmul(x, ops.read(kernel)), ops.matmul(states.get(0), ops.read(recurrent)));
      return new RnnStep.Output(h, List.of(h));
    }

    @Override
    public Map<String, Object> getConfig() {
      Map<String, Object> c = super.getConfig();
      c.put("units", units);
      return c;
    }

    static MinimalRNNCell fromConfig(Map<String, Object> config) {
      return withBaseConfig(new MinimalRNNCell(((Number) config.get("units")).intValue()),
          new io.keras4j.saving.Config("MinimalRNNCell", config));
    }
  }

  @Test
  void aRegisteredUserCellIsSavedAndLoaded(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    Layers.register("MinimalRNNCell", MinimalRNNCell::fromConfig);
    try {
      KerasTensor in = Input.of(3, 2);
      KerasTensor out = new RNN(new MinimalRNNCell(2)).apply(in);
      NDArray x = NDArray.of(new float[] {1, 2, -1, 0.5f, 0.3f, -0.7f}, 1, 3, 2);
      java.nio.file.Path file = dir.resolve("cell.keras");
      float[] expected;
      try (Model m = new Model(in, out)) {
        expected = m.predict(x).toFloatArray();
        m.save(file);
      }
      try (Model m = io.keras4j.models.Models.loadModel(file)) {
        RNN rnn = (RNN) m.layers().get(1);
        assertInstanceOf(MinimalRNNCell.class, rnn.cell());
        assertArrayEquals(expected, m.predict(x).toFloatArray(), 1e-6f);
      }
    } finally {
      Layers.unregister("MinimalRNNCell");
    }
  }

  @Test
  void aUserCellRunsAndTrains() {
    LayerHarness.of(() -> new RNN(new MinimalRNNCell(3))).input(4, 2).output(-1, 3).weights(2, 0).run();
  }

  @Test
  void aUserCellGivesTheRecurrenceByHand() {
    RNN rnn = new RNN(new MinimalRNNCell(1)).returnSequences(true);
    KerasTensor in = Input.of(3, 1);
    KerasTensor out = rnn.apply(in);
    rnn.setWeights(List.of(NDArray.of(new float[][] {{2f}}), NDArray.of(new float[][] {{0.5f}})));
    try (Model m = new Model(in, out)) {
      // h1 = 2, h2 = 2 * 1 + 0.5 * 2 = 3, h3 = 2 * -1 + 0.5 * 3 = -0.5
      assertArrayEquals(new float[] {2, 3, -0.5f}, m.predict(NDArray.of(new float[] {1, 1, -1}, 1, 3, 1))
          .toFloatArray(), 1e-6f);
    }
  }

  @Test
  void stackedCellsHarnessAndSizes() {
    LayerHarness.of(() -> new RNN(List.of(new LSTMCell(3), new GRUCell(2)))).input(4, 2).output(-1, 2)
        .weights(6, 0).run();
    StackedRNNCells cells = new StackedRNNCells(List.of(new LSTMCell(3), new SimpleRNNCell(2)));
    assertArrayEquals(new int[] {3, 3, 2}, cells.stateSize());
    assertEquals(2, cells.outputSize());
  }

  @Test
  void statefulNeedsAFixedBatchSize() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LSTM(2).stateful(true).apply(Input.of(3, 2)));
    assertTrue(e.getMessage().contains("batch size must be static"), e.getMessage());
  }

  @Test
  void statefulCarriesStatesAcrossCallsUntilReset() {
    GRU gru = new GRU(2).stateful(true);
    KerasTensor in = Input.of(Shape.of(3, 2), 1, null);
    KerasTensor out = gru.apply(in);
    NDArray x = NDArray.of(new float[] {1, 2, -1, 0.5f, 0.3f, -0.7f}, 1, 3, 2);
    try (Model m = new Model(in, out)) {
      float[] first = m.predict(x).toFloatArray();
      float[] second = m.predict(x).toFloatArray();
      assertTrue(Math.abs(first[0] - second[0]) > 1e-4, "the second call starts from the first's states");
      assertArrayEquals(second, gru.states().get(0).floatValue(), 1e-6f);
      gru.resetStates();
      assertArrayEquals(new float[2], gru.states().get(0).floatValue());
      assertArrayEquals(first, m.predict(x).toFloatArray(), 1e-6f);
    }
  }

  @Test
  void aStatefulLayerTrainsAndChecksTheBatchSize() {
    LSTM lstm = new LSTM(2).stateful(true).batchSize(2).inputShape(3, 2);
    io.keras4j.models.Sequential model = new io.keras4j.models.Sequential();
    model.add(lstm);
    model.add(new Dense(1));
    model.compile("adam", "mse");
    float[] x = new float[4 * 3 * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.cos(i);
    }
    model.fit(NDArray.of(x, 4, 3, 2), NDArray.of(new float[] {1, 0, 1, 0}, 4, 1),
        new io.keras4j.models.FitOptions().epochs(1).batchSize(2).shuffle(false));
    assertTrue(Math.abs(lstm.states().get(0).floatValue()[0]) > 0, "the states carry the last batch's");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> io.keras4j.GraphFixture.eval(List.of(new float[3 * 3 * 2]), List.of(Shape.of(3, 3, 2)),
            ts -> lstm.applyAll(ts, false)));
    assertTrue(e.getMessage().contains("Expected batch size: 2"), e.getMessage());
    model.close();
  }

  @Test
  void initialStatesMustMatchTheStates() {
    LSTM lstm = new LSTM(2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> lstm.apply(List.of(Input.of(3, 2), Input.of(2))));
    assertTrue(e.getMessage().contains("2 state(s) but was passed 1"), e.getMessage());
  }

  @Test
  void maskFollowsReturnSequencesAndStatesHaveNone() {
    GRU seq = new GRU(2).returnSequences(true).returnState(true);
    GRU last = new GRU(2);
    assertTrue(seq.supportsMasking());
    io.keras4j.GraphFixture.eval(List.of(new float[6]), List.of(Shape.of(2, 3)), ts -> {
      Tensor mask = ts.get(0);
      List<Tensor> masks = seq.computeMask(List.of(mask), List.of(mask));
      assertEquals(2, masks.size());
      org.junit.jupiter.api.Assertions.assertSame(mask, masks.get(0));
      assertNull(masks.get(1));
      assertNull(last.computeMask(List.of(mask), List.of(mask)).get(0));
      return ts;
    });
  }

  @Test
  void cellsReadFromConfigs() {
    RNN rnn = RNN.fromConfig(Map.of("cell", List.of(
        Map.of("class_name", "LSTMCell", "config", Map.of("units", 3)),
        Map.of("class_name", "GRUCell", "config", Map.of("units", 2, "reset_after", false))),
        "return_sequences", true));
    StackedRNNCells cells = assertInstanceOf(StackedRNNCells.class, rnn.cell());
    assertEquals(2, cells.cells().size());
    assertTrue(rnn.returnSequences());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RNN.fromConfig(
        Map.of("cell", Map.of("class_name", "Dense", "config", Map.of("units", 3)))));
    assertTrue(e.getMessage().contains("Received: cell=Dense"), e.getMessage());
  }

  @Test
  void getConfigHasKerasRnnKeys() {
    Map<String, Object> c = new RNN(new SimpleRNNCell(2)).goBackwards(true).getConfig();
    for (String k : List.of("return_sequences", "return_state", "go_backwards", "stateful", "unroll",
        "zero_output_for_mask", "cell")) {
      assertTrue(c.containsKey(k), k);
    }
    assertEquals(true, c.get("go_backwards"));
  }
}
