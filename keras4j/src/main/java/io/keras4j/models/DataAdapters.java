package io.keras4j.models;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import java.util.ArrayList;
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

  /**
   * One array per input (or output): a list gives several, anything else is one. Java arrays are checked here and
   * kept deferred ({@link HostArray#deferred}): the adapter copies them row by row into native memory.
   */
  static List<HostArray> arrays(Object data, String what) {
    return arrays(data, what, true);
  }

  /**
   * {@link #arrays(Object, String)}, with the check of the Java arrays left to their copy into native memory when
   * {@code check} is false ({@link HostArray#deferred(Object, boolean)}): for a caller that copies them at once,
   * through {@link #copied}.
   */
  static List<HostArray> arrays(Object data, String what, boolean check) {
    List<HostArray> out = new ArrayList<>();
    try {
      if (data instanceof List<?> list) {
        for (Object o : list) {
          out.add(HostArray.deferred(o, check));
        }
      } else {
        out.add(HostArray.deferred(data, check));
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid " + what + " data: " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("Expected " + what + " data. Received: an empty list");
    }
    return out;
  }

  /**
   * Copies {@code data}'s arrays into native memory now, which checks every row of an unchecked Java array
   * ({@link #arrays(Object, String, boolean)}); a null or ragged row fails here, before anything runs, with the
   * message the check gives.
   */
  static ArrayDataAdapter copied(ArrayDataAdapter data, String what) {
    try {
      data.copyNow();
      return data;
    } catch (RuntimeException e) {
      data.close();
      throw e instanceof IllegalArgumentException ? new IllegalArgumentException("Invalid " + what + " data: "
          + e.getMessage(), e) : e;
    }
  }

  /** Refuses inputs without samples: a scalar or an array of length 0 (fit, evaluate and predict need one). */
  static List<HostArray> nonEmpty(List<HostArray> xs) {
    Shape first = xs.get(0).shape();
    if (first.rank() == 0 || first.get(0) == 0) {
      throw new IllegalArgumentException("Expected at least one sample in x. Received: an array of shape " + first
          + " (" + (first.rank() == 0 ? "a scalar" : "no samples") + ")");
    }
    return xs;
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

  /**
   * Per-sample weights: {@code sampleWeight} as one float per sample, or null when it is null (Keras'
   * {@code sample_weight=None}: the steps get no weights, and losses and metrics weigh every value alike).
   */
  static float[] sampleWeights(int n, Object sampleWeight) {
    if (sampleWeight == null) {
      return null;
    }
    float[] w = HostArray.of(sampleWeight).values();
    if (w.length != n) {
      throw new IllegalArgumentException("sample_weight has " + w.length + " values; expected one per sample (" + n
          + ")");
    }
    return w.clone();
  }

  /**
   * Refuses what Keras refuses with {@code class_weight}: a {@code sample_weight} beside it, a model of several
   * outputs, and data without targets (the classes are the targets').
   */
  static void checkClassWeight(Map<Integer, Double> classWeight, boolean sampleWeight, int outputs) {
    if (classWeight == null) {
      return;
    }
    if (sampleWeight) {
      throw new IllegalArgumentException("You cannot use class_weight and sample_weight at the same time; expected "
          + "one of them. Received: class_weight=" + classWeight + " and a sample_weight");
    }
    if (outputs == 0) {
      throw new IllegalArgumentException("class_weight weighs each sample by its target's class; expected targets. "
          + "Received: class_weight=" + classWeight + " and y=null");
    }
    if (outputs > 1) {
      throw new IllegalArgumentException("class_weight is only supported for models with a single output. "
          + "Received: " + outputs + " target arrays");
    }
  }

  /**
   * Each sample's class weight (Keras' {@code class_weight_to_sample_weights}): the class is the label rounded
   * half to even, or the argmax of a row of several values; a class that {@code classWeight} lacks weighs 1.
   */
  static float[] classWeights(HostArray y, Map<Integer, Double> classWeight) {
    int n = y.length();
    int row = (int) (y.shape().size() / Math.max(1, n));
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      int cls = row == 1 ? (int) Math.rint(y.values()[i]) : argmax(y.values(), i * row, row);
      w[i] = classWeight.getOrDefault(cls, 1.0).floatValue();
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
