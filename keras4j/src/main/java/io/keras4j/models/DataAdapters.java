package io.keras4j.models;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Converts and checks what {@code fit}, {@code evaluate} and {@code predict} are given: NDArrays, Java arrays
 * or NdArrays, one or a list of several for several inputs or outputs; and turns class weights into per-sample
 * weights.
 *
 * <p>Keras equivalent: {@code keras.src.trainers.data_adapters.data_adapter_utils}
 * ({@code check_data_cardinality}, {@code class_weight_to_sample_weights}) and {@code array_slicing}.
 */
final class DataAdapters {
  private DataAdapters() {}

  /** One array per input (or output): a list gives several, anything else is one. */
  static List<HostArray> arrays(Object data, String what) {
    List<HostArray> out = new ArrayList<>();
    if (data instanceof List<?> list) {
      for (Object o : list) {
        out.add(HostArray.of(o));
      }
    } else {
      out.add(HostArray.of(data));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("Expected " + what + " data. Received: an empty list");
    }
    return out;
  }

  /** The number of samples, the same in every array (Keras' {@code check_data_cardinality}). */
  static int cardinality(List<HostArray> xs, List<HostArray> ys) {
    int n = xs.get(0).length();
    boolean same = true;
    for (HostArray a : xs) {
      same &= a.length() == n;
    }
    if (ys != null) {
      for (HostArray a : ys) {
        same &= a.length() == n;
      }
    }
    if (!same) {
      StringBuilder b = new StringBuilder("Data cardinality is ambiguous. Make sure all arrays contain the same "
          + "number of samples. 'x' sizes:");
      xs.forEach(a -> b.append(' ').append(a.length()));
      if (ys != null) {
        b.append(" 'y' sizes:");
        ys.forEach(a -> b.append(' ').append(a.length()));
      }
      throw new IllegalArgumentException(b.toString());
    }
    return n;
  }

  static List<Shape> shapes(List<HostArray> as) {
    List<Shape> s = new ArrayList<>();
    for (HostArray a : as) {
      s.add(a.shape());
    }
    return s;
  }

  /** Samples {@code from} (inclusive) to {@code to} (exclusive) of each array. */
  static List<HostArray> slice(List<HostArray> as, int from, int to) {
    List<HostArray> out = new ArrayList<>();
    for (HostArray a : as) {
      out.add(a.rows(from, to));
    }
    return out;
  }

  /** Per-sample weights: sample_weight times class_weight of each label (ones when neither is given). */
  static float[] sampleWeights(int n, Object sampleWeight, Map<Integer, Double> classWeight, HostArray y) {
    float[] w = new float[n];
    Arrays.fill(w, 1f);
    if (sampleWeight != null) {
      HostArray s = HostArray.of(sampleWeight);
      if (s.values().length != n) {
        throw new IllegalArgumentException("sample_weight has " + s.values().length + " values; expected one per "
            + "sample (" + n + ")");
      }
      System.arraycopy(s.values(), 0, w, 0, n);
    }
    if (classWeight != null) {
      int row = (int) (y.shape().size() / Math.max(1, n));
      for (int i = 0; i < n; i++) {
        int cls = row == 1 ? Math.round(y.values()[i]) : argmax(y.values(), i * row, row);
        Double cw = classWeight.get(cls);
        if (cw == null) {
          throw new IllegalArgumentException("class_weight has no weight for class " + cls + ". Received classes: "
              + classWeight.keySet());
        }
        w[i] *= cw.floatValue();
      }
    }
    return w;
  }

  private static int argmax(float[] v, int from, int len) {
    int best = 0;
    for (int i = 1; i < len; i++) {
      if (v[from + i] > v[from + best]) {
        best = i;
      }
    }
    return best;
  }
}
