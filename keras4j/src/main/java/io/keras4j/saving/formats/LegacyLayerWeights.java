package io.keras4j.saving.formats;

import static io.keras4j.saving.formats.LegacyRecurrentWeights.HARD_SIGMOID_SCALE;

import io.keras4j.backend.HostArray;
import io.keras4j.saving.KerasFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Converts the arrays a legacy {@code .h5} file holds for one layer into the weights of the Keras 3 layer that
 * replaces it, chosen by the target layer's class and config as Keras 2's
 * {@code preprocess_weights_for_loading} chose them: Bidirectional splits its arrays in halves (forward, backward),
 * TimeDistributed passes them to its layer, LSTM/GRU/ConvLSTM2D fuse Keras 1's per-gate arrays and convert CuDNN
 * layouts (recognised by the bias size, as Keras 2 did), and every layer with a {@code hard_sigmoid} in a file from
 * before Keras 3 has the affected gate columns scaled (see {@link LegacyRecurrentWeights}).
 *
 * <p>Porting note: Keras 3 loads such files without these conversions; its {@code hard_sigmoid} then differs from
 * the one the file's model was trained with. Scaling the gate weights by 1.2 reproduces the saved model's outputs
 * under Keras 3's definition; a model saved again from keras4j carries the scaled weights and computes the same in
 * Keras 3. An LSTM whose cell {@code activation} is hard_sigmoid cannot be rescaled (it applies to the cell state)
 * and is refused.
 */
final class LegacyLayerWeights {
  /** Where a file came from: its {@code keras_version} ("1" when absent, as Keras 2 read it) and backend. */
  record Origin(String kerasVersion, String backend) {
    /** Files written before Keras 3, whose hard_sigmoid was {@code clip(0.2 x + 0.5, 0, 1)}. */
    boolean oldHardSigmoid() {
      return !kerasVersion.matches("^[3-9].*");
    }

    boolean keras1() {
      return kerasVersion.startsWith("1");
    }
  }

  private LegacyLayerWeights() {}

  /** The weights of the layer of {@code cls} and Keras 3 {@code config} from its {@code saved} arrays. */
  static List<HostArray> convert(String cls, Map<String, Object> config, List<HostArray> saved, Origin origin) {
    String name = String.valueOf(config.get("name"));
    switch (cls) {
      case "Bidirectional" -> {
        Map<String, Object> forward = ModelConfigs.asMap(config.get("layer"));
        Map<String, Object> backward = config.get("backward_layer") instanceof Map<?, ?> b
            ? ModelConfigs.asMap(b) : forward;
        int half = saved.size() / 2;
        List<HostArray> out = new ArrayList<>(nested(forward, saved.subList(0, half), origin));
        out.addAll(nested(backward, saved.subList(half, saved.size()), origin));
        return out;
      }
      case "TimeDistributed" -> {
        return nested(ModelConfigs.asMap(config.get("layer")), saved, origin);
      }
      case "RNN" -> {
        if (config.get("cell") instanceof Map<?, ?> cell) {
          Map<String, Object> spec = ModelConfigs.asMap(cell);
          String cellClass = String.valueOf(spec.get("class_name"));
          if (cellClass.endsWith("Cell")) {
            return convert(cellClass.substring(0, cellClass.length() - 4), ModelConfigs.asMap(spec.get("config")),
                saved, origin);
          }
        }
        return saved;
      }
      case "LSTM", "LSTMCell" -> {
        return lstm(config, saved, origin, name, 2);
      }
      case "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D" -> {
        return lstm(config, saved, origin, name, saved.get(0).shape().rank());
      }
      case "GRU", "GRUCell" -> {
        return gru(config, saved, origin, name);
      }
      case "SimpleRNN", "SimpleRNNCell" -> {
        List<HostArray> out = saved;
        if (origin.oldHardSigmoid() && "hard_sigmoid".equals(config.get("activation"))) {
          out = scaled(out, 1, new boolean[] {true});
        }
        return out;
      }
      default -> {
        return saved;
      }
    }
  }

  private static List<HostArray> nested(Map<String, Object> spec, List<HostArray> saved, Origin origin) {
    return convert(String.valueOf(spec.get("class_name")), ModelConfigs.asMap(spec.get("config")), saved, origin);
  }

