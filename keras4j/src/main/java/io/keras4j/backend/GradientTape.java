package io.keras4j.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * Gradients of a scalar with respect to variables or to any tensor of the step being traced, such as a model's
 * inputs (adversarial attacks) or a latent code.
 *
 * <p>Keras equivalent: {@code tf.GradientTape} as Keras 3 users on TensorFlow write it in a {@code train_step} or a
 * {@code tf.function}:
 * <pre>
 * with tf.GradientTape() as tape:
 *     tape.watch(x)
 *     loss = loss_fn(y, model(x, training=True))
 * grads = tape.gradient(loss, model.trainable_weights)
 * dx = tape.gradient(loss, x)
 * </pre>
 * is, inside {@code trainStep} or a {@code KerasFunction}:
 * <pre>{@code
 * GradientTape tape = new GradientTape().watch(x);
 * Tensor loss = lossFn.apply(y, model.apply(x, true), null);
 * List<Tensor> grads = tape.gradient(loss, model.trainableWeights());
 * Tensor dx = tape.gradient(loss, x);
 * }</pre>
 *
 * <p>Porting note: keras4j traces each step into one graph, so nothing is recorded: the gradient is the graph's
 * symbolic derivative ({@link Ops#gradients}) and the tape needs no {@code with} block; any tensor of the trace may
 * be differentiated against, and {@link #watch} only documents intent (kept so that ported code reads the same).
 * A variable's gradient
 * is taken with respect to its value read in this trace ({@link Ops#read}), the value the forward pass used. As
 * {@code tape.gradient}'s default {@code unconnected_gradients="none"}, an unconnected source gets null.
 */
public final class GradientTape {
  /** A tape; only valid while a step is traced (inside {@code trainStep}, a layer's call or a KerasFunction). */
  public GradientTape() {}

  /** Marks {@code tensors} as sources whose gradients will be asked for (Keras' {@code tape.watch(x)}). */
  public GradientTape watch(Tensor... tensors) {
    for (Tensor t : tensors) {
      if (t == null) {
        throw new IllegalArgumentException("GradientTape.watch expects tensors of the traced step. Received: null");
      }
    }
    return this;
  }

  /** The gradient of {@code target} with respect to the tensor {@code source}; null when unconnected. */
  public Tensor gradient(Tensor target, Tensor source) {
    return gradient(target, List.of(source)).get(0);
  }

  /** The gradient of {@code target} with respect to the current value of {@code variable}; null when unconnected. */
  public Tensor gradient(Tensor target, Variable variable) {
    return gradient(target, List.of(variable)).get(0);
  }

  /**
   * The gradients of {@code target} with respect to each source, a {@link Variable} or a {@link Tensor} (Keras'
   * {@code tape.gradient(target, sources)}), in the sources' order; null where the target does not depend on one.
   *
   * @throws IllegalArgumentException when {@code target} is not a scalar, a source is neither a Variable nor a
   *     Tensor
   */
  public List<Tensor> gradient(Tensor target, List<?> sources) {
    if (target == null) {
      throw new IllegalArgumentException("GradientTape.gradient expects a scalar target. Received: null");
    }
    if (target.rank() != 0 && target.shape().size() != 1) {
      throw new IllegalArgumentException("GradientTape.gradient expects a scalar target (reduce it first, such as "
          + "ops.mean(loss, null, false)). Received: target.shape=" + target.shape());
    }
    Ops ops = Backend.ops();
    List<Tensor> xs = new ArrayList<>();
    for (Object s : sources) {
      if (s instanceof Variable v) {
        xs.add(ops.read(v));
      } else if (s instanceof Tensor t) {
        xs.add(t);
      } else {
        throw new IllegalArgumentException("GradientTape.gradient expects Variables or Tensors as sources. Received: "
            + (s == null ? "null" : s.getClass().getSimpleName()));
      }
    }
    if (xs.isEmpty()) {
      return List.of();
    }
    return ops.gradients(target, xs);
  }
}
