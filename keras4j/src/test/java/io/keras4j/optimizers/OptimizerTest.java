package io.keras4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import io.keras4j.backend.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each optimizer's first three updates of w on the loss {@code 0.5 * sum(w^2)} (gradient g = w), against the
 * update rule written out in plain Java double arithmetic.
 */
class OptimizerTest {
  static final double[] W0 = {1.0, -2.0, 0.5};

  /** Runs three steps in the graph; returns w after each. */
  static double[][] steps(Optimizer opt) {
    float[] init = new float[W0.length];
    for (int i = 0; i < W0.length; i++) {
      init[i] = (float) W0[i];
    }
    Variable w = new Variable("w", Shape.of(W0.length), "float32", true, init);
    double[][] out = new double[3][];
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction step = g.trace(() -> {
        Ops ops = Backend.ops();
        Tensor value = ops.read(w);
        Tensor loss = ops.multiply(ops.sum(ops.square(value), null, false), 0.5f);
        opt.applyGradients(ops.gradients(loss, List.of(value)), List.of(w));
        return List.of();
      });
      for (int s = 0; s < 3; s++) {
        step.call(List.of());
        float[] v = w.floatValue();
        out[s] = new double[v.length];
        for (int i = 0; i < v.length; i++) {
          out[s][i] = v[i];
        }
      }
    }
    assertEquals(3, opt.iterations());
    return out;
  }

  /** One step of an update rule in plain Java: updates w in place at step t (counted from 1). */
  interface Rule {
    void step(int t, double[] w);
  }

  /** w after each of three steps of {@code rule}, from W0. */
  static double[][] reference(Rule rule) {
    double[] w = W0.clone();
    double[][] e = new double[3][];
    for (int s = 0; s < 3; s++) {
      rule.step(s + 1, w);
      e[s] = w.clone();
    }
    return e;
  }

  static void check(double[][] expected, double[][] actual) {
    for (int s = 0; s < 3; s++) {
      assertArrayEquals(expected[s], actual[s], 1e-5, "step " + (s + 1));
    }
  }

  @Test
  void sgd() {
    double lr = 0.1;
    check(reference((t, w) -> {
      for (int i = 0; i < w.length; i++) {
        w[i] -= lr * w[i];
      }
    }), steps(new SGD(0.1)));
  }

  @Test
  void sgdWithNesterovMomentum() {
    double lr = 0.1;
    double mu = 0.9;
    double[] m = new double[3];
    check(reference((t, w) -> {
      for (int i = 0; i < w.length; i++) {
        double g = w[i];
        m[i] = mu * m[i] - lr * g;
        w[i] += mu * m[i] - lr * g;
      }
    }), steps(new SGD(0.1).momentum(0.9).nesterov(true)));
  }

  @Test
  void sgdWithMomentum() {
    double lr = 0.1;
    double mu = 0.9;
    double[] m = new double[3];
    check(reference((t, w) -> {
      for (int i = 0; i < w.length; i++) {
        m[i] = mu * m[i] - lr * w[i];
        w[i] += m[i];
      }
    }), steps(new SGD(0.1).momentum(0.9)));
  }

  @Test
  void adamAmsgradKeepsTheLargestVelocity() {
    check(reference(adamRule(0.01, true)), steps(new Adam(0.01).amsgrad(true)));
  }

  /** Keras' Adam update in plain Java (with AMSGrad, the largest velocity so far divides the step). */
  static Rule adamRule(double lr, boolean amsgrad) {
    double b1 = 0.9;
    double b2 = 0.999;
    double[] m = new double[W0.length];
    double[] v = new double[W0.length];
    double[] vHat = new double[W0.length];
    return (t, w) -> {
      double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
      for (int i = 0; i < w.length; i++) {
        double g = w[i];
        m[i] += (g - m[i]) * (1 - b1);
        v[i] += (g * g - v[i]) * (1 - b2);
        vHat[i] = amsgrad ? Math.max(vHat[i], v[i]) : v[i];
        w[i] -= m[i] * alpha / (Math.sqrt(vHat[i]) + 1e-7);
      }
    };
  }

  /** The loss fetched with a step is the loss before that step's update, fused kernels included. */
  @Test
  void theStepsLossIsComputedBeforeTheUpdate() {
    for (Optimizer opt : List.of(new SGD(0.1), new SGD(0.1).momentum(0.9), new Adam(0.01))) {
      Variable w = new Variable("w", Shape.of(1), "float32", true, new float[] {2f});
      try (ComputeGraph g = Backend.newGraph()) {
        TracedFunction step = g.trace(() -> {
          Ops ops = Backend.ops();
          Tensor value = ops.read(w);
          Tensor loss = ops.multiply(ops.sum(ops.square(value), null, false), 0.5f);
          opt.applyGradients(ops.gradients(loss, List.of(value)), List.of(w));
          return List.of(loss);
        });
        for (int s = 0; s < 3; s++) {
          double before = w.floatValue()[0];
          var out = step.call(List.of());
          assertEquals(0.5 * before * before, out.get(0).getFloat(0), 1e-5, opt.name() + " step " + (s + 1));
          out.forEach(a -> a.close());
        }
      }
    }
  }

  /** Keras matches exclude_from_weight_decay's patterns against the variable's name ("bias"), not its layer path. */
  @Test
  void weightDecayExclusionMatchesVariableNames() {
    Variable kernel = new Variable("kernel", Shape.of(1), "float32", true, new float[] {1f});
    Variable bias = new Variable("bias", Shape.of(1), "float32", true, new float[] {1f});
    kernel.path("bias_net/kernel"); // a layer name that contains the pattern must not exclude its kernel
    bias.path("bias_net/bias");
    AdamW opt = new AdamW(0.1).weightDecay(0.5).excludeFromWeightDecay("^bias$");
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction step = g.trace(() -> {
        Ops ops = Backend.ops();
        Tensor zero = ops.multiply(ops.read(kernel), 0f);
        opt.applyGradients(List.of(zero, zero), List.of(kernel, bias));
        return List.of();
      });
      step.call(List.of()).forEach(a -> a.close());
    }
    // zero gradients: Adam's own step is 0, so only the decay w -= lr * wd * w = 0.1 * 0.5 * 1 acts
    assertEquals(0.95, kernel.floatValue()[0], 1e-6);
    assertEquals(1.0, bias.floatValue()[0], 1e-6);
  }

  @Test
  void rmsprop() {
    double lr = 0.01;
    double rho = 0.9;
    double[] v = new double[3];
    check(reference((t, w) -> {
      for (int i = 0; i < w.length; i++) {
        double g = w[i];
        v[i] = rho * v[i] + (1 - rho) * g * g;
        w[i] -= lr * g / Math.sqrt(v[i] + 1e-7);
      }
    }), steps(new RMSprop(0.01)));
  }

  @Test
  void adam() {
    check(reference(adamRule(0.01, false)), steps(new Adam(0.01)));
  }

  @Test
  void adamWDecaysBeforeTheAdamStep() {
    double lr = 0.01;
    double wd = 0.004;
    double[] m = new double[3];
    double[] v = new double[3];
    check(reference((t, w) -> {
      double alpha = lr * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
      for (int i = 0; i < w.length; i++) {
        double g = w[i]; // the gradient is taken before the decay
        w[i] -= w[i] * wd * lr;
        m[i] += (g - m[i]) * 0.1;
        v[i] += (g * g - v[i]) * 0.001;
        w[i] -= m[i] * alpha / (Math.sqrt(v[i]) + 1e-7);
      }
    }), steps(new AdamW(0.01)));
  }

  @Test
  void adagrad() {
    double[] a = {0.1, 0.1, 0.1};
    check(reference((t, w) -> {
      for (int i = 0; i < w.length; i++) {
        double g = w[i];
        a[i] += g * g;
        w[i] -= 0.1 * g / Math.sqrt(a[i] + 1e-7);
      }
    }), steps(new Adagrad(0.1)));
  }

  @Test
  void adadelta() {
    double[] eg = new double[3];
    double[] ed = new double[3];
    check(reference((t, w) -> {
      for (int i = 0; i < w.length; i++) {
        double g = w[i];
        eg[i] = 0.95 * eg[i] + 0.05 * g * g;
        double d = -Math.sqrt(ed[i] + 1e-7) / Math.sqrt(eg[i] + 1e-7) * g;
        ed[i] = 0.95 * ed[i] + 0.05 * d * d;
        w[i] += 1.0 * d;
      }
    }), steps(new Adadelta(1.0)));
  }

  @Test
  void adamax() {
    double[] m = new double[3];
    double[] u = new double[3];
    check(reference((t, w) -> {
      for (int i = 0; i < w.length; i++) {
        double g = w[i];
        m[i] += (g - m[i]) * 0.1;
        u[i] = Math.max(0.999 * u[i], Math.abs(g));
        w[i] -= 0.01 * m[i] / ((1 - Math.pow(0.9, t)) * (u[i] + 1e-7));
      }
    }), steps(new Adamax(0.01)));
  }

  @Test
  void nadam() {
    double lr = 0.01;
    double b1 = 0.9;
    double b2 = 0.999;
    double[] m = new double[3];
    double[] v = new double[3];
    double[] product = {1};
    check(reference((t, w) -> {
      double ut = b1 * (1 - 0.5 * Math.pow(0.96, t));
      double ut1 = b1 * (1 - 0.5 * Math.pow(0.96, t + 1));
      product[0] *= ut;
      double product1 = product[0] * ut1;
      for (int i = 0; i < w.length; i++) {
        double g = w[i];
        m[i] += (g - m[i]) * (1 - b1);
        v[i] += (g * g - v[i]) * (1 - b2);
        double mHat = ut1 * m[i] / (1 - product1) + (1 - ut) * g / (1 - product[0]);
        double vHat = v[i] / (1 - Math.pow(b2, t));
        w[i] -= mHat * lr / (Math.sqrt(vHat) + 1e-7);
      }
    }), steps(new Nadam(0.01)));
  }

  @Test
  void lion() {
    double[] m = new double[3];
    check(reference((t, w) -> {
      for (int i = 0; i < w.length; i++) {
        double g = w[i];
        w[i] -= 0.01 * Math.signum(0.9 * m[i] + 0.1 * g);
        m[i] = 0.99 * m[i] + 0.01 * g;
      }
    }), steps(new Lion(0.01)));
  }

  @Test
  void clipnormScalesEachGradient() {
    // g = w = (1, -2, 0.5), |g| = sqrt(5.25) > 1: the step is lr * g / |g|
    double norm = Math.sqrt(5.25);
    double[][] actual = steps(new SGD(0.1).clipnorm(1.0));
    for (int i = 0; i < 3; i++) {
      assertEquals(W0[i] - 0.1 * W0[i] / norm, actual[0][i], 1e-6);
    }
  }

  @Test
  void learningRateChangesWithoutRebuilding() {
    SGD opt = new SGD(0.1);
    Variable w = new Variable("w", Shape.of(1), "float32", true, new float[] {1f});
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction step = g.trace(() -> {
        Ops ops = Backend.ops();
        Tensor value = ops.read(w);
        opt.applyGradients(ops.gradients(ops.sum(value, null, false), List.of(value)), List.of(w));
        return List.of();
      });
      step.call(List.of());
      assertEquals(0.9f, w.floatValue()[0], 1e-6);
      opt.learningRate(0.5);
      step.call(List.of());
      assertEquals(0.4f, w.floatValue()[0], 1e-6);
    }
  }

  @Test
  void schedulesMatchKerasFormulas() {
    assertEquals(0.1 * Math.pow(0.5, 0.5), new io.keras4j.optimizers.schedules.ExponentialDecay(0.1, 10, 0.5).value(5), 1e-12);
    var pw = new io.keras4j.optimizers.schedules.PiecewiseConstantDecay(new long[] {10, 20}, new double[] {1, 0.5, 0.1});
    assertEquals(1.0, pw.value(10));
    assertEquals(0.5, pw.value(11));
    assertEquals(0.1, pw.value(21));
    assertEquals(0.05, new io.keras4j.optimizers.schedules.CosineDecay(0.1, 100).value(50), 1e-12);
  }
}
