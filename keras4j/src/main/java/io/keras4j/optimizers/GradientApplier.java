package io.keras4j.optimizers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One call of an optimizer's apply, traced into the graph: unscaling, gradient accumulation, clipping, weight
 * decay, the update step, the moving average of the weights, constraints and the step count, in Keras' order.
 *
 * <p>Keras equivalent: {@code BaseOptimizer.apply} and {@code _backend_apply_gradients}. With
 * {@code gradient_accumulation_steps=n}, call k (from 0) adds its gradients to the accumulators; when
 * {@code (k + 1) % n == 0} the update runs on {@code (g + accumulated) / n} and the accumulators are reset. With
 * {@code use_ema}, after each call {@code avg = m * avg + (1 - m) * w} with {@code m = 0} while
 * {@code iterations == 0}, and the variables become their averages when
 * {@code (iterations + 1) % ema_overwrite_frequency == 0}.
 */
final class GradientApplier {
  private final Optimizer o;
  private final OptimizerOptions opt;
  private final Ops ops;
  private final boolean gated;

  /** An apply of {@code o} in {@code ops}; {@code gated} when {@code ops} are conditional (no fused kernels). */
  GradientApplier(Optimizer o, Ops ops, boolean gated) {
    this.o = o;
    this.opt = o.options;
    this.ops = ops;
    this.gated = gated;
  }

  /** {@code x % n == 0} for a float32 count {@code x}. */
  private Tensor isMultiple(Tensor x, int n) {
    Tensor quotient = ops.floor(ops.divide(x, ops.constant((float) n)));
    return ops.equal(ops.subtract(x, ops.multiply(quotient, (float) n)), ops.constant(0f));
  }

  List<Tensor> apply(List<Tensor> gradients, List<Variable> vars) {
    List<Tensor> grads = new ArrayList<>(gradients);
    List<Tensor> updates = new ArrayList<>();
    if (opt.lossScaleFactor != null) {
      grads.replaceAll(g -> g == null ? null : ops.divide(g, ops.constant(opt.lossScaleFactor.floatValue())));
    }
    Ops updateOps = ops;
    Integer n = opt.gradientAccumulationSteps;
    if (n != null) {
      Tensor isUpdate = isMultiple(ops.add(o.rawIterationsFloat(ops), 1f), n);
      for (int i = 0; i < grads.size(); i++) {
        if (grads.get(i) != null) {
          Variable acc = o.slot(vars.get(i), "gradient_accumulator");
          Tensor sum = ops.add(grads.get(i), ops.read(acc));
          updates.add(ops.assign(acc, ops.where(isUpdate, ops.zerosLike(sum), sum)));
          grads.set(i, ops.divide(sum, ops.constant((float) n)));
        }
      }
      updateOps = GatedOps.gate(ops, isUpdate);
    }
    grads = GradientClipping.clip(ops, grads, opt.clipnorm, opt.globalClipnorm, opt.clipvalue);
    Tensor lr = o.learningRateTensor(ops);
    o.beforeUpdates(updateOps);
    boolean inlineConstraints = !opt.useEma && n == null;
    Map<Variable, Tensor> newValues = new IdentityHashMap<>();
    for (int i = 0; i < vars.size(); i++) {
      Tensor g = grads.get(i);
      if (g == null) {
        continue;
      }
      Variable v = vars.get(i);
      boolean decays = opt.decays(v);
      Tensor fused = fusable(v, g, lr, decays) ? o.fusedStep(updateOps, g, v, lr) : null;
      if (fused != null) {
        newValues.put(v, fused);
        continue;
      }
      Tensor value = ops.read(v);
      if (decays) {
        value = ops.subtract(value, ops.multiply(ops.multiply(value, lr), opt.weightDecay.floatValue()));
      }
      value = o.updateStep(updateOps, g, v, value, lr);
      if (inlineConstraints && v.constraint() != null) {
        value = v.constraint().apply(value);
      }
      newValues.put(v, updateOps.assign(v, value));
    }
    if (opt.useEma) {
      movingAverages(newValues, updates);
    }
    if (!inlineConstraints) {
      for (int i = 0; i < vars.size(); i++) {
        Variable v = vars.get(i);
        if (grads.get(i) != null && v.constraint() != null) {
          newValues.put(v, ops.assign(v, v.constraint().apply(newValues.get(v))));
        }
      }
    }
    updates.addAll(newValues.values());
    Tensor one = ops.withDependencies(updates, ops.cast(ops.constant(1f), "int64"));
    Tensor iterations = ops.assignAdd(o.iterationsVariable(), one);
    updates.add(iterations);
    // as Keras' automatic control dependencies: code traced after apply_gradients (a GAN's generator step through
    // the discriminator just updated) reads the new values
    newValues.forEach(ops::readAs);
    ops.readAs(o.iterationsVariable(), iterations);
    return updates;
  }

  /** Whether {@code v}'s update may run as one fused kernel: ungated, float32, no decay and no constraint. */
  private boolean fusable(Variable v, Tensor g, Tensor lr, boolean decays) {
    return !gated && opt.gradientAccumulationSteps == null && !decays && v.constraint() == null
        && "float32".equals(v.dtype()) && "float32".equals(g.dtype()) && "float32".equals(lr.dtype());
  }

  /** Keras' {@code _update_model_variables_moving_average} and the periodic overwrite of the variables. */
  private void movingAverages(Map<Variable, Tensor> newValues, List<Tensor> updates) {
    Tensor step = o.iterationsFloat(ops);
    Tensor momentum = ops.multiply(ops.cast(ops.notEqual(step, ops.constant(0f)), "float32"),
        (float) opt.emaMomentum);
    Tensor keep = ops.add(ops.negative(momentum), 1f);
    Integer frequency = opt.emaOverwriteFrequency;
    Tensor overwrite = frequency == null ? null : isMultiple(ops.add(step, 1f), frequency);
    for (Variable v : o.state.built()) {
      Variable avg = o.slot(v, "average");
      Tensor current = newValues.containsKey(v) ? newValues.get(v) : ops.read(v);
      Tensor average = ops.assign(avg, ops.add(ops.multiply(momentum, ops.read(avg)), ops.multiply(keep, current)));
      updates.add(average);
      if (overwrite != null) {
        newValues.put(v, ops.assign(v, ops.where(overwrite, average, current)));
      }
    }
  }
}