  private static List<HostArray> lstm(Map<String, Object> c, List<HostArray> saved, Origin origin, String name,
      int kernelRank) {
    List<HostArray> w = new ArrayList<>(saved);
    boolean conv = kernelRank > 2;
    if (w.size() == 12) { // Keras 1: W, U, b per gate i, c, f, o
      if (conv && "channels_first".equals(c.get("data_format"))) {
        for (int g = 0; g < 4; g++) {
          for (int part = 0; part < 2; part++) {
            if (w.get(3 * g + part).shape().rank() == 4) {
              w.set(3 * g + part, LegacyRecurrentWeights.thKernelToTf(w.get(3 * g + part)));
            }
          }
        }
      }
      w = LegacyRecurrentWeights.fuseGates(w, LegacyRecurrentWeights.KERAS1_LSTM, name);
    } else if (!conv && w.size() == 3 && w.get(2).shape().rank() == 1
        && w.get(2).shape().get(0) == 8 * w.get(1).shape().get(0)) { // CuDNNLSTM
      w = List.of(LegacyRecurrentWeights.cudnnKernel(w.get(0), 4),
          LegacyRecurrentWeights.cudnnRecurrentKernel(w.get(1), 4), LegacyRecurrentWeights.cudnnLstmBias(w.get(2)));
    }
    if (conv && "theano".equals(origin.backend()) && w.size() >= 2) {
      w.set(0, LegacyRecurrentWeights.flipSpatial(w.get(0)));
      w.set(1, LegacyRecurrentWeights.flipSpatial(w.get(1)));
    }
    if (origin.oldHardSigmoid()) {
      if ("hard_sigmoid".equals(c.get("activation"))) {
        throw new KerasFileException("Layer '" + name + "' uses activation='hard_sigmoid', saved by Keras "
            + origin.kerasVersion() + " whose hard_sigmoid (0.2 x + 0.5) differs from Keras 3's (x / 6 + 0.5); on the "
            + "cell state it cannot be reproduced by rescaling weights");
      }
      if ("hard_sigmoid".equals(c.get("recurrent_activation"))) {
        w = scaled(w, 4, new boolean[] {true, true, false, true}); // gates i, f, o
      }
    }
    return w;
  }

  private static List<HostArray> gru(Map<String, Object> c, List<HostArray> saved, Origin origin, String name) {
    List<HostArray> w = saved;
    if (w.size() == 9) { // Keras 1: W, U, b per gate z, r, h
      w = LegacyRecurrentWeights.fuseGates(w, LegacyRecurrentWeights.KERAS1_GRU, name);
    } else if (w.size() == 3 && w.get(2).shape().rank() == 1
        && w.get(2).shape().get(0) == 6 * w.get(1).shape().get(0)) { // CuDNNGRU
      if (Boolean.FALSE.equals(c.get("reset_after"))) {
        throw new KerasFileException("Layer '" + name + "': CuDNNGRU weights need GRU(reset_after=True); the layer has "
            + "reset_after=False");
      }
      w = List.of(LegacyRecurrentWeights.cudnnKernel(w.get(0), 3),
          LegacyRecurrentWeights.cudnnRecurrentKernel(w.get(1), 3), LegacyRecurrentWeights.cudnnGruBias(w.get(2)));
    }
    if (origin.oldHardSigmoid()) {
      boolean gates = "hard_sigmoid".equals(c.get("recurrent_activation"));
      boolean candidate = "hard_sigmoid".equals(c.get("activation"));
      if (gates || candidate) {
        w = scaled(w, 3, new boolean[] {gates, gates, candidate}); // z, r; h
      }
    }
    return w;
  }

  /** Every array (kernel, recurrent kernel, bias) with the chosen gate blocks of its last axis times 1.2. */
  private static List<HostArray> scaled(List<HostArray> w, int gates, boolean[] which) {
    List<HostArray> out = new ArrayList<>();
    for (HostArray a : w) {
      out.add(LegacyRecurrentWeights.scaleGates(a, gates, which, HARD_SIGMOID_SCALE));
    }
    return out;
  }
}
