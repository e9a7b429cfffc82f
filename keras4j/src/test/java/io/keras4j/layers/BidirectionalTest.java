package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.HostArray;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Variable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bidirectional: the two layers made from the wrapped one's config (names, go_backwards, zero_output_for_mask),
 * shapes for each merge mode and return_state, the merge of the two directions by hand, weights order, config and
 * errors. Keras' numbers (LSTM, GRU, SimpleRNN and ConvLSTM1D inside; masks, initial states) are in the golden files.
 */
class BidirectionalTest {
  private static ConvLSTM1D inner() {
    return new ConvLSTM1D(2, 2).returnSequences(true).name("conv");
  }

  @Test
  void makesAForwardAndABackwardCopyOfTheLayer() {
    ConvLSTM1D layer = inner();
    Bidirectional b = new Bidirectional(layer);
    assertNotSame(layer, b.forwardLayer());
    assertEquals("forward_conv", b.forwardLayer().name());
    assertEquals("backward_conv", b.backwardLayer().name());
    assertEquals(false, ((ConvLSTM1D) b.forwardLayer()).goBackwards());
    assertEquals(true, ((ConvLSTM1D) b.backwardLayer()).goBackwards());
    // Keras forces zero_output_for_mask to return_sequences on both
    assertTrue(((ConvLSTM1D) b.forwardLayer()).zeroOutputForMask());
    assertTrue(((ConvLSTM1D) b.backwardLayer()).zeroOutputForMask());
    assertTrue(b.returnSequences());
  }

  @Test
  void shapesForEachMergeModeAndReturnState() {
    KerasTensor in = Input.of(3, 4, 2);
    assertEquals(Shape.of(-1, 3, 3, 4), new Bidirectional(inner()).apply(in).shape());
    assertEquals(Shape.of(-1, 3, 3, 2), new Bidirectional(inner()).mergeMode("sum").apply(in).shape());
    List<KerasTensor> none = new Bidirectional(inner()).mergeMode(null).apply(List.of(in));
    assertEquals(2, none.size());
    List<KerasTensor> states = new Bidirectional(new ConvLSTM1D(2, 2).returnState(true)).apply(List.of(in));
    assertEquals(List.of(Shape.of(-1, 3, 4), Shape.of(-1, 3, 2), Shape.of(-1, 3, 2), Shape.of(-1, 3, 2),
        Shape.of(-1, 3, 2)), states.stream().map(KerasTensor::shape).toList());
  }

  @Test
  void weightsAreTheForwardLayersThenTheBackwardLayers() {
    Bidirectional b = new Bidirectional(inner());
    b.apply(Input.of(3, 4, 2));
    List<Variable> w = b.weights();
    assertEquals(6, w.size());
    assertEquals(b.forwardLayer().weights(), w.subList(0, 3));
    assertEquals(b.backwardLayer().weights(), w.subList(3, 6));
    assertEquals(Map.of("forward_layer", b.forwardLayer(), "backward_layer", b.backwardLayer()),
        b.nestedSaveables());
  }

  @Test
  void mergesTheForwardOutputWithTheReversedBackwardOutput() {
    // the backward layer runs on the reversed sequence: its outputs reversed back equal the forward layer's on the
    // reversed input, so with equal weights concat gives [f(x), reverse(f(reverse(x)))]
    Bidirectional b = new Bidirectional(new ConvLSTM1D(1, 1).returnSequences(true));
    b.apply(Input.of(3, 1, 1));
    b.backwardLayer().setWeights(b.forwardLayer().getWeights());
    float[] x = {0.5f, -1, 2};
    float[] y = GraphFixture.eval1(x, Shape.of(1, 3, 1, 1), t -> b.apply(t, false));
    float[] f = GraphFixture.eval1(x, Shape.of(1, 3, 1, 1), t -> b.forwardLayer().apply(t, false));
    float[] r = GraphFixture.eval1(new float[] {2, -1, 0.5f}, Shape.of(1, 3, 1, 1),
        t -> b.forwardLayer().apply(t, false));
    assertArrayEquals(new float[] {f[0], r[2], f[1], r[1], f[2], r[0]}, y, 1e-6f);
  }

