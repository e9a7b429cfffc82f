package io.keras4j.optimizers;

import io.keras4j.backend.Variable;
import io.keras4j.saving.Config;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keyword arguments every optimizer shares, validated as Keras validates them, with their config keys.
 *
 * <p>Keras equivalent: the keywords of {@code keras.optimizers.Optimizer.__init__} after {@code learning_rate}
 * ({@code weight_decay} ... {@code gradient_accumulation_steps}) and their part of {@code get_config}. Porting
 * note: {@link Optimizer} keeps its public setters and delegates the checks and the keys here.
 */
final class OptimizerOptions {
  Double weightDecay;
  Double clipnorm;
  Double clipvalue;
  Double globalClipnorm;
  boolean useEma;
  double emaMomentum = 0.99;
  Integer emaOverwriteFrequency;
  Double lossScaleFactor;
  Integer gradientAccumulationSteps;
  final Set<String> excludedFromDecay = new LinkedHashSet<>();

  /** Sets one of the three clipping keys, refusing a second one as Keras does. */
  void clip(String optimizer, String key, double value) {
    Double norm = key.equals("clipnorm") ? (Double) value : clipnorm;
    Double val = key.equals("clipvalue") ? (Double) value : clipvalue;
    Double global = key.equals("global_clipnorm") ? (Double) value : globalClipnorm;
    long set = java.util.stream.Stream.of(norm, val, global).filter(v -> v != null).count();
    if (set > 1) {
      throw new IllegalArgumentException("Optimizer '" + optimizer + "': only one of `clipnorm`, `clipvalue` and "
          + "`global_clipnorm` can be set. Received: clipnorm=" + norm + ", clipvalue=" + val
          + ", global_clipnorm=" + global);
    }
    clipnorm = norm;
    clipvalue = val;
    globalClipnorm = global;
  }

  void emaMomentum(String optimizer, double momentum) {
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException("Optimizer '" + optimizer + "': `ema_momentum` must be in the range [0, 1]. "
          + "Received: ema_momentum=" + momentum);
    }
    emaMomentum = momentum;
  }

  void emaOverwriteFrequency(String optimizer, int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("Optimizer '" + optimizer + "': `ema_overwrite_frequency` must be an "
          + "integer >= 1 or None. Received: ema_overwrite_frequency=" + steps);
    }
    emaOverwriteFrequency = steps;
  }

  void lossScaleFactor(String optimizer, double factor) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("Optimizer '" + optimizer + "': `loss_scale_factor` must be a positive "
          + "finite number. Received: loss_scale_factor=" + factor);
    }
    lossScaleFactor = factor;
  }

  void gradientAccumulationSteps(String optimizer, int steps) {
    if (steps < 2) {
      throw new IllegalArgumentException("Optimizer '" + optimizer + "': `gradient_accumulation_steps` must be an "
          + "integer >= 2. Received: gradient_accumulation_steps=" + steps);
    }
    gradientAccumulationSteps = steps;
  }

  /** Whether {@code v} decays: a weight decay is set and no excluded name matches {@code v}'s name. */
  boolean decays(Variable v) {
    return weightDecay != null && weightDecay > 0 && (excludedFromDecay.isEmpty()
        || !Pattern.compile(String.join("|", excludedFromDecay)).matcher(v.name()).find());
  }

  /** Writes Keras' keys {@code weight_decay} ... {@code gradient_accumulation_steps}, in Keras' order. */
  void write(Map<String, Object> c) {
    c.put("weight_decay", weightDecay);
    c.put("clipnorm", clipnorm);
    c.put("global_clipnorm", globalClipnorm);
    c.put("clipvalue", clipvalue);
    c.put("use_ema", useEma);
    c.put("ema_momentum", emaMomentum);
    c.put("ema_overwrite_frequency", emaOverwriteFrequency);
    c.put("loss_scale_factor", lossScaleFactor);
    c.put("gradient_accumulation_steps", gradientAccumulationSteps);
  }

  /** Reads the same keys into {@code o} through its setters. */
  static void read(Optimizer o, Config c) {
    if (c.has("weight_decay")) {
      o.weightDecay(c.number("weight_decay", 0));
    }
    if (c.has("clipnorm")) {
      o.clipnorm(c.number("clipnorm", 0));
    }
    if (c.has("global_clipnorm")) {
      o.globalClipnorm(c.number("global_clipnorm", 0));
    }
    if (c.has("clipvalue")) {
      o.clipvalue(c.number("clipvalue", 0));
    }
    o.useEma(c.bool("use_ema", false));
    o.emaMomentum(c.number("ema_momentum", 0.99));
    if (c.has("ema_overwrite_frequency")) {
      o.emaOverwriteFrequency(c.integer("ema_overwrite_frequency", 0));
    }
    if (c.has("loss_scale_factor")) {
      o.lossScaleFactor(c.number("loss_scale_factor", 0));
    }
    if (c.has("gradient_accumulation_steps")) {
      o.gradientAccumulationSteps(c.integer("gradient_accumulation_steps", 0));
    }
  }
}
