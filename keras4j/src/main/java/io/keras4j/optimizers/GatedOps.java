package io.keras4j.optimizers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Ops whose variable assignments take effect only where a boolean scalar holds: {@code assign(v, x)} writes
 * {@code where(condition, x, v)}. Everything else is the wrapped ops' own.
 *
 * <p>Keras equivalent: the {@code ops.cond} around an optimizer's update in {@code _backend_apply_gradients}
 * (gradient accumulation) and in {@code LossScaleOptimizer.apply} (skipping a step with non-finite gradients).
 * Porting note: keras4j's graphs have no conditional branches, so both branches are computed and the condition
 * selects what is written; the numbers are Keras'. Fused update kernels cannot be gated and are refused.
 */
final class GatedOps {
  private GatedOps() {}

  /** {@code ops} with every assignment gated by {@code condition}. */
  static Ops gate(Ops ops, Tensor condition) {
    return (Ops) Proxy.newProxyInstance(Ops.class.getClassLoader(), new Class<?>[] {Ops.class}, (proxy, m, args) -> {
      switch (m.getName()) {
        case "assign" -> {
          Variable v = (Variable) args[0];
          return ops.assign(v, ops.where(condition, (Tensor) args[1], ops.read(v)));
        }
        case "assignAdd" -> {
          Variable v = (Variable) args[0];
          Tensor old = ops.read(v);
          return ops.assign(v, ops.where(condition, ops.add(old, (Tensor) args[1]), old));
        }
        case "adamUpdate", "sgdMomentumUpdate", "sgdUpdate" ->
            throw new IllegalStateException("A fused update (" + m.getName() + ") cannot run under a condition");
        default -> {
          try {
            return m.invoke(ops, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        }
      }
    });
  }
}
