package io.keras4j.models;

import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import io.keras4j.data.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A step written by the user, traced once into a graph and run in one engine call each time it is called: the
 * custom training loop of Keras' guide "Writing a training loop from scratch" (TensorFlow version).
 *
 * <p>Keras equivalent: a Python function decorated with {@code @tf.function}. The Python
 * <pre>
 * &#64;tf.function
 * def train_step(x, y):
 *     with tf.GradientTape() as tape:
 *         logits = model(x, training=True)
 *         loss_value = loss_fn(y, logits)
 *     grads = tape.gradient(loss_value, model.trainable_weights)
 *     optimizer.apply_gradients(zip(grads, model.trainable_weights))
 *     train_acc_metric.update_state(y, logits)
 *     return loss_value
 *
 * for x_batch, y_batch in train_dataset:
 *     loss_value = train_step(x_batch, y_batch)
 * </pre>
 * is
 * <pre>{@code
 * try (KerasFunction trainStep = KerasFunction.of(in -> {
 *   Tensor logits = model.apply(in.get(0), true);
 *   Tensor lossValue = lossFn.apply(in.get(1), logits, null);
 *   List<Tensor> grads = new GradientTape().gradient(lossValue, model.trainableWeights());
 *   optimizer.applyGradients(grads, model.trainableWeights());
 *   trainAccMetric.updateState(in.get(1), logits, null);
 *   return List.of(lossValue);
 * })) {
 *   for (int b = 0; b < batches; b++) {
 *     float lossValue = trainStep.call(xBatch[b], yBatch[b]).get(0).getFloat();
 *   }
 * }
 * }</pre>
 *
 * <p>The inputs are float32 (labels too, as {@code fit} feeds them), of any batch size: the function is traced for
 * the per-sample shapes of its first call and traced again for other ones, as {@code tf.function} retraces. Every
 * variable assignment made while tracing (optimizer updates, metric updates, BatchNormalization statistics) runs at
 * each call; metric results and later reads see this call's updates. Variables are shared with the model: its
 * {@code fit}, {@code predict} and {@code getWeights} see the values this function trained, and the other way round.
 * Close it to release its graph.
 */
public final class KerasFunction implements AutoCloseable {
  private final Function<List<Tensor>, List<Tensor>> body;
  private ComputeGraph graph;
  private TracedFunction fn;
  private List<Shape> signature;

  private KerasFunction(Function<List<Tensor>, List<Tensor>> body) {
    this.body = body;
  }

  /**
   * A function whose {@code body} maps the input tensors (one per argument of {@link #call}) to the outputs;
   * {@code body} runs once per traced signature, with {@code Backend.ops()} available.
   */
  public static KerasFunction of(Function<List<Tensor>, List<Tensor>> body) {
    if (body == null) {
      throw new IllegalArgumentException("KerasFunction.of expects a function body. Received: null");
    }
    return new KerasFunction(body);
  }

  /**
   * Runs the function on {@code inputs} (each an {@link NDArray}, a Java array of any rank or a TensorFlow Java
   * NdArray), tracing it at the first call and for each new per-sample shape; returns the outputs.
   */
  public List<NDArray> call(Object... inputs) {
    List<HostArray> arrays = new ArrayList<>();
    for (int i = 0; i < inputs.length; i++) {
      arrays.addAll(DataAdapters.arrays(inputs[i], "input " + i));
    }
    TracedFunction f = traced(arrays);
    List<NativeArray> feeds = new ArrayList<>();
    try {
      for (HostArray a : arrays) {
        feeds.add(Backend.array(a.values(), a.shape()));
      }
      List<NDArray> out = new ArrayList<>();
      for (NativeArray r : f.call(feeds)) {
        try (r) {
          out.add(NDArray.of(new HostArray(r.toFloatArray(), r.shape())));
        }
      }
      return out;
    } finally {
      feeds.forEach(NativeArray::close);
    }
  }

  private TracedFunction traced(List<HostArray> arrays) {
    List<Shape> sig = new ArrayList<>();
    for (HostArray a : arrays) {
      sig.add(a.shape().rank() == 0 ? a.shape() : a.shape().with(0, Shape.UNKNOWN));
    }
    if (fn != null && sig.equals(signature)) {
      return fn;
    }
    if (graph == null) {
      graph = Backend.newGraph();
    }
    fn = graph.trace(() -> {
      Ops ops = Backend.ops();
      List<Tensor> in = new ArrayList<>();
      for (Shape s : sig) {
        in.add(ops.placeholder("float32", s));
      }
      Backend.takeLosses();
      List<Tensor> out = body.apply(in);
      if (out == null) {
        throw new IllegalStateException("The body of a KerasFunction returned null; expected a list of tensors "
            + "(List.of() for none)");
      }
      // outputs read after every update traced, as tf.function's automatic control dependencies
      return ops.afterUpdates(() -> out.stream().map(ops::identity).toList());
    });
    signature = sig;
    return fn;
  }

  /** Releases the graph and its session; the variables keep their trained values. */
  @Override
  public void close() {
    if (graph != null) {
      graph.close();
      graph = null;
      fn = null;
    }
  }
}
