package io.keras4j.models;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.layers.Layer;
import io.keras4j.losses.Loss;
import io.keras4j.losses.Losses;
import io.keras4j.losses.SparseCategoricalCrossentropy;
import io.keras4j.saving.KerasObjects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The compiled losses: one loss per output (or one for all), each scaled by its loss weight and summed.
 *
 * <p>Keras equivalent: {@code keras.src.trainers.compile_utils.CompileLoss(loss, loss_weights)}. The
 * regularization and added losses are summed by the trainer's {@code compute_loss}, as in Keras.
 */
final class CompileLoss {
  private final List<Loss> losses = new ArrayList<>();
  private final List<Object> specs;
  private final double[] lossWeights;

  /** From {@code compile}'s {@code loss=} (names, Loss objects or null per output) and {@code loss_weights=}. */
  CompileLoss(List<Object> losses, double[] lossWeights) {
    for (Object l : losses) {
      this.losses.add(l == null ? null : Losses.get(l));
    }
    this.specs = new ArrayList<>(losses);
    this.lossWeights = lossWeights == null ? null : lossWeights.clone();
  }

  /** Whether {@code compile} was given a loss (Keras: {@code _compile_loss is not None}). */
  boolean any() {
    return !losses.isEmpty();
  }

  private Loss lossFor(int output, int outputs, String model) {
    if (losses.isEmpty()) {
      throw new IllegalStateException("Model '" + model + "' was compiled without a loss; fit and evaluate "
          + "need one. Example: model.compile(\"adam\", \"mse\")");
    }
    if (losses.size() == 1) {
      return losses.get(0);
    }
    if (losses.size() != outputs) {
      throw new IllegalArgumentException("Model '" + model + "' has " + outputs + " outputs but " + losses.size()
          + " losses were given");
    }
    return losses.get(output);
  }

  /**
   * Refuses targets that cannot match their outputs before anything runs, as Keras on TensorFlow does when the
   * step runs: sparse labels outside {@code [0, classes)} (other than {@code ignore_class}) and, for the other
   * losses, a last axis of another size than the output's.
   */
  void checkTargets(List<HostArray> ys, List<KerasTensor> outputs, String model) {
    for (int o = 0; o < outputs.size() && o < ys.size(); o++) {
      Loss l = losses.isEmpty() ? null : lossFor(o, outputs.size(), model);
      if (l == null) {
        continue;
      }
      Shape out = outputs.get(o).shape();
      String where = " (output '" + ((Layer) outputs.get(o).layer()).name() + "' of model '" + model + "', loss "
          + l.name() + ")";
      if (l instanceof SparseCategoricalCrossentropy s) {
        checkLabels(ys.get(o), out.get(-1), s.ignoreClass(), where);
      } else {
        Shape y = ys.get(o).shape();
        long yLast = y.get(-1);
        long outLast = out.get(-1);
        if (y.rank() == out.rank() && outLast > 1 && yLast > 1 && yLast != outLast) {
          throw new IllegalArgumentException("Arguments `target` and `output` must have the same shape. Received: "
              + "target.shape=" + y.with(0, -1) + ", output.shape=" + out + where);
        }
      }
    }
  }

  private static void checkLabels(HostArray y, long classes, Integer ignoreClass, String where) {
    if (classes <= 0) {
      return;
    }
    float[] v = y.values();
    for (float label : v) {
      boolean ignored = ignoreClass != null && label == ignoreClass;
      if (!ignored && !(label >= 0 && label < classes && label == Math.rint(label))) {
        throw new IllegalArgumentException("Received a label value of " + label(label) + " which is outside the "
            + "valid range of [0, " + classes + ")" + where + ". Expected integer class indices below the number "
            + "of output units.");
      }
    }
  }

  private static String label(float v) {
    return v == Math.rint(v) && !Float.isInfinite(v) ? Long.toString((long) v) : Float.toString(v);
  }

  /** The sum over outputs of loss weight times loss (Keras' {@code CompileLoss.__call__}). */
  Tensor call(Ops ops, List<Tensor> ys, List<Tensor> outs, Tensor sampleWeight, String model) {
    return callPerOutput(ops, ys, outs, sampleWeight, model).get(0);
  }

  /**
   * The total loss, then each output's unweighted loss (null for an output without one), which Keras tracks as
   * {@code <output>_loss} when there are several.
   */
  List<Tensor> callPerOutput(Ops ops, List<Tensor> ys, List<Tensor> outs, Tensor sampleWeight, String model) {
    Tensor total = ops.constant(0f);
    List<Tensor> result = new ArrayList<>();
    result.add(null);
    boolean any = false;
    for (int o = 0; o < outs.size(); o++) {
      Loss l = lossFor(o, outs.size(), model);
      if (l == null) {
        result.add(null);
        continue;
      }
      any = true;
      Tensor v = l.apply(ys.get(o), outs.get(o), sampleWeight);
      result.add(v);
      double w = lossWeights == null ? 1.0 : lossWeights[o];
      total = ops.add(total, w == 1.0 ? v : ops.multiply(v, (float) w));
    }
    if (!any) {
      throw new IllegalStateException("Model '" + model + "' has no loss to compute: compile was given loss=null "
          + "for every output. Expected a loss such as \"mse\". Example: model.compile(\"adam\", \"mse\")");
    }
    result.set(0, total);
    return result;
  }

  /**
   * The names of the per-output loss trackers, {@code <output layer>_loss} for each output with a loss (null for the
   * others), or an empty list when there is only one loss: Keras adds a {@code Mean} per loss when it has several.
   */
  List<String> outputLossNames(List<KerasTensor> outputs, String model) {
    List<String> names = new ArrayList<>();
    int count = 0;
    for (int o = 0; o < outputs.size(); o++) {
      Loss l = losses.isEmpty() ? null : lossFor(o, outputs.size(), model);
      names.add(l == null ? null : ((Layer) outputs.get(o).layer()).name() + "_loss");
      count += l == null ? 0 : 1;
    }
    return count > 1 ? names : List.of();
  }

  /**
   * Writes {@code loss} and {@code loss_weights} of Keras' compile_config: a loss given by name is written as that
   * name (Keras keeps {@code loss="mse"} as it is), a Loss object as its serialized config.
   */
  void addConfig(Map<String, Object> config) {
    List<Object> ls = new ArrayList<>();
    for (int i = 0; i < losses.size(); i++) {
      Object spec = specs.get(i);
      ls.add(spec == null || spec instanceof String ? spec : KerasObjects.serialize(losses.get(i)));
    }
    config.put("loss", ls.size() == 1 ? ls.get(0) : ls);
    config.put("loss_weights", lossWeights == null ? null : Arrays.stream(lossWeights).boxed().toList());
  }
}
