package io.keras4j.models;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.losses.Loss;
import io.keras4j.losses.Losses;
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

  /** The sum over outputs of loss weight times loss (Keras' {@code CompileLoss.__call__}). */
  Tensor call(Ops ops, List<Tensor> ys, List<Tensor> outs, Tensor sampleWeight, String model) {
    Tensor total = ops.constant(0f);
    boolean any = false;
    for (int o = 0; o < outs.size(); o++) {
      Loss l = lossFor(o, outs.size(), model);
      if (l == null) {
        continue;
      }
      any = true;
      Tensor v = l.apply(ys.get(o), outs.get(o), sampleWeight);
      double w = lossWeights == null ? 1.0 : lossWeights[o];
      total = ops.add(total, w == 1.0 ? v : ops.multiply(v, (float) w));
    }
    if (!any) {
      throw new IllegalStateException("Model '" + model + "' has no loss to compute: compile was given loss=null "
          + "for every output. Expected a loss such as \"mse\". Example: model.compile(\"adam\", \"mse\")");
    }
    return total;
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