  @Test
  void initialStatesAreSplitInHalfAndSavedAsKerasInitialState(@TempDir Path dir) {
    // forward states first, then backward: giving the forward layer's states to it alone gives the same output
    KerasTensor x = Input.of(4, 3);
    List<KerasTensor> s = List.of(Input.of(2), Input.of(2), Input.of(2), Input.of(2));
    Bidirectional b = new Bidirectional(new LSTM(2).returnSequences(true));
    List<KerasTensor> ins = new java.util.ArrayList<>(List.of(x));
    ins.addAll(s);
    KerasTensor y = b.apply(ins).get(0);
    Random r = new Random(4);
    float[] seq = new float[2 * 4 * 3];
    for (int i = 0; i < seq.length; i++) {
      seq[i] = (float) r.nextGaussian();
    }
    List<Object> feed = new java.util.ArrayList<>();
    feed.add(new HostArray(seq, Shape.of(2, 4, 3)));
    for (int i = 0; i < 4; i++) {
      float[] st = new float[4];
      for (int j = 0; j < 4; j++) {
        st[j] = (float) r.nextGaussian();
      }
      feed.add(new HostArray(st, Shape.of(2, 2)));
    }
    try (Model m = new Model(ins, List.of(y))) {
      float[] expected = m.predictOutputs(feed, 2).get(0).toFloatArray();
      float[] forward = GraphFixture.eval(List.of(seq, ((HostArray) feed.get(1)).values(),
          ((HostArray) feed.get(2)).values()), List.of(Shape.of(2, 4, 3), Shape.of(2, 2), Shape.of(2, 2)),
          ts -> b.forwardLayer().applyAll(ts, false)).get(0);
      for (int i = 0; i < 2 * 4; i++) {
        assertArrayEquals(java.util.Arrays.copyOfRange(forward, i * 2, i * 2 + 2),
            java.util.Arrays.copyOfRange(expected, i * 4, i * 4 + 2), 1e-6f, "forward half of row " + i);
      }
      Path file = dir.resolve("bi.keras");
      m.save(file);
      try (Model back = Models.loadModel(file)) {
        assertArrayEquals(expected, back.predictOutputs(feed, 2).get(0).toFloatArray(), 0f);
      }
    }
  }

  @Test
  void configHoldsBothLayersAndReadsBack() {
    Bidirectional b = new Bidirectional(inner()).mergeMode("mul").name("bi");
    Map<String, Object> c = b.getConfig();
    assertEquals(List.of("name", "trainable", "dtype", "merge_mode", "layer", "backward_layer"),
        List.copyOf(c.keySet()));
    Bidirectional back = Bidirectional.fromConfig(c);
    assertEquals("forward_conv", back.forwardLayer().name());
    assertEquals("backward_conv", back.backwardLayer().name());
    assertEquals("mul", back.mergeMode());
    Map<String, Object> none = new Bidirectional(inner()).mergeMode(null).getConfig();
    assertEquals(null, Bidirectional.fromConfig(none).mergeMode());
  }

  @Test
  void takesABackwardLayerWithOppositeDirectionOnly() {
    ConvLSTM1D backward = new ConvLSTM1D(3, 2).returnSequences(true).goBackwards(true);
    Bidirectional b = new Bidirectional(inner()).backwardLayer(backward);
    assertSame(backward, b.backwardLayer());
    assertEquals(Shape.of(-1, 3, 3, 5), b.apply(Input.of(3, 4, 2)).shape()); // 2 forward + 3 backward filters
    IllegalArgumentException sameDirection = assertThrows(IllegalArgumentException.class,
        () -> new Bidirectional(inner()).backwardLayer(new ConvLSTM1D(2, 2).returnSequences(true)));
    assertTrue(sameDirection.getMessage().contains("go_backwards"), sameDirection.getMessage());
    IllegalArgumentException sequences = assertThrows(IllegalArgumentException.class,
        () -> new Bidirectional(inner()).backwardLayer(new ConvLSTM1D(2, 2).goBackwards(true)));
    assertTrue(sequences.getMessage().contains("\"return_sequences\""), sequences.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Bidirectional(inner()).mergeMode("max"));
    assertThrows(IllegalArgumentException.class, () -> new Bidirectional(null));
  }
}
