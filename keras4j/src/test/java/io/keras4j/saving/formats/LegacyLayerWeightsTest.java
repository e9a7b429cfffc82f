package io.keras4j.saving.formats;

import static io.keras4j.saving.formats.LegacyRecurrentWeightsTest.a;
import static io.keras4j.saving.formats.LegacyRecurrentWeightsTest.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.backend.HostArray;
import io.keras4j.saving.KerasFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which conversion each target layer gets, by its class, config and the file's Keras version. */
class LegacyLayerWeightsTest {
  static final LegacyLayerWeights.Origin KERAS1 = new LegacyLayerWeights.Origin("1", null);
  static final LegacyLayerWeights.Origin KERAS2 = new LegacyLayerWeights.Origin("2.2.4", "tensorflow");
  static final LegacyLayerWeights.Origin KERAS3 = new LegacyLayerWeights.Origin("3.15.1", "tensorflow");

  static List<HostArray> keras1Lstm(int offset) {
    List<HostArray> w = new ArrayList<>();
    for (int k = 1; k <= 12; k++) {
      w.add(k % 3 == 0 ? a(s(1), k + offset) : a(s(1, 1), k + offset));
    }
    return w;
  }

  static List<HostArray> ones(long... bias) {
    return List.of(a(s(1, 4), 1, 1, 1, 1), a(s(1, 4), 1, 1, 1, 1), a(bias, 1, 1, 1, 1));
  }

  @Test
  void hardSigmoidGatesOfOldFilesAreScaledByOnePointTwo() {
    Map<String, Object> c = Map.of("name", "lstm", "activation", "tanh", "recurrent_activation", "hard_sigmoid");
    List<HostArray> w = LegacyLayerWeights.convert("LSTM", c, ones(4), KERAS2);
    for (HostArray x : w) {
      assertArrayEquals(new float[] {1.2f, 1.2f, 1, 1.2f}, x.values()); // i, f scaled; c not; o scaled
    }
    assertArrayEquals(new float[] {1, 1, 1, 1}, LegacyLayerWeights.convert("LSTM", c, ones(4), KERAS3).get(0).values());
  }

  @Test
  void lstmCellHardSigmoidActivationIsRefused() {
    Map<String, Object> c = Map.of("name", "lstm", "activation", "hard_sigmoid", "recurrent_activation", "sigmoid");
    assertThrows(KerasFileException.class, () -> LegacyLayerWeights.convert("LSTM", c, ones(4), KERAS2));
  }

  @Test
  void bidirectionalSplitsKeras1ArraysInHalves() {
    Map<String, Object> inner = Map.of("class_name", "LSTM", "config", Map.of("name", "l", "activation", "tanh",
        "recurrent_activation", "sigmoid"));
    List<HostArray> saved = new ArrayList<>(keras1Lstm(0));
    saved.addAll(keras1Lstm(100));
    List<HostArray> w = LegacyLayerWeights.convert("Bidirectional", Map.of("name", "b", "layer", inner), saved,
        KERAS1);
    assertEquals(6, w.size());
    assertArrayEquals(new float[] {1, 7, 4, 10}, w.get(0).values());
    assertArrayEquals(new float[] {103, 109, 106, 112}, w.get(5).values());
  }

  @Test
  void cudnnGruWeightsBecomeResetAfterLayout() {
    Map<String, Object> c = Map.of("name", "g", "activation", "tanh", "recurrent_activation", "sigmoid",
        "reset_after", true);
    List<HostArray> saved = List.of(a(s(1, 3), 1, 2, 3), a(s(1, 3), 4, 5, 6), a(s(6), 1, 2, 3, 4, 5, 6));
    List<HostArray> w = LegacyLayerWeights.convert("TimeDistributed", Map.of("layer", Map.of("class_name", "GRU",
        "config", c)), saved, KERAS2);
    assertArrayEquals(new long[] {2, 3}, w.get(2).shape().dims());
    assertArrayEquals(new float[] {1, 2, 3}, w.get(0).values()); // units=1, input_dim=1: no reordering
    Map<String, Object> before = Map.of("name", "g", "reset_after", false);
    assertThrows(KerasFileException.class, () -> LegacyLayerWeights.convert("GRU", before, saved, KERAS2));
  }

  @Test
  void gruHardSigmoidScalesUpdateAndResetGatesAndHardSigmoidCandidateItsOwn() {
    List<HostArray> saved = List.of(a(s(1, 3), 1, 1, 1), a(s(1, 3), 1, 1, 1), a(s(2, 3), 1, 1, 1, 1, 1, 1));
    List<HostArray> w = LegacyLayerWeights.convert("GRU", Map.of("name", "g", "activation", "tanh",
        "recurrent_activation", "hard_sigmoid", "reset_after", true), saved, KERAS2);
    assertArrayEquals(new float[] {1.2f, 1.2f, 1, 1.2f, 1.2f, 1}, w.get(2).values());
    List<HostArray> h = LegacyLayerWeights.convert("GRU", Map.of("name", "g", "activation", "hard_sigmoid",
        "recurrent_activation", "sigmoid", "reset_after", true), saved, KERAS1);
    assertArrayEquals(new float[] {1, 1, 1.2f}, h.get(0).values());
  }
}
