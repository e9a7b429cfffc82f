package io.keras4j.saving;

import io.keras4j.losses.BinaryCrossentropy;
import io.keras4j.losses.CategoricalCrossentropy;
import io.keras4j.losses.Loss;
import io.keras4j.losses.Losses;
import io.keras4j.losses.SparseCategoricalCrossentropy;
import io.keras4j.models.CompileOptions;
import io.keras4j.optimizers.Adadelta;
import io.keras4j.optimizers.Adagrad;
import io.keras4j.optimizers.Adam;
import io.keras4j.optimizers.Adamax;
import io.keras4j.optimizers.Lion;
import io.keras4j.optimizers.Nadam;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.optimizers.Optimizers;
import io.keras4j.optimizers.RMSprop;
import io.keras4j.optimizers.SGD;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds compile options from Keras' {@code compile_config}: optimizer, loss(es), loss weights and metrics.
 *
 * <p>Keras equivalent: {@code model.compile_from_config(config)}.
 */
public final class CompileConfigs {
  private CompileConfigs() {}

  /** The compile options of a saved {@code compile_config}. */
  public static CompileOptions fromConfig(Map<String, Object> c) {
    CompileOptions o = new CompileOptions().optimizer(optimizer(c.get("optimizer")));
    Object loss = c.get("loss");
    if (loss instanceof List<?> l) {
      o.loss(l.stream().map(CompileConfigs::loss).toArray());
    } else if (loss != null) {
      o.loss(loss(loss));
    }
    if (c.get("loss_weights") instanceof List<?> w) {
      o.lossWeights(w.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray());
    }
    List<Object> metrics = new ArrayList<>();
    if (c.get("metrics") instanceof List<?> ms) {
      for (Object m : ms) {
        metrics.add(m instanceof Map<?, ?> map ? io.keras4j.utils.Names.toSnakeCase(String.valueOf(map.get("class_name")))
            : m);
      }
    }
    o.metrics(metrics.toArray());
    if (c.get("steps_per_execution") instanceof Number n) {
      o.stepsPerExecution(n.intValue());
    }
    return o;
  }

  static Object loss(Object spec) {
    if (!(spec instanceof Map<?, ?> m)) {
      return spec;
    }
    Map<String, Object> config = ModelConfigs.asMap(m.get("config"));
    Loss l = Losses.get(String.valueOf(m.get("class_name")));
    boolean logits = Boolean.TRUE.equals(config.get("from_logits"));
    double smoothing = config.get("label_smoothing") instanceof Number n ? n.doubleValue() : 0;
    if (l instanceof BinaryCrossentropy b) {
      b.fromLogits(logits).labelSmoothing(smoothing);
    } else if (l instanceof CategoricalCrossentropy cc) {
      cc.fromLogits(logits).labelSmoothing(smoothing);
    } else if (l instanceof SparseCategoricalCrossentropy s) {
      s.fromLogits(logits);
    }
    if (config.get("reduction") instanceof String r) {
      l.reduction(r);
    }
    return l;
  }

  /** An optimizer of a serialized {@code {"class_name": ..., "config": ...}} (or a name). */
  static Optimizer optimizer(Object spec) {
    if (!(spec instanceof Map<?, ?> m)) {
      return Optimizers.get(spec == null ? "rmsprop" : spec);
    }
    Map<String, Object> c = ModelConfigs.asMap(m.get("config"));
    Optimizer o = Optimizers.get(String.valueOf(m.get("class_name")));
    if (c.get("learning_rate") instanceof Number lr) {
      o.learningRate(lr.doubleValue());
    }
    o.weightDecay(num(c, "weight_decay")).clipnorm(num(c, "clipnorm")).clipvalue(num(c, "clipvalue"))
        .globalClipnorm(num(c, "global_clipnorm"));
    if (o instanceof SGD s) {
      s.momentum(num(c, "momentum", 0)).nesterov(Boolean.TRUE.equals(c.get("nesterov")));
    } else if (o instanceof RMSprop r) {
      r.rho(num(c, "rho", 0.9)).momentum(num(c, "momentum", 0)).epsilon(num(c, "epsilon", 1e-7))
          .centered(Boolean.TRUE.equals(c.get("centered")));
    } else if (o instanceof Adam a) {
      a.beta1(num(c, "beta_1", 0.9)).beta2(num(c, "beta_2", 0.999)).epsilon(num(c, "epsilon", 1e-7))
          .amsgrad(Boolean.TRUE.equals(c.get("amsgrad")));
    } else if (o instanceof Adagrad a) {
      a.initialAccumulatorValue(num(c, "initial_accumulator_value", 0.1)).epsilon(num(c, "epsilon", 1e-7));
    } else if (o instanceof Adadelta a) {
      a.rho(num(c, "rho", 0.95)).epsilon(num(c, "epsilon", 1e-7));
    } else if (o instanceof Adamax a) {
      a.beta1(num(c, "beta_1", 0.9)).beta2(num(c, "beta_2", 0.999)).epsilon(num(c, "epsilon", 1e-7));
    } else if (o instanceof Nadam a) {
      a.beta1(num(c, "beta_1", 0.9)).beta2(num(c, "beta_2", 0.999)).epsilon(num(c, "epsilon", 1e-7));
    } else if (o instanceof Lion a) {
      a.beta1(num(c, "beta_1", 0.9)).beta2(num(c, "beta_2", 0.99));
    }
    return o;
  }

  private static Double num(Map<String, Object> c, String key) {
    return c.get(key) instanceof Number n ? n.doubleValue() : null;
  }

  private static double num(Map<String, Object> c, String key, double fallback) {
    return c.get(key) instanceof Number n ? n.doubleValue() : fallback;
  }
}
